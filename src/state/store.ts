import { type Draft, produce } from 'immer';

/** The app's single store: an immutable state updated by Immer recipes, with subscribers. */
export class Store<S> {
  #state: S;
  #listeners = new Set<(s: S) => void>();

  constructor(initial: S) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  /** Apply one recipe. Immer returns the same object for no-ops, so listeners fire only on real change. */
  update(recipe: (draft: Draft<S>) => void): void {
    const next = produce(this.#state, recipe);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }

  subscribe(listener: (s: S) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
