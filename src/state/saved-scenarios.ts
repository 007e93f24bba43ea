import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { PATH_IDS, type PathId, parseScenario, type Results, type Scenario } from '../engine/index.js';

/** The key results kept with a saved scenario, so scenarios can be compared without running them again. */
export interface KeyResults {
  years: number[];
  runs: number;
  paths: Partial<
    Record<
      PathId,
      {
        totalCost: { p10: number; p50: number; p90: number }[];
        developmentCapacity: number[];
        npv: { p10: number; p50: number; p90: number };
        probCheaper: number | null;
        robustCoverage: number;
      }
    >
  >;
}

export interface SavedScenario {
  id: string;
  name: string;
  savedAt: string;
  scenario: Scenario;
  results: KeyResults | null;
}

const triple = v.strictObject({ p10: v.number(), p50: v.number(), p90: v.number() });
const KeyResultsSchema = v.strictObject({
  years: v.array(v.number()),
  runs: v.number(),
  paths: v.record(
    v.picklist(PATH_IDS),
    v.strictObject({
      totalCost: v.array(triple),
      developmentCapacity: v.array(v.number()),
      npv: triple,
      probCheaper: v.nullable(v.number()),
      robustCoverage: v.number(),
    }),
  ),
});
const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(64)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  savedAt: v.pipe(v.string(), v.maxLength(40)),
  scenario: v.unknown(),
  results: v.nullable(KeyResultsSchema),
});

/** Extract the key results of a finished run. */
export function keyResults(results: Results): KeyResults {
  const paths: KeyResults['paths'] = {};
  for (const id of PATH_IDS) {
    const p = results.paths[id];
    if (!p.enabled) continue;
    const last = p.years[p.years.length - 1];
    paths[id] = {
      totalCost: p.years.map((y) => ({ p10: y.totalCost.p10, p50: y.totalCost.p50, p90: y.totalCost.p90 })),
      developmentCapacity: p.years.map((y) => y.developmentCapacity.p50),
      npv: { p10: p.npvVsStatusQuo.p10, p50: p.npvVsStatusQuo.p50, p90: p.npvVsStatusQuo.p90 },
      probCheaper: p.probCheaper,
      robustCoverage: last.robustCoverage.mean,
    };
  }
  return { years: results.years, runs: results.runsDone, paths };
}

/**
 * Validate one stored entry. Stored data may be corrupt or written by another version or site: anything
 * that does not validate is reported, never thrown.
 */
export function parseEntry(raw: unknown): SavedScenario | null {
  const entry = v.safeParse(EntrySchema, raw);
  if (!entry.success) return null;
  const scenario = parseScenario(entry.output.scenario);
  if (!scenario.ok) return null;
  return { ...entry.output, scenario: scenario.value, results: entry.output.results as KeyResults | null };
}

/** Saved scenarios in the browser's IndexedDB (through idb-keyval). Every call may reject (private mode, quota). */
export class SavedScenarios {
  private readonly store: UseStore;
  private readonly asideStore: UseStore;

  constructor(database = 'digitala-motorn') {
    this.store = createStore(database, 'scenarios');
    this.asideStore = createStore(`${database}-aside`, 'set-aside');
  }

  /** Every valid saved scenario, newest first; invalid entries are moved aside and counted. */
  async list(): Promise<{ items: SavedScenario[]; setAside: number }> {
    const items: SavedScenario[] = [];
    let setAside = 0;
    for (const [key, value] of await entries(this.store)) {
      const parsed = parseEntry(value);
      if (parsed) items.push(parsed);
      else {
        setAside++;
        // keep the bad data (it may be worth recovering) but out of the way
        await set(`${String(key)}@${Date.now()}`, value, this.asideStore).catch(() => {});
        await del(key, this.store).catch(() => {});
      }
    }
    items.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    return { items, setAside };
  }

  async put(entry: SavedScenario): Promise<void> {
    await set(entry.id, entry, this.store);
  }

  async remove(id: string): Promise<void> {
    await del(id, this.store);
  }
}

/** A short random id for a saved scenario. */
export const newId = (): string => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
