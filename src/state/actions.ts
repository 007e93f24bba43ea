import { castDraft, type Draft } from 'immer';
import type { GroupForm } from '../coalition/game.js';
import type { FinderProgress, FinderResult } from '../coalition/search.js';
import type { SharingResult } from '../coalition/sharing.js';
import type {
  Assumption,
  AssumptionId,
  Capability,
  DecisionAnalysis,
  Issue,
  MapCell,
  Municipality,
  PathId,
  Results,
  Scenario,
  Swing,
  ThresholdAnalysis,
} from '../engine/index.js';
import type { Lang } from '../i18n.js';
import type { AppData, AppState, Tab, View } from './app-state.js';
import { type MemberCells, mergeMap } from './capability-map.js';
import { type ChosenGroup, type CoalitionSettings, coalitionKey, type MemberRole } from './coalition.js';
import type { KeyResults, SavedScenario, UnreadableSaved } from './saved-scenarios.js';

/** At most this many scenarios side by side. */
export const MAX_COMPARE = 4;

type Recipe = (d: Draft<AppState>) => void;
type SharedPath = Exclude<PathId, 'status-quo'>;

// user intents
export const setLang =
  (lang: Lang): Recipe =>
  (d) => {
    d.lang = lang;
  };
export const setTab =
  (tab: Tab): Recipe =>
  (d) => {
    d.tab = tab;
  };
export const setMembers =
  (codes: string[]): Recipe =>
  (d) => {
    d.scenario.members = [...new Set(codes)];
    // a host or subset that is no longer a member falls back to the defaults
    const keep = (list: 'all' | string[]) => (list === 'all' ? 'all' : list.filter((c) => codes.includes(c)));
    for (const id of ['samverkan', 'sammanlaggning', 'asymmetrisk'] as const) {
      const next = keep(d.scenario.paths[id].members);
      d.scenario.paths[id].members = Array.isArray(next) && next.length === 0 ? 'all' : next;
    }
    if (d.scenario.paths.asymmetrisk.host !== 'largest' && !codes.includes(d.scenario.paths.asymmetrisk.host)) {
      d.scenario.paths.asymmetrisk.host = 'largest';
    }
    for (const id of ['samverkan', 'asymmetrisk'] as const) {
      const exit = d.scenario.paths[id].exit;
      if (exit && 'member' in exit && !codes.includes(exit.member)) delete d.scenario.paths[id].exit;
    }
  };
export const setPathEnabled =
  (path: SharedPath, enabled: boolean): Recipe =>
  (d) => {
    d.scenario.paths[path].enabled = enabled;
  };
export const setSamverkanForm =
  (form: Scenario['paths']['samverkan']['form']): Recipe =>
  (d) => {
    d.scenario.paths.samverkan.form = form;
  };
export const setHost =
  (host: string): Recipe =>
  (d) => {
    d.scenario.paths.asymmetrisk.host = host;
  };
export const setBodyPopulation =
  (population: number): Recipe =>
  (d) => {
    d.scenario.paths.omfordelning.bodyPopulation = population;
  };
export const setSharedCapabilities =
  (
    path: 'samverkan' | 'asymmetrisk' | 'omfordelning',
    selection: 'poolable' | 'transferable' | 'none' | string[],
  ): Recipe =>
  (d) => {
    if (path === 'samverkan') d.scenario.paths.samverkan.pooled = selection;
    else if (path === 'asymmetrisk') d.scenario.paths.asymmetrisk.provided = selection;
    else d.scenario.paths.omfordelning.transferred = selection;
  };
export const setAssumption =
  (id: AssumptionId, assumption: Assumption): Recipe =>
  (d) => {
    d.scenario.assumptions = { ...d.scenario.assumptions, [id]: assumption };
  };
export const resetAssumption =
  (id: AssumptionId): Recipe =>
  (d) => {
    if (d.scenario.assumptions) delete d.scenario.assumptions[id];
  };
