/**
 * What the mediator's modules in `src/app/` need from the page that hosts them (`<dm-app>`): the store,
 * the replaceable storage and workers, and the few DOM-ish acts (saving a file, focusing an editor).
 */
import type { AssumptionId } from '../engine/index.js';
import type { WorkerFactory } from '../runner/comlink.js';
import type { AppState } from '../state/app-state.js';
import type { SavedScenarios } from '../state/saved-scenarios.js';
import type { Store } from '../state/store.js';

/** An update of the app state, as the store takes it. */
export type Recipe = Parameters<Store<AppState>['update']>[0];

/** The page the mediator works for. Fields are read when used, so tests may replace them after mounting. */
export interface AppHost {
  readonly store: Store<AppState>;
  /** Where the data files are served from, relative to the page. */
  readonly dataBase: string;
  readonly savedScenarios: SavedScenarios;
  readonly workerFactory: WorkerFactory;
  /** How long a worker may take to answer before it counts as hung (ms). */
  readonly workerTimeoutMs: number;
  /** Whether the page is still mounted. */
  readonly isConnected: boolean;
  /** Offer text as a file download. */
  saveFile(name: string, text: string, type: string): void;
  /** Show an input's editor in the scenario panel. */
  focusAssumption(id: AssumptionId): void;
}
