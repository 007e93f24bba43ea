/**
 * A saved scenario as it is stored: its shape, the key results kept with it, and the round trip through
 * storage. Reading an entry validates it and never throws (an entry may come from another version or be
 * damaged); writing it keeps any fields a newer version added.
 */
import * as v from 'valibot';
import {
  PATH_IDS,
  type PathId,
  type Results,
  SCHEMA_VERSION,
  type Scenario,
  ScenarioSchema,
  type Text,
} from '../engine/index.js';
import { isPlain, overlay, type Plain, type Walked, withoutUnknown } from './stored-fields.js';
import { reasonFor } from './unreadable-saved.js';

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
  /** Null when saved before its run had finished: filled in when that run ends, or by a run when compared. */
  results: KeyResults | null;
  /**
   * The entry as it was stored, when it holds fields this version does not know (a newer version wrote
   * it): they are not used here, and written back unchanged whenever the entry is saved again.
   */
  stored?: unknown;
}

/** A stored entry this version cannot read: listed by name, never deleted but on the user's word. */
export interface UnreadableSaved {
  /** Identifies the entry to `SavedScenarios.raw` and `discard`. */
  ref: string;
  /** Its name, if it has a readable one. */
  name: string | null;
  /** When it was saved, if that can be read (ISO date). */
  savedAt: string | null;
  /** Why it cannot be read, in words for people. */
  reason: Text;
}

const triple = v.strictObject({ p10: v.number(), p50: v.number(), p90: v.number() });
export const KeyResultsSchema = v.strictObject({
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
/** A stored entry: what this version reads. Fields it does not know are tolerated (see `readEntry`). */
export const EntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.maxLength(64)),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  savedAt: v.pipe(v.string(), v.maxLength(40)),
  scenario: ScenarioSchema,
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

/** What is written to storage for an entry: its fields, plus any it was read with that this version does not know. */
export function toStored(entry: SavedScenario): unknown {
  const known = {
    id: entry.id,
    name: entry.name,
    savedAt: entry.savedAt,
    scenario: entry.scenario,
    results: entry.results,
  };
  return entry.stored === undefined ? known : overlay(entry.stored, known);
}

/** One stored entry: the saved scenario, or why it cannot be read. Never throws. */
export type ReadEntry = { ok: true; value: SavedScenario } | { ok: false; reason: Text };

/**
 * Read one stored entry. Stored data may be written by another version or be damaged: fields this version
 * does not know (a newer version's) are tolerated and kept (`stored`); results that cannot be read are left
 * out (the scenario is run again when compared); anything else that does not validate is reported, never
 * thrown.
 */
export function readEntry(raw: unknown): ReadEntry {
  if (!isPlain(raw) || !Object.keys(EntrySchema.entries).some((key) => Object.hasOwn(raw, key)))
    return {
      ok: false,
      reason: { sv: 'Posten är inte ett sparat scenario.', en: 'The entry is not a saved scenario.' },
    };
  const version = isPlain(raw.scenario) ? raw.scenario.schemaVersion : undefined;
  if (typeof version === 'number' && version > SCHEMA_VERSION)
    return {
      ok: false,
      reason: {
        sv: `Sparat av en nyare version av Digitala motorn (format ${version}); den här versionen läser format ${SCHEMA_VERSION}.`,
        en: `Saved by a newer version of Digitala motorn (format ${version}); this version reads format ${SCHEMA_VERSION}.`,
      },
    };
  const dropped = { n: 0 };
  const known = withoutUnknown(EntrySchema as unknown as Walked, raw, dropped) as Plain;
  let parsed = v.safeParse(EntrySchema, known);
  // results are a cache: when they cannot be read, the scenario still can, and is run again when compared
  if (!parsed.success && parsed.issues.every((issue) => issue.path?.[0]?.key === 'results'))
    parsed = v.safeParse(EntrySchema, { ...known, results: null });
  if (!parsed.success) return { ok: false, reason: reasonFor(parsed.issues) };
  const value: SavedScenario = { ...parsed.output, results: parsed.output.results as KeyResults | null };
  if (dropped.n > 0) value.stored = raw;
  return { ok: true, value };
}

/** Validate one stored entry: the saved scenario, or null when it cannot be read (see `readEntry`). */
export function parseEntry(raw: unknown): SavedScenario | null {
  const read = readEntry(raw);
  return read.ok ? read.value : null;
}
