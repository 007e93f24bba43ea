import { DEFAULT_FIXED_SHARE } from '../coalition/keys.js';
import type { KommunGeo } from '../data/kommun-geo.js';
import type {
  Capability,
  DecisionAnalysis,
  Issue,
  Municipality,
  Results,
  Scenario,
  Swing,
  ThresholdAnalysis,
} from '../engine/index.js';
import type { Lang } from '../i18n.js';
import type { MemberCells, MemberChange } from './capability-map.js';
import { type CoalitionState, initialCoalition } from './coalition.js';
import type { MapProblem } from './map-text.js';
import type { SavedScenario, UnreadableSaved } from './saved-scenarios.js';

/** A named group of municipalities (a county, a kommunalförbund, an existing IT collaboration). */
export interface Region {
  id: string;
  name: { sv: string; en: string };
  kind: string;
  members: string[];
  source: string;
}

export interface AppData {
  municipalities: Municipality[];
  capabilities: Capability[];
  regions: Region[];
  /**
   * Each kommun's point and bordering kommuner (public/data/kommun-geo.json); null when the file could not
   * be loaded or read: the app works without it, but the finder cannot keep to neighbours.
   */
  geo?: KommunGeo | null;
}

/** The screen: the workspace, the politicians' summary, or full-screen presentation of the summary's charts. */
export type View = 'workspace' | 'summary' | 'presenter';

/** The workspace's result tabs, in their order. */
export const TABS = [
  'kostnad',
  'kapacitet',
  'formagor',
  'formagekarta',
  'kommuner',
  'vemmedvem',
  'osakerhet',
  'beslut',
  'jamforelse',
  'data',
] as const;
export type Tab = (typeof TABS)[number];

export interface RunState {
  /** Increases with every started run; results of older runs are dropped. */
  id: number;
  status: 'idle' | 'running' | 'done' | 'error';
  done: number;
  total: number;
  /** The latest results (partial while running). Kept when a run fails, so the last good picture stays. */
  results: Results | null;
  /** One-at-a-time swings of the top inputs, computed after a run finishes. */
  swings: Swing[] | null;
  /** Cost against capacity, acceptability and value of information, computed after a run finishes. */
  decision: DecisionAnalysis | null;
  /** What would have to be true (thresholds), searched after a run finishes; progress while searching. */
  thresholds: ThresholdAnalysis | null;
  thresholdSearch: { status: 'idle' | 'running' | 'done' | 'error'; done: number; total: number };
  error: string | null;
  /** A quick preview of a few hundred runs while a value is being dragged. */
  preview: boolean;
  /** The results belong to an earlier scenario: the current one was rejected and is not run. */
  outdated: boolean;
}

/** A problem of an imported file, at its row and column (`null`: the whole file), in Swedish. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface AppState {
  lang: Lang;
  data: { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & AppData);
  scenario: Scenario;
  /** Problems found in the scenario as last edited; the previous valid results stay on screen. */
  issues: Issue[];
  run: RunState;
  tab: Tab;
  /** A message for the user (a link that could not be opened, a copied link …). */
  notice: { kind: 'info' | 'error'; text: string; link?: string } | null;
  /** Scenarios saved in this browser, and the stored entries that cannot be read (listed, never hidden). */
  saved: { status: 'loading' | 'ready' | 'unavailable'; items: SavedScenario[]; unreadable: UnreadableSaved[] };
  view: View;
  /** An import being previewed: its problems, or the changes it would make (nothing applied yet). */
  importPreview:
    | {
        file: string;
        problems: ImportProblem[];
        /** Set once the file's valid rows were applied: how many changes; `problems` are the rows left out. */
        applied?: number;
      }
    | {
        file: string;
        changes: { code: string; name: string; field: string; from: unknown; to: unknown }[];
        profiles: Municipality[];
        /** The rows left out when applying (listed with the preview); empty when every row is valid. */
        problems?: ImportProblem[];
      }
    | {
        file: string;
        changes: { id: string; name: string; field: string; from: unknown; to: unknown }[];
        capabilities: Capability[];
        problems?: ImportProblem[];
      }
    | null;
  /**
   * Filled capability-map templates being previewed: what each kommun's cells would become and the problems
   * of the rows left out, or (no `imported`) why the files were refused. Nothing is applied before Apply.
   */
  mapImport: {
    files: string[];
    problems: MapProblem[];
    imported?: Record<string, MemberCells>;
    changes?: MemberChange[];
  } | null;
  /** Ids of saved scenarios chosen for side-by-side comparison (at most four). */
  compare: string[];
  /** Chosen saved scenarios without results, being run for the comparison (by id), or why they could not be. */
  compareRuns: Record<
    string,
    { status: 'running'; done: number; total: number } | { status: 'failed'; reason: { sv: string; en: string } }
  >;
  /** Who should work with whom (issue #21): the finder's settings, its result and the chosen group's keys. */
  coalition: CoalitionState;
}

export function initialState(scenario: Scenario, lang: Lang = 'sv'): AppState {
  return {
    lang,
    data: { status: 'loading' },
    scenario,
    issues: [],
    run: {
      id: 0,
      status: 'idle',
      done: 0,
      total: 0,
      results: null,
      swings: null,
      decision: null,
      thresholds: null,
      thresholdSearch: { status: 'idle', done: 0, total: 0 },
      error: null,
      preview: false,
      outdated: false,
    },
    tab: 'kostnad',
    notice: null,
    saved: { status: 'loading', items: [], unreadable: [] },
    compare: [],
    compareRuns: {},
    view: 'workspace',
    importPreview: null,
    mapImport: null,
    coalition: initialCoalition(DEFAULT_FIXED_SHARE),
  };
}

/**
 * A selector of some top-level parts of the state that returns the same object while each part is the
 * same, so that a container re-renders only when one of its parts changes (not on every partial result).
 */
export function parts<K extends keyof AppState>(...keys: K[]): (s: AppState) => Pick<AppState, K> {
  let last: Pick<AppState, K> | undefined;
  return (s) => {
    if (last && keys.every((k) => last?.[k] === s[k])) return last;
    const next = {} as Pick<AppState, K>;
    for (const k of keys) next[k] = s[k];
    last = next;
    return next;
  };
}

/**
 * The run's results with the analyses computed after it (decision, thresholds) attached, as the CLI
 * writes them: what the summary reads and the results file carries. Null without results.
 */
export function analysedResults(run: RunState): Results | null {
  if (!run.results) return null;
  if (!run.decision && !run.thresholds) return run.results;
  return {
    ...run.results,
    ...(run.decision ? { decision: run.decision } : {}),
    ...(run.thresholds ? { thresholds: run.thresholds } : {}),
  };
}