export const setRunSettings =
  (settings: Partial<Pick<Scenario, 'runs' | 'horizonYears' | 'seed' | 'stopWhenStable' | 'sampling'>>): Recipe =>
  (d) => {
    // kept explicit, also when off: the presets stop at a stable answer with rqmc, so "off" is a difference
    Object.assign(d.scenario, settings);
  };
export const loadScenario =
  (scenario: Scenario): Recipe =>
  (d) => {
    d.scenario = castDraft(scenario);
  };

// system facts
export const dataLoaded =
  (data: AppData): Recipe =>
  (d) => {
    d.data = castDraft({ status: 'ready' as const, ...data });
  };
export const dataFailed =
  (message: string): Recipe =>
  (d) => {
    d.data = { status: 'error', message };
  };
/**
 * The current scenario cannot be run: list its problems, end any run in flight (the caller cancels it),
 * and mark the results on screen as belonging to the scenario before the edit.
 */
export const scenarioRejected =
  (issues: Issue[]): Recipe =>
  (d) => {
    d.issues = issues;
    if (d.run.status === 'running') d.run.status = d.run.results ? 'done' : 'idle';
    d.run.outdated = d.run.results !== null;
  };
export const runStarted =
  (id: number, total: number, preview = false): Recipe =>
  (d) => {
    d.issues = [];
    d.run.outdated = false;
    d.run.id = id;
    d.run.preview = preview;
    d.run.status = 'running';
    d.run.swings = null;
    d.run.decision = null;
    d.run.thresholds = null;
    d.run.thresholdSearch = { status: 'idle', done: 0, total: 0 };
    d.run.done = 0;
    d.run.total = total;
    d.run.error = null;
  };
/**
 * Results are read-only data from a worker (~1 000 nested objects). Frozen at the top, Immer takes them
 * as they are instead of walking every nested object to finalise and freeze it on each partial result
 * (≈ 150 ms of main-thread time per run in a profile).
 */
const sealed = (results: Results): Results => Object.freeze(results);

export const runProgressed =
  (id: number, done: number, results: Results): Recipe =>
  (d) => {
    if (d.run.id !== id) return; // a newer run superseded this one: drop the stale result
    d.run.done = done;
    d.run.results = castDraft(sealed(results));
  };
export const runFinished =
  (id: number, results: Results): Recipe =>
  (d) => {
    if (d.run.id !== id) return;
    d.run.status = 'done';
    d.run.done = results.runsDone;
    // a run that stopped at its first stable answer is complete at that count, not 1 200 of 10 000
    if (results.runsDone < d.run.total) d.run.total = results.runsDone;
    d.run.results = castDraft(sealed(results));
  };
export const runFailed =
  (id: number, error: string): Recipe =>
  (d) => {
    if (d.run.id !== id) return;
    d.run.status = 'error';
    d.run.error = error;
  };
export const noticeShown =
  (notice: NonNullable<AppState['notice']>): Recipe =>
  (d) => {
    d.notice = notice;
  };
export const dismissNotice = (): Recipe => (d) => {
  d.notice = null;
};
export const savedLoaded =
  (items: SavedScenario[], unreadable: UnreadableSaved[] = []): Recipe =>
  (d) => {
    d.saved = castDraft({ status: 'ready' as const, items, unreadable });
    d.compare = d.compare.filter((id) => items.some((x) => x.id === id));
  };
/** A saved scenario's results, once its run has finished (shown at once; stored by the caller). */
export const savedResultsFound =
  (id: string, results: KeyResults): Recipe =>
  (d) => {
    const item = d.saved.items.find((x) => x.id === id);
    if (item && !item.results) item.results = castDraft(results);
    delete d.compareRuns[id];
  };
/** The state of a chosen saved scenario's run for the comparison; null when there is none. */
export const compareRunChanged =
  (id: string, run: AppState['compareRuns'][string] | null): Recipe =>
  (d) => {
    if (run) d.compareRuns[id] = run;
    else delete d.compareRuns[id];
  };
export const savedUnavailable = (): Recipe => (d) => {
  d.saved.status = 'unavailable';
};
export const toggleCompare =
  (id: string): Recipe =>
  (d) => {
    if (d.compare.includes(id)) d.compare = d.compare.filter((x) => x !== id);
    else if (d.compare.length < MAX_COMPARE) d.compare.push(id);
  };
