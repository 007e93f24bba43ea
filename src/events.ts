import type { Assumption, AssumptionId, MapCell, PathId, Scenario } from './engine/index.js';
import type { Lang } from './i18n.js';
import type { Tab, View } from './state/app-state.js';
import type { ChosenGroup, CoalitionSettings, MemberRole } from './state/coalition.js';

/** A user's intent, as a typed event detail. Components emit these only in response to user input. */
export interface IntentMap {
  'dm-members-change': { codes: string[] };
  'dm-path-toggle': { path: Exclude<PathId, 'status-quo'>; enabled: boolean };
  'dm-path-setting':
    | { path: 'samverkan'; form: Scenario['paths']['samverkan']['form'] }
    | { path: 'asymmetrisk'; host: string }
    | { path: 'omfordelning'; bodyPopulation: number }
    | { path: 'samverkan' | 'asymmetrisk'; exit: Scenario['paths']['samverkan']['exit'] }
    | {
        path: 'samverkan' | 'asymmetrisk' | 'omfordelning';
        selection: 'poolable' | 'transferable' | 'none' | string[];
      };
  'dm-assumption-change': { id: AssumptionId; assumption: Assumption | null };
  /** A value being dragged (a slider moving): show a quick preview; a dm-assumption-change follows. */
  'dm-assumption-preview': { id: AssumptionId; assumption: Assumption };
  /** Show this input's editor in the scenario panel (scroll to it and focus its first field). */
  'dm-focus-assumption': { id: AssumptionId };
  'dm-run-settings-change': Partial<Pick<Scenario, 'runs' | 'horizonYears' | 'seed' | 'stopWhenStable' | 'sampling'>>;
  'dm-scenario-select': { id: string };
  'dm-lang-change': { lang: Lang };
  'dm-tab-change': { tab: Tab };
  'dm-link-copy': Record<string, never>;
  'dm-notice-dismiss': Record<string, never>;
  'dm-scenario-download': Record<string, never>;
  'dm-scenario-upload': { file: File };
  'dm-save': { name: string };
  'dm-saved-open': { id: string };
  'dm-saved-rename': { id: string; name: string };
  'dm-saved-duplicate': { id: string };
  'dm-saved-delete': { id: string };
  /** A stored entry that cannot be read: download its content as it is, or delete it (the user confirmed). */
  'dm-saved-unreadable-download': { ref: string };
  'dm-saved-unreadable-delete': { ref: string };
  'dm-compare-toggle': { id: string };
  'dm-view-change': { view: View };
  'dm-run-more': Record<string, never>;
  'dm-data-import': { file: File; what?: 'municipalities' | 'capabilities' };
  'dm-data-import-apply': Record<string, never>;
  'dm-data-import-cancel': Record<string, never>;
  'dm-data-reset': Record<string, never>;
  'dm-data-template': { format: 'csv' | 'json'; what?: 'municipalities' | 'capabilities' };
  'dm-profile-edit': { code: string; field: string; value: number | null };
  'dm-capability-edit': { id: string; field: string; value: number | boolean };
  'dm-export': { what: 'results-csv' | 'municipalities-csv' | 'results-json' | 'runs-csv' };
  /** One cell of the capability map set (null: not assessed). */
  'dm-map-cell-change': { code: string; id: string; cell: MapCell | null };
  'dm-map-source-change': { source: string };
  /** Download the map's template: for every member, or for one kommun. */
  'dm-map-template': { code?: string };
  'dm-map-import': { files: File[] };
  'dm-map-import-apply': Record<string, never>;
  'dm-map-import-cancel': Record<string, never>;
  'dm-map-clear': Record<string, never>;
  /** The coalition finder's settings (roles of members apart). */
  'dm-coalition-settings': Partial<Omit<CoalitionSettings, 'roles'>>;
  'dm-coalition-role': { code: string; role: MemberRole };
  'dm-coalition-find': Record<string, never>;
  /** Stop the search or the sharing analysis in flight. */
  'dm-coalition-cancel': Record<string, never>;
  /** Divide the costs of this group of this grouping (the sharing analysis). */
  'dm-coalition-share': ChosenGroup;
  /** Open this group as an ordinary scenario. */
  'dm-coalition-open': ChosenGroup;
}

export type IntentName = keyof IntentMap;

