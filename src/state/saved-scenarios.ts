import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import {
  ASSUMPTION_IDS,
  type AssumptionId,
  assumptionDef,
  PATH_IDS,
  type PathId,
  type Results,
  SCHEMA_VERSION,
  type Scenario,
  ScenarioSchema,
  type Text,
} from '../engine/index.js';
import { PATH_LABEL } from '../i18n.js';

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

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain => Object.prototype.toString.call(x) === '[object Object]';

/** Set a property as data, so that a key such as `__proto__` stays a key and never becomes a prototype. */
function put(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// the parts of a valibot schema walked here (valibot keeps them on the schema object)
interface Walked {
  type: string;
  entries?: Record<string, Walked>;
  wrapped?: Walked;
  item?: Walked;
  value?: Walked;
  options?: Walked[];
}

/**
 * `value` without the object keys `schema` does not know, at any depth (for a union: as the first option
 * it then fits). `dropped` counts the keys left out. A value that does not fit for another reason is
 * returned as it is, so that parsing it names the real problem.
 */
function withoutUnknown(schema: Walked, value: unknown, dropped: { n: number }): unknown {
  switch (schema.type) {
    case 'strict_object':
    case 'object':
    case 'loose_object': {
      if (!isPlain(value) || !schema.entries) return value;
      const out: Plain = {};
      for (const [key, x] of Object.entries(value)) {
        if (Object.hasOwn(schema.entries, key)) put(out, key, withoutUnknown(schema.entries[key], x, dropped));
        else dropped.n++;
      }
      return out;
    }
    case 'optional':
    case 'exact_optional':
    case 'nullable':
    case 'nullish':
      return value === undefined || value === null || !schema.wrapped
        ? value
        : withoutUnknown(schema.wrapped, value, dropped);
    case 'array':
      return Array.isArray(value) && schema.item ? value.map((x) => withoutUnknown(schema.item!, x, dropped)) : value;
    case 'record': {
      if (!isPlain(value) || !schema.value) return value;
      const out: Plain = {};
      for (const [key, x] of Object.entries(value)) put(out, key, withoutUnknown(schema.value, x, dropped));
      return out;
    }
    case 'union':
    case 'variant':
      for (const option of schema.options ?? []) {
        const own = { n: 0 };
        const fitted = withoutUnknown(option, value, own);
        if (v.is(option as unknown as v.GenericSchema, fitted)) {
          dropped.n += own.n;
          return fitted;
        }
      }
      return value;
    default:
      return value;
  }
}

/**
 * `known` laid over `stored`: every field of `known`, and every field of `stored` that `known` does not
 * have (fields of a newer version), at any depth.
 */
function overlay(stored: unknown, known: unknown): unknown {
  if (isPlain(stored) && isPlain(known)) {
    const out: Plain = {};
    for (const [key, x] of Object.entries(stored)) if (!Object.hasOwn(known, key)) put(out, key, x);
    for (const [key, x] of Object.entries(known)) put(out, key, overlay(stored[key], x));
    return out;
  }
  if (Array.isArray(stored) && Array.isArray(known)) return known.map((x, i) => overlay(stored[i], x));
  return known;
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

const ENTRY_LABEL: Record<string, Text> = {
  id: { sv: 'id-numret', en: 'the id' },
  name: { sv: 'namnet', en: 'the name' },
  savedAt: { sv: 'datumet då det sparades', en: 'the date it was saved' },
  scenario: { sv: 'scenariot', en: 'the scenario' },
};

const SCENARIO_LABEL: Record<string, Text> = {
  schemaVersion: { sv: 'Formatversion', en: 'Format version' },
  id: { sv: 'Id', en: 'Id' },
  name: { sv: 'Namn', en: 'Name' },
  description: { sv: 'Beskrivning', en: 'Description' },
  members: { sv: 'Kommuner', en: 'Municipalities' },
  startYear: { sv: 'Startår', en: 'Start year' },
  horizonYears: { sv: 'År framåt', en: 'Years ahead' },
  runs: { sv: 'Körningar', en: 'Runs' },
  seed: { sv: 'Frö', en: 'Seed' },
  discountRate: { sv: 'Diskonteringsränta', en: 'Discount rate' },
  paths: { sv: 'Vägval', en: 'Paths' },
  assumptions: { sv: 'Antaganden', en: 'Assumptions' },
  profiles: { sv: 'Kommunernas uppgifter (Data och källor)', en: 'Municipality figures (Data and sources)' },
  capabilities: { sv: 'Förmågor (Data och källor)', en: 'Capabilities (Data and sources)' },
  correlations: { sv: 'Samband mellan antaganden', en: 'Correlations between assumptions' },
};

/** The label of the scenario field at `path` (keys of a valibot issue), e.g. "Vägval – Samverkan". */
function scenarioLabel(path: unknown[]): Text {
  const [field, part] = path;
  const label = SCENARIO_LABEL[String(field)] ?? { sv: 'okänt fält', en: 'unknown field' };
  const sub: Text | undefined =
    field === 'paths' && PATH_IDS.includes(part as PathId)
      ? PATH_LABEL[part as PathId]
      : field === 'assumptions' && ASSUMPTION_IDS.includes(part as AssumptionId)
        ? assumptionDef(part as AssumptionId).label
        : undefined;
  return sub ? { sv: `${label.sv} – ${sub.sv}`, en: `${label.en} – ${sub.en}` } : label;
}

const quoted = (labels: Text[], lang: 'sv' | 'en') =>
  labels.map((l) => (lang === 'sv' ? `”${l.sv}”` : `“${l.en}”`)).join(', ');

/** Why an entry with these problems cannot be read, naming the fields by their labels. */
function reasonFor(issues: readonly v.BaseIssue<unknown>[]): Text {
  const paths = issues.map((issue) => (issue.path ?? []).map((p) => p.key));
  const entryField = paths.find((p) => p.length <= 1 || p[0] !== 'scenario')?.[0];
  if (entryField !== undefined && entryField !== 'scenario') {
    const label = ENTRY_LABEL[String(entryField)] ?? { sv: 'en uppgift', en: 'a field' };
    return {
      sv: `Posten är skadad: ${label.sv} saknas eller kan inte läsas.`,
      en: `The entry is damaged: ${label.en} is missing or cannot be read.`,
    };
  }
  const inScenario = paths.filter((p) => p[0] === 'scenario' && p.length > 1).map((p) => p.slice(1));
  if (inScenario.length === 0)
    return {
      sv: 'Posten är skadad: scenariot saknas eller kan inte läsas.',
      en: 'The entry is damaged: the scenario is missing or cannot be read.',
    };
  const labels: Text[] = [];
  for (const p of inScenario) {
    const label = scenarioLabel(p);
    if (!labels.some((l) => l.sv === label.sv)) labels.push(label);
  }
  const shown = labels.slice(0, 3);
  const more = labels.length > shown.length ? ' …' : '';
  return {
    sv: `Scenariot har värden som den här versionen inte godtar: ${quoted(shown, 'sv')}${more}.`,
    en: `The scenario has values this version does not accept: ${quoted(shown, 'en')}${more}.`,
  };
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

/** The name and date an unreadable entry shows, as far as they can be read. */
function describe(raw: unknown): { name: string | null; savedAt: string | null } {
  if (!isPlain(raw)) return { name: null, savedAt: null };
  const scenarioName = isPlain(raw.scenario) && isPlain(raw.scenario.name) ? raw.scenario.name.sv : undefined;
  const name = [raw.name, scenarioName].find((x): x is string => typeof x === 'string' && x.trim() !== '');
  const savedAt = typeof raw.savedAt === 'string' && !Number.isNaN(Date.parse(raw.savedAt)) ? raw.savedAt : null;
  return { name: name ? name.trim().slice(0, 120) : null, savedAt };
}

/** Stored content as JSON text, whatever it holds (a download of an entry that cannot be read). */
export function rawText(raw: unknown): string {
  try {
    const text = JSON.stringify(
      raw,
      (_key, x: unknown) =>
        typeof x === 'bigint'
          ? x.toString()
          : x instanceof Map
            ? Object.fromEntries(x)
            : x instanceof Set
              ? [...x]
              : ArrayBuffer.isView(x)
                ? Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength))
                : x,
      2,
    );
    return text ?? 'null';
  } catch {
    return JSON.stringify(String(raw));
  }
}

/** A file name for an unreadable entry's content. */
export function unreadableFileName(entry: UnreadableSaved): string {
  const slug = (entry.name ?? 'namnlost-scenario')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sparat-scenario-${slug || 'namnlost'}.json`;
}

/**
 * Saved scenarios in the browser's IndexedDB (through idb-keyval). Every call may reject (private mode,
 * quota). Nothing is hidden or deleted without the user: entries that cannot be read are listed with
 * the reason, and stay until the user deletes them.
 */
export class SavedScenarios {
  private readonly store: UseStore;
  /** Where an earlier version moved entries it could not read: still listed, so nothing moved is lost. */
  private readonly asideStore: UseStore;
  /** The unreadable entries of the latest `list()`, by ref. */
  private located = new Map<string, { key: IDBValidKey; store: UseStore }>();

  constructor(database = 'digitala-motorn') {
    this.store = createStore(database, 'scenarios');
    this.asideStore = createStore(`${database}-aside`, 'set-aside');
  }

  /** Every saved scenario, newest first, and the entries that cannot be read (which stay as they are). */
  async list(): Promise<{ items: SavedScenario[]; unreadable: UnreadableSaved[] }> {
    const items: SavedScenario[] = [];
    const unreadable: UnreadableSaved[] = [];
    const located = new Map<string, { key: IDBValidKey; store: UseStore }>();
    const unread = (where: string, key: IDBValidKey, store: UseStore, raw: unknown, reason: Text) => {
      let ref = `${where}:${typeof key}:${String(key)}`;
      if (located.has(ref)) ref = `${ref}#${located.size}`;
      located.set(ref, { key, store });
      unreadable.push({ ref, ...describe(raw), reason });
    };
    for (const [key, value] of await entries(this.store)) {
      const read = readEntry(value);
      if (read.ok) items.push(read.value);
      else unread('saved', key, this.store, value, read.reason);
    }
    // entries that earlier versions set aside: back into the list when this version reads them, else listed
    const aside = await entries(this.asideStore).catch(() => [] as [IDBValidKey, unknown][]);
    for (const [key, value] of aside) {
      const read = readEntry(value);
      if (!read.ok) {
        unread('aside', key, this.asideStore, value, read.reason);
        continue;
      }
      const entry = items.some((x) => x.id === read.value.id) ? { ...read.value, id: newId() } : read.value;
      try {
        await set(entry.id, toStored(entry), this.store);
        await del(key, this.asideStore);
        items.push(entry);
      } catch {
        unread('aside', key, this.asideStore, value, {
          sv: 'Posten kunde inte flyttas tillbaka bland de sparade scenarierna.',
          en: 'The entry could not be moved back among the saved scenarios.',
        });
      }
    }
    this.located = located;
    items.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    unreadable.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
    return { items, unreadable };
  }

  async put(entry: SavedScenario): Promise<void> {
    await set(entry.id, toStored(entry), this.store);
  }

  /**
   * Keep content that cannot be read as it is, under a new key: `list()` then names it among the entries
   * that cannot be read, to download or delete.
   */
  async keepRaw(raw: unknown): Promise<void> {
    await set(newId(), raw, this.store);
  }

  async remove(id: string): Promise<void> {
    await del(id, this.store);
  }

  /** The stored content of an entry that cannot be read (from the latest `list()`), as it is. */
  async raw(ref: string): Promise<unknown> {
    const at = this.located.get(ref);
    if (!at) throw new DOMException(`no entry ${ref}`, 'NotFoundError');
    return get(at.key, at.store);
  }

  /** Delete an entry that cannot be read: only ever on the user's word. */
  async discard(ref: string): Promise<void> {
    const at = this.located.get(ref);
    if (!at) return;
    await del(at.key, at.store);
    this.located.delete(ref);
  }
}

/** A short random id for a saved scenario. */
export const newId = (): string => `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