export const setView =
  (view: View): Recipe =>
  (d) => {
    d.view = view;
  };
export const runContinued =
  (id: number, total: number, done: number): Recipe =>
  (d) => {
    d.scenario.runs = total;
    d.run.id = id;
    d.run.preview = false;
    d.run.status = 'running';
    d.run.total = total;
    d.run.done = done;
    d.run.error = null;
  };
export const swingsComputed =
  (id: number, swings: Swing[]): Recipe =>
  (d) => {
    if (d.run.id === id) d.run.swings = castDraft(swings);
  };
export const decisionComputed =
  (id: number, decision: DecisionAnalysis): Recipe =>
  (d) => {
    if (d.run.id === id) d.run.decision = castDraft(Object.freeze(decision));
  };
export const thresholdSearchProgressed =
  (id: number, status: AppState['run']['thresholdSearch']['status'], done = 0, total = 0): Recipe =>
  (d) => {
    if (d.run.id === id) d.run.thresholdSearch = { status, done, total };
  };
export const thresholdsComputed =
  (id: number, thresholds: ThresholdAnalysis): Recipe =>
  (d) => {
    if (d.run.id !== id) return;
    d.run.thresholds = castDraft(Object.freeze(thresholds));
    d.run.thresholdSearch = { status: 'done', done: d.run.thresholdSearch.total, total: d.run.thresholdSearch.total };
  };
export const setExit =
  (path: 'samverkan' | 'asymmetrisk', exit: Scenario['paths']['samverkan']['exit']): Recipe =>
  (d) => {
    if (exit) d.scenario.paths[path].exit = exit;
    else delete d.scenario.paths[path].exit;
  };
export const importPreviewed =
  (preview: AppState['importPreview']): Recipe =>
  (d) => {
    d.importPreview = castDraft(preview);
  };
/** Apply previewed profiles: they travel with the scenario, replacing the embedded ones. */
export const applyProfiles =
  (profiles: Municipality[]): Recipe =>
  (d) => {
    const byCode = new Map((d.scenario.profiles ?? []).map((p) => [p.code, p]));
    for (const p of profiles) byCode.set(p.code, castDraft(p));
    d.scenario.profiles = [...byCode.values()];
    d.importPreview = null;
  };
export const resetProfiles = (): Recipe => (d) => {
  delete d.scenario.profiles;
};
/** Apply changed capabilities: they travel with the scenario, replacing the catalogue's ones. */
export const applyCapabilities =
  (capabilities: Capability[]): Recipe =>
  (d) => {
    const byId = new Map((d.scenario.capabilities ?? []).map((c) => [c.id, c]));
    for (const c of capabilities) byId.set(c.id, castDraft(c));
    d.scenario.capabilities = [...byId.values()];
    d.importPreview = null;
  };
export const resetCapabilities = (): Recipe => (d) => {
  delete d.scenario.capabilities;
};

// capability map (#19)
/** Set one cell of the capability map (null: not assessed); a kommun left without cells is dropped. */
export const setMapCell =
  (code: string, id: string, cell: MapCell | null): Recipe =>
  (d) => {
    if (!cell && !d.scenario.capabilityMap?.members[code]?.[id]) return;
    d.scenario.capabilityMap ??= { members: {} };
    const map = d.scenario.capabilityMap;
    map.members[code] ??= {};
    const cells = map.members[code];
    if (cell) cells[id] = { level: cell.level, by: cell.by };
    else delete cells[id];
    if (Object.keys(cells).length === 0) delete map.members[code];
  };
/** Who assessed, and when (empty: no source). */
export const setMapSource =
  (source: string): Recipe =>
  (d) => {
    d.scenario.capabilityMap ??= { members: {} };
    const map = d.scenario.capabilityMap;
    if (source.trim() === '') delete map.source;
    else map.source = source;
  };
