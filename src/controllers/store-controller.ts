import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppState } from '../state/app-state.js';
import { storeContext } from '../state/context.js';
import type { Store } from '../state/store.js';

/** Subscribes a container component to a slice of the store; the host re-renders when the slice changes. */
export class StoreController<T> implements ReactiveController {
  value!: T;
  store?: Store<AppState>;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, select: (s: AppState) => T) {
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: false,
      callback: (store) => {
        this.store = store;
        this.#unsubscribe?.();
        const pull = (s: AppState) => {
          const next = select(s);
          if (next !== this.value) {
            this.value = next;
            host.requestUpdate();
          }
        };
        pull(store.state);
        this.#unsubscribe = store.subscribe(pull);
      },
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
