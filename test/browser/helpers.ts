import type { DmApp } from '../../src/components/dm-app.js';
import '../../src/components/dm-app.js';
import { SCENARIOS } from '../../src/scenarios.js';
import { loadScenario } from '../../src/state/actions.js';
import { SavedScenarios } from '../../src/state/saved-scenarios.js';

/** Wait until `check` holds, polling every 50 ms; fail after `timeout` ms with `describe()` in the message. */
export async function until(check: () => boolean, timeout = 45000, describe: () => string = () => ''): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeout) throw new Error(`timed out ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The open shadow root of an element, if any. */
export const shadow = (el: Element | null | undefined): ShadowRoot | null => el?.shadowRoot ?? null;

/** The app in Swedish on the default scenario with `runs` runs and a saved-scenario store of its own. */
export function mountDefault(database: string, runs: number): DmApp {
  document.documentElement.lang = 'sv';
  const app = document.createElement('dm-app');
  app.dataBase = '/public/data/';
  app.savedScenarios = new SavedScenarios(`${database}-${Date.now()}`);
  app.store.update(loadScenario({ ...structuredClone(SCENARIOS[0]), runs }));
  document.body.append(app);
  return app;
}
