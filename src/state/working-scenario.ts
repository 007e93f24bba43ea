/**
 * The working scenario kept in the browser as it changes, so that a reload, a closed tab or a crash loses
 * nothing. It is stored in the saved-scenario format (one entry, under its own database), so that one
 * reader (`readEntry`) validates both: fields of a newer version are tolerated and kept, anything else that
 * does not validate is reported, never thrown, and never deleted here.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import {
  type Capability,
  type Issue,
  loadModel,
  type Municipality,
  SCHEMA_VERSION,
  type Scenario,
  type Text,
} from '../engine/index.js';
import { t } from '../i18n.js';
import { readEntry, type SavedScenario, toStored } from './saved-scenarios.js';

/** The id and name of the working scenario's entry. */
export const WORK_ID = 'senaste-arbete';
export const WORK_NAME = 'Senaste arbete';
const KEY = 'latest';

/** What was found in storage at startup. */
export type ReadWork =
  | { status: 'none' }
  | { status: 'ok'; entry: SavedScenario }
  /**
   * Stored, but this version cannot use it: `issue` is the first problem of its scenario when there is one
   * (to be said with `describeIssue`), else `reason` says what is wrong with the entry.
   */
  | { status: 'unreadable'; raw: unknown; issue: Issue | null; reason: Text };

/** The working scenario as a stored entry. */
export function workEntry(scenario: Scenario, savedAt: Date = new Date()): SavedScenario {
  return { id: WORK_ID, name: WORK_NAME, savedAt: savedAt.toISOString(), scenario, results: null };
}

/** The data a scenario must fit to be run: the embedded municipalities and capabilities. */
export interface WorkData {
  municipalities: readonly Municipality[];
  capabilities: readonly Capability[];
}

const isPlain = (x: unknown): x is Record<string, unknown> => Object.prototype.toString.call(x) === '[object Object]';

/**
 * Read a stored working scenario. Never throws. With `data`, a scenario that validates but does not fit
 * the data (an own profile of an unknown kommun, say) counts as unreadable too, naming that problem: the
 * app would not run it.
 */
export function readWork(raw: unknown, data?: WorkData): ReadWork {
  if (raw === undefined) return { status: 'none' };
  const check = (scenario: unknown) =>
    data ? loadModel(scenario, data.municipalities, data.capabilities) : ({ ok: true } as const);
  const read = readEntry(raw);
  if (read.ok) {
    const model = check(read.value.scenario);
    if (model.ok) return { status: 'ok', entry: read.value };
    return {
      status: 'unreadable',
      raw,
      issue: model.issues[0],
      reason: { sv: t('scenarioDoesNotFitData', 'sv'), en: t('scenarioDoesNotFitData', 'en') },
    };
  }
  // name the scenario's own first problem where it has one (not for a newer version's format: the reason says so)
  const scenario = isPlain(raw) ? raw.scenario : undefined;
  const version = isPlain(scenario) ? scenario.schemaVersion : undefined;
  const newer = typeof version === 'number' && version > SCHEMA_VERSION;
  let issue: Issue | null = null;
  if (scenario !== undefined && !newer && data) {
    const model = check(scenario);
    if (!model.ok) issue = model.issues[0];
  }
  return { status: 'unreadable', raw, issue, reason: read.reason };
}

/** JSON with object keys sorted: two scenarios are the same when this is the same, whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, x: unknown) =>
    isPlain(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

/** The name under which earlier work is kept among the saved scenarios when something else replaces it. */
export function keptName(when: Date, lang: 'sv' | 'en' = 'sv'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  return t('earlierWork', lang, stamp);
}

/**
 * The working scenario in the browser's IndexedDB (through idb-keyval), in a database of its own. Every
 * call may reject (private mode, quota).
 */
export class WorkingScenarioStore {
  private readonly store: UseStore;

  constructor(database = 'digitala-motorn-arbete') {
    this.store = createStore(database, 'work');
  }

  /** The stored entry as it is (undefined when there is none). */
  async read(): Promise<unknown> {
    return get(KEY, this.store);
  }

  /** Store the working scenario, keeping any fields of a newer version it was read with. */
  async write(entry: SavedScenario): Promise<void> {
    await set(KEY, toStored(entry), this.store);
  }

  /** Store content as it is (tests: a damaged entry). */
  async writeRaw(raw: unknown): Promise<void> {
    await set(KEY, raw, this.store);
  }
}