/** Remove the capability map from the scenario. */
export const clearMap = (): Recipe => (d) => {
  delete d.scenario.capabilityMap;
};
export const mapImportPreviewed =
  (preview: AppState['mapImport']): Recipe =>
  (d) => {
    d.mapImport = castDraft(preview);
  };
/** Apply imported cells: the imported kommuner's cells replace theirs, the others keep theirs. */
export const applyMapImport =
  (imported: Record<string, MemberCells>): Recipe =>
  (d) => {
    d.scenario.capabilityMap = castDraft(mergeMap(d.scenario.capabilityMap, imported));
    d.mapImport = null;
  };

// the coalition finder ("Vem med vem?", issue #21)
/** Change the finder's settings (takes effect at the next search). */
export const setCoalitionSettings =
  (settings: Partial<CoalitionSettings>): Recipe =>
  (d) => {
    Object.assign(d.coalition.settings, settings);
  };
/** Set what the user says of one member: may join, must join, stays outside. */
export const setCoalitionRole =
  (code: string, role: MemberRole): Recipe =>
  (d) => {
    if (role === 'may') delete d.coalition.settings.roles[code];
    else d.coalition.settings.roles[code] = role;
  };
/** A search started for `scenario`: the earlier result, choice and keys are dropped. */
export const coalitionSearchStarted =
  (id: number, scenario: Scenario, forms: GroupForm[]): Recipe =>
  (d) => {
    d.coalition.finder = {
      id,
      status: 'running',
      phase: 'screening',
      screened: 0,
      result: null,
      forms,
      scenario: castDraft(scenario),
      key: coalitionKey(scenario),
      error: null,
    };
    d.coalition.chosen = null;
    d.coalition.sharing = { id: d.coalition.sharing.id, status: 'idle', done: 0, result: null, error: null };
  };
export const coalitionSearchProgressed =
  (id: number, progress: FinderProgress): Recipe =>
  (d) => {
    if (d.coalition.finder.id !== id || d.coalition.finder.status !== 'running') return;
    d.coalition.finder.phase = progress.phase;
    d.coalition.finder.screened = progress.screenedGroups;
  };
/** A search answered: its result, or null when it was cancelled (back to idle, no result). */
export const coalitionSearchFinished =
  (id: number, result: FinderResult | null): Recipe =>
  (d) => {
    if (d.coalition.finder.id !== id || d.coalition.finder.status !== 'running') return;
    d.coalition.finder.status = result ? 'done' : 'idle';
    d.coalition.finder.result = castDraft(result);
    if (!result) {
      d.coalition.finder.key = null;
      d.coalition.finder.scenario = null;
    }
  };
export const coalitionSearchFailed =
  (id: number, message: string): Recipe =>
  (d) => {
    if (d.coalition.finder.id !== id) return;
    d.coalition.finder.status = 'failed';
    d.coalition.finder.error = message;
  };
/** The user chose a group of a grouping for the sharing analysis (which starts with it). */
export const coalitionSharingStarted =
  (id: number, chosen: ChosenGroup): Recipe =>
  (d) => {
    d.coalition.chosen = chosen;
    d.coalition.sharing = { id, status: 'running', done: 0, result: null, error: null };
  };
export const coalitionSharingProgressed =
  (id: number, done: number): Recipe =>
  (d) => {
    if (d.coalition.sharing.id !== id || d.coalition.sharing.status !== 'running') return;
    d.coalition.sharing.done = done;
  };
/** The analysis answered; null: cancelled or superseded (the choice stays, without keys). */
export const coalitionSharingFinished =
  (id: number, result: SharingResult | null): Recipe =>
  (d) => {
    if (d.coalition.sharing.id !== id || d.coalition.sharing.status !== 'running') return;
    d.coalition.sharing.status = result ? 'done' : 'idle';
    d.coalition.sharing.result = castDraft(result);
    if (!result) d.coalition.chosen = null;
  };
export const coalitionSharingFailed =
  (id: number, message: string): Recipe =>
  (d) => {
    if (d.coalition.sharing.id !== id) return;
    d.coalition.sharing.status = 'failed';
    d.coalition.sharing.error = message;
  };