/** Dispatch a typed intent that bubbles out of shadow roots to the mediator (`<dm-app>`). */
export function emit<K extends IntentName>(from: HTMLElement, name: K, detail: IntentMap[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'dm-members-change': CustomEvent<IntentMap['dm-members-change']>;
    'dm-path-toggle': CustomEvent<IntentMap['dm-path-toggle']>;
    'dm-path-setting': CustomEvent<IntentMap['dm-path-setting']>;
    'dm-assumption-change': CustomEvent<IntentMap['dm-assumption-change']>;
    'dm-assumption-preview': CustomEvent<IntentMap['dm-assumption-preview']>;
    'dm-focus-assumption': CustomEvent<IntentMap['dm-focus-assumption']>;
    'dm-run-settings-change': CustomEvent<IntentMap['dm-run-settings-change']>;
    'dm-scenario-select': CustomEvent<IntentMap['dm-scenario-select']>;
    'dm-lang-change': CustomEvent<IntentMap['dm-lang-change']>;
    'dm-tab-change': CustomEvent<IntentMap['dm-tab-change']>;
    'dm-link-copy': CustomEvent<IntentMap['dm-link-copy']>;
    'dm-notice-dismiss': CustomEvent<IntentMap['dm-notice-dismiss']>;
    'dm-scenario-download': CustomEvent<IntentMap['dm-scenario-download']>;
    'dm-scenario-upload': CustomEvent<IntentMap['dm-scenario-upload']>;
    'dm-save': CustomEvent<IntentMap['dm-save']>;
    'dm-saved-open': CustomEvent<IntentMap['dm-saved-open']>;
    'dm-saved-rename': CustomEvent<IntentMap['dm-saved-rename']>;
    'dm-saved-duplicate': CustomEvent<IntentMap['dm-saved-duplicate']>;
    'dm-saved-delete': CustomEvent<IntentMap['dm-saved-delete']>;
    'dm-saved-unreadable-download': CustomEvent<IntentMap['dm-saved-unreadable-download']>;
    'dm-saved-unreadable-delete': CustomEvent<IntentMap['dm-saved-unreadable-delete']>;
    'dm-compare-toggle': CustomEvent<IntentMap['dm-compare-toggle']>;
    'dm-view-change': CustomEvent<IntentMap['dm-view-change']>;
    'dm-run-more': CustomEvent<IntentMap['dm-run-more']>;
    'dm-data-import': CustomEvent<IntentMap['dm-data-import']>;
    'dm-data-import-apply': CustomEvent<IntentMap['dm-data-import-apply']>;
    'dm-data-import-cancel': CustomEvent<IntentMap['dm-data-import-cancel']>;
    'dm-data-reset': CustomEvent<IntentMap['dm-data-reset']>;
    'dm-data-template': CustomEvent<IntentMap['dm-data-template']>;
    'dm-profile-edit': CustomEvent<IntentMap['dm-profile-edit']>;
    'dm-capability-edit': CustomEvent<IntentMap['dm-capability-edit']>;
    'dm-export': CustomEvent<IntentMap['dm-export']>;
    'dm-map-cell-change': CustomEvent<IntentMap['dm-map-cell-change']>;
    'dm-map-source-change': CustomEvent<IntentMap['dm-map-source-change']>;
    'dm-map-template': CustomEvent<IntentMap['dm-map-template']>;
    'dm-map-import': CustomEvent<IntentMap['dm-map-import']>;
    'dm-map-import-apply': CustomEvent<IntentMap['dm-map-import-apply']>;
    'dm-map-import-cancel': CustomEvent<IntentMap['dm-map-import-cancel']>;
    'dm-map-clear': CustomEvent<IntentMap['dm-map-clear']>;
    'dm-coalition-settings': CustomEvent<IntentMap['dm-coalition-settings']>;
    'dm-coalition-role': CustomEvent<IntentMap['dm-coalition-role']>;
    'dm-coalition-find': CustomEvent<IntentMap['dm-coalition-find']>;
    'dm-coalition-cancel': CustomEvent<IntentMap['dm-coalition-cancel']>;
    'dm-coalition-share': CustomEvent<IntentMap['dm-coalition-share']>;
    'dm-coalition-open': CustomEvent<IntentMap['dm-coalition-open']>;
  }
}
