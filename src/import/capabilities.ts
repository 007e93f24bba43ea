/**
 * Import of the capability catalogue's figures from a user's file: CSV (as Swedish or English Excel saves
 * it) or JSON. The companion of `./profiles.ts`, with the same flow: download a template
 * ({@link capabilitiesTemplate} or {@link capabilitiesJsonTemplate}), edit it, upload it, look at the preview
 * ({@link CapabilityImportOk.changes}, with the rows left out and why in {@link CapabilityImportOk.problems})
 * and apply ({@link CapabilityImportOk.capabilities}). The templates' headers are labels in the UI language
 * (`Förmåga (id);Namn;Minsta bemanning (årsarbetare);…`); the field ids are read as headers too.
 *
 * Pure: no DOM apart from `TextDecoder`. Nothing here throws on bad input and nothing mutates its
 * arguments; every problem is returned with its row and column and a Swedish message. Only the figures a
 * municipality may want to calibrate can be changed (staffing, volumes, scale exponents, costs and the two
 * flags); which capabilities exist, their groups, kinds and drivers are fixed by the catalogue.
 *
 * What is the same for every import lives beside this file: decoding the bytes (`./decode.ts`: UTF-8 with
 * or without BOM, else Windows-1252), reading CSV and JSON into rows (`./table.ts`), matching headers
 * (`./headers.ts`), numbers (`./numbers.ts`; capabilities have no percent fields), problems
 * (`./problems.ts`) and applying rows (`./merge.ts`); the fields and templates are in
 * `./capability-fields.ts` (re-exported here). Here is what is particular to reading capabilities: the
 * flattened scale and the yes/no fields.
 */
import { type Capability, parseCapabilities } from '../engine/index.js';
import { formatCsvNumber } from '../export/csv.js';
import type { Lang } from '../i18n.js';
import {
  type BooleanField,
  CAPABILITY_FIELDS,
  CAPABILITY_TEMPLATE_COLUMNS,
  type CapabilityColumn,
  type CapabilityField,
  columnText,
  getField,
  isBooleanField,
  SCALE_FIELDS,
  SCALE_PART,
  sourceKey,
} from './capability-fields.js';
import { columnList, type HeaderRules, namesOf, normalizeName, resolveName, sameName } from './headers.js';
import { describeOther, importFile, type MergeSpec, type Origin, type RawRow } from './merge.js';
import { parseNumber } from './numbers.js';
import { clip, type FileFormat, notAllowed, type Problem, problemAt, type Refused } from './problems.js';
import { type Cell, jsonRaw, type Report, type RowRules, unneutralise } from './table.js';

export {
  CAPABILITY_FIELDS,
  CAPABILITY_TEMPLATE_COLUMNS,
  type CapabilityField,
  capabilitiesJsonTemplate,
  capabilitiesTemplate,
  capabilityTemplateHeaders,
} from './capability-fields.js';

/**
 * One reason a file was refused: the same shape as profile import problems. `row` is the row as Excel
 * numbers it (header = 1, a leading `sep=;` line not counted) or the JSON entry's position from 1; `column`
 * is the header or JSON key as written (`scale.low` for a key inside `scale`). Either is `null` when not tied
 * to one. `message` is Swedish and names the place itself.
 */
export type CapabilityProblem = Problem;

/**
 * One field that an import changes, for a preview. `name` is the capability's Swedish name; `source` is
 * what the capability's `sources` entry for the field becomes (`sources.scale` for the scale parts); `row`
 * is the file row (or JSON entry) it came from.
 */
export interface CapabilityChange {
  id: string;
  name: string;
  field: CapabilityField;
  from: number | boolean;
  to: number | boolean;
  source: string;
  row: number;
}

/**
 * A file that can be applied, wholly or in part: the changes of its valid rows, the whole catalogue after
 * applying them, and the rows left out with their problems.
 */
export interface CapabilityImportOk {
  ok: true;
  /** One entry per changed field of the valid rows, in file order. Empty when they match the current data. */
  changes: CapabilityChange[];
  /** `current` with the valid rows' changes applied, in `current`'s order; unchanged capabilities are the same objects. */
  capabilities: Capability[];
  /** The problems of the rows left out (none of their values is applied), in file order; empty when none. */
  problems: CapabilityProblem[];
}

/** A refused file (nothing in it can be applied): every problem found (never empty). */
export type CapabilityImportFailed = Refused;

/**
 * The outcome of {@link parseCapabilityFile}: refused when the file as a whole cannot be read or no row is
 * valid; otherwise the valid rows, and the problems of the others.
 */
export type CapabilityImportResult = CapabilityImportOk | CapabilityImportFailed;

/** What each numeric field must be, in Swedish (mirrors CapabilitySchema). */
const RULE: Record<Exclude<CapabilityField, BooleanField>, string> = {
  minFte: 'får inte vara negativt (årsarbetare)',
  fteAtRef: 'får inte vara negativt (årsarbetare vid referensvolymen)',
  refVolume: 'ska vara större än 0',
  scale_low: 'ska vara en skalexponent från 0,3 till 1,2',
  scale_mode: 'ska vara en skalexponent från 0,3 till 1,2',
  scale_high: 'ska vara en skalexponent från 0,3 till 1,2',
  nonStaffCost: 'får inte vara negativt (kronor per år)',
  nonStaffScale: 'ska vara från 0 till 1,2',
};

// ---------------------------------------------------------------------------------------------------------
// Columns

type Key = CapabilityColumn;

const HEADERS: HeaderRules<Key> = {
  names: namesOf<Key>(['id', 'name', 'source', ...CAPABILITY_FIELDS], columnText, [
    ['förmåga', 'id'],
    ['namn', 'name'],
    ['källa', 'source'],
    ['minsta bemanning', 'minFte'],
    ['bemanning vid referens', 'fteAtRef'],
    ['referensvolym', 'refVolume'],
    ['övriga kostnader', 'nonStaffCost'],
    ['kan delas', 'poolable'],
    ['kan flyttas', 'transferable'],
    ['scale.low', 'scale_low'],
    ['scale.mode', 'scale_mode'],
    ['scale.high', 'scale_high'],
    ['bemanning vid referensvolym', 'fteAtRef'],
  ]),
  // capability fields that exist but are not set by import
  fixed: new Set(['group', 'kind', 'driver', 'description', 'framework', 'sources'].map((f) => f.toLowerCase())),
  columnList: columnList([...CAPABILITY_TEMPLATE_COLUMNS, 'source' as const], columnText, 'id, minFte'),
  suggest: false,
};

/** A column header's key, or a Swedish explanation of why it is not accepted. */
function resolveHeader(header: string, format: FileFormat): { key: Key } | { error: string } {
  if (normalizeName(header) !== 'scale') return resolveName(HEADERS, header, format);
  return format === 'csv'
    ? {
        error: `skalan anges i kolumnerna ${SCALE_FIELDS.map((f) => columnText(f).label.sv).join(', ')} (eller scale_low, scale_mode, scale_high)`,
      }
    : { error: 'ska vara ett objekt som { "low": 0.8, "mode": 0.9, "high": 1 }' };
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['ja', true],
  ['nej', false],
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['sant', true],
  ['falskt', false],
  ['1', true],
  ['0', false],
]);

/** A yes/no cell: ja/nej, yes/no, true/false, sant/falskt (Swedish Excel's TRUE/FALSE) or 1/0, any case. */
const parseBoolean = (raw: string): boolean | null => BOOLEAN_WORDS.get(normalizeName(raw)) ?? null;

const BOOLEAN_HINT = 'ska vara ja eller nej (också yes/no, true/false, sant/falskt, 1/0)';

const formatSv = (value: number | boolean): string =>
  typeof value === 'boolean' ? (value ? 'ja' : 'nej') : formatCsvNumber(value, 'sv');

/** One cell's value for a field, or a Swedish error. A percentage is no number here: no field is a share. */
function readValue(field: CapabilityField, raw: string): { value: number | boolean } | { error: string } {
  if (isBooleanField(field)) {
    const value = parseBoolean(raw);
    return value === null ? { error: `”${clip(raw)}” ${BOOLEAN_HINT}` } : { value };
  }
  const parsed = parseNumber(raw);
  if (parsed.percent) return { error: `”${clip(raw)}” är inte ett tal` };
  return 'error' in parsed ? { error: parsed.error } : { value: parsed.value };
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file into rows

/** A name given in the file, with the language it claims to be in (`null`: either). */
interface NameText {
  text: string;
  lang: Lang | null;
}

interface CapabilityRow extends RawRow<CapabilityField, number | boolean> {
  id: Cell<string> | null;
  name: Cell<NameText[]> | null;
}

/** One JSON value for a field, or a Swedish error. */
function readJsonValue(
  field: CapabilityField,
  value: unknown,
  raw: string,
): { value: number | boolean } | { error: string } {
  if (typeof value === 'string') return readValue(field, value);
  if (isBooleanField(field)) {
    if (typeof value === 'boolean') return { value };
    if (value === 0 || value === 1) return { value: value === 1 };
    return { error: `${raw} ${BOOLEAN_HINT}` };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  return { error: `${raw} är inte ett tal` };
}

/** The value a JSON entry gives a field into `out`, or a problem. */
function readJsonField(out: CapabilityRow, key: CapabilityField, value: unknown, column: string, report: Report) {
  if (value === null) {
    report(column, 'måste ha ett värde (utelämna fältet för att behålla det)');
    return;
  }
  const raw = jsonRaw(value);
  if (typeof value === 'string' && value.trim() === '') return;
  const parsed = readJsonValue(key, value, raw);
  if ('error' in parsed) report(column, parsed.error);
  else out.values.set(key, { value: parsed.value, raw, column });
}

/** The `id`, `name` or `source` a JSON entry gives into `out`, or a problem. */
function readJsonText(
  out: CapabilityRow,
  key: 'id' | 'name' | 'source',
  value: unknown,
  column: string,
  report: Report,
) {
  const raw = jsonRaw(value);
  if (key === 'name' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const names: NameText[] = [];
    for (const [lang, text] of Object.entries(value)) {
      if ((lang === 'sv' || lang === 'en') && typeof text === 'string') names.push({ text, lang });
      else report(`${column}.${clip(lang)}`, 'namnet anges som { "sv": …, "en": … }');
    }
    out.name = { value: names, raw, column };
  } else if (typeof value === 'string') {
    if (key === 'name') out.name = { value: [{ text: value, lang: null }], raw, column };
    else out[key] = { value, raw, column };
  } else if (value !== null) report(column, `${raw} ska vara text`);
}

/** How capability files are read into rows (see `readFile`). */
const ROWS: RowRules<Key, CapabilityRow> = {
  items: { plural: 'förmågor', example: '{ "id": "service-desk", "minFte": 0.5 }' },
  row: (row) => ({ row, id: null, name: null, source: null, values: new Map() }),
  resolve: resolveHeader,
  required: {
    key: 'id',
    csv: 'Kolumnen Förmåga saknas (förmågans id, t.ex. service-desk; får också heta id)',
    json: 'fältet Förmåga (id) saknas',
  },
  csvCell: (out, key, raw, column) => {
    if (key === 'id' || key === 'source') out[key] = { value: unneutralise(raw), raw, column };
    else if (key === 'name') out.name = { value: [{ text: unneutralise(raw), lang: null }], raw, column };
    else {
      const value = readValue(key, raw);
      if ('error' in value) return value.error;
      out.values.set(key, { value: value.value, raw, column });
    }
    return undefined;
  },
  jsonField: (out, key, value, column, report) => {
    if (key === 'id' || key === 'name' || key === 'source') readJsonText(out, key, value, column, report);
    else readJsonField(out, key, value, column, report);
  },
  // `scale: { low, mode, high }`: each part as the field scale_low …, named `scale.low` …
  jsonSpecial: (out, name, value, column, report, claim) => {
    if (normalizeName(name) !== 'scale' || typeof value !== 'object' || value === null || Array.isArray(value)) {
      return false;
    }
    for (const [part, inner] of Object.entries(value)) {
      const field = HEADERS.names.get(`scale_${normalizeName(part)}`);
      const innerColumn = `${column}.${clip(part)}`;
      if (field === undefined || !field.startsWith('scale_')) {
        report(innerColumn, 'okänt fält (skalan har low, mode och high)');
      } else if (claim(field, innerColumn)) readJsonField(out, field as CapabilityField, inner, innerColumn, report);
    }
    return true;
  },
};

// ---------------------------------------------------------------------------------------------------------
// Applying the rows

interface Resolved {
  read: CapabilityRow;
  at: number;
}

/** How rows are applied (see `importFile`). */
type Spec = MergeSpec<Capability, CapabilityField, number | boolean, CapabilityRow, Resolved, CapabilityChange>;

/** The rows whose ids are known and given once (with names that fit), in file order. */
const resolveRows: Spec['resolve'] = (format, rows, log, current) => {
  const index = new Map(current.map((capability, i) => [capability.id, i]));
  const resolved: Resolved[] = [];
  for (const row of rows) {
    if (row.id === null) {
      if (format === 'csv') log.reject(problemAt(format, row.row, null, 'förmågans id saknas'));
      else log.bad.add(row.row);
      continue;
    }
    const id = normalizeName(row.id.value);
    const i = index.get(id);
    if (i === undefined) {
      const byName = current.find(
        (c) => sameName(c.name.sv, row.id?.value ?? '') || sameName(c.name.en, row.id?.value ?? ''),
      );
      const hint = byName ? ` Menade du ${byName.id}? (kolumnen ska ha id, inte namn)` : '';
      log.reject(problemAt(format, row.row, row.id.column, `okänd förmåga ”${clip(row.id.value)}”.${hint}`));
      continue;
    }
    if (!log.claim(id, row)) continue;
    const capability = current[i];
    for (const name of row.name?.value ?? []) {
      const fits =
        name.lang === null
          ? sameName(name.text, capability.name.sv) || sameName(name.text, capability.name.en)
          : sameName(name.text, capability.name[name.lang]);
      if (!fits) {
        const text = `förmågan ${id} heter ”${capability.name.sv}” (${capability.name.en}), inte ”${clip(name.text)}”. Kontrollera id:t.`;
        log.reject(problemAt(format, row.row, row.name?.column ?? null, text));
        break;
      }
    }
    resolved.push({ read: row, at: i });
  }
  // a capability given twice: which row is meant is unknown, so neither is applied
  log.refuseRepeated(format, 'Förmågan', (r) => r.id?.column ?? null);
  return resolved;
};

/** The problems of one changed capability: its scale's order, then the project's schema, placed in the file. */
const schemaProblems: Spec['check'] = (format, next, i, fields, current) => {
  const problems: Problem[] = [];
  // scale order, with a message that shows the three values
  const scaleOrigin = SCALE_FIELDS.map((f) => fields.get(f)).find((o) => o !== undefined);
  const { low, mode, high } = next.scale;
  const scaleReported = scaleOrigin !== undefined && !(low <= mode && mode <= high);
  if (scaleOrigin && scaleReported) {
    const text = `skalelasticiteten måste vara lägsta ≤ troligast ≤ högsta, men blir ${formatSv(low)}, ${formatSv(mode)} och ${formatSv(high)}`;
    problems.push(problemAt(format, scaleOrigin.row, scaleOrigin.column, text));
  }
  const checked = parseCapabilities([next]);
  if (checked.ok) return problems;
  const placed = new Set<string>();
  const row = [...fields.values()][0]?.row ?? null;
  for (const issue of checked.issues) {
    const [, second, third] = issue.path.split('.');
    let origin: Origin | undefined;
    let text: string | undefined;
    let column: string | null = null;
    if (second === 'sources') {
      origin = [...fields].find(([field]) => sourceKey(field) === third)?.[1];
      column = origin?.sourceColumn ?? null;
      text = 'källan ska ha från 3 till 2 000 tecken';
    } else if (second === 'scale' && third === undefined) {
      if (scaleReported) continue;
      origin = scaleOrigin;
      column = origin?.column ?? null;
      text = 'skalelasticiteten måste vara lägsta ≤ troligast ≤ högsta';
    } else {
      const field = (second === 'scale' ? `scale_${third}` : second) as CapabilityField;
      origin = fields.get(field);
      column = origin?.column ?? null;
      if (origin && !isBooleanField(field) && field in RULE) text = notAllowed(format, origin.raw, RULE[field]);
    }
    if (origin && text !== undefined) {
      const key = `${column}:${text}`;
      if (placed.has(key)) continue;
      placed.add(key);
      problems.push(problemAt(format, origin.row, column, text));
    } else {
      // not a value from the file: name the field by its label
      problems.push(problemAt(format, row, null, describeOther('capabilities', i, issue, { capabilities: current })));
    }
  }
  return problems;
};

/** How capability rows are applied onto the catalogue (see `importFile`). */
const MERGE: Spec = {
  resolve: resolveRows,
  fields: CAPABILITY_FIELDS,
  get: getField,
  copy: (capability) => ({ ...capability, scale: { ...capability.scale }, sources: { ...capability.sources } }),
  set: (next, field, value) => {
    const part = SCALE_PART[field];
    if (part) next.scale[part] = value as number;
    else Object.assign(next, { [field]: value });
  },
  sourceKey,
  change: ({ read }, { id, name }, field, from, to, source) => ({
    id,
    name: name.sv,
    field,
    from,
    to,
    source,
    row: read.row,
  }),
  check: schemaProblems,
};

/**
 * Reads a user's file of capability figures and merges it onto `current` (the catalogue), for a preview and
 * then applying.
 *
 * **Formats.** JSON when the name ends in `.json` or the text starts with `[` or `{`: an array of partial
 * capabilities `{ "id": "service-desk", "minFte": 0.6, "scale": { "high": 0.95 }, "poolable": false }`
 * (numbers or numeric text; booleans, 0/1 or yes/no words; `name` as text or `{ "sv", "en" }`). Otherwise
 * CSV with a header row, read with papaparse, in UTF-8 (with or without BOM) or Windows-1252 (see
 * `decodeText`); the delimiter is taken from an Excel `sep=` line or the header row (`;`, `,` or tab).
 * Numbers may have a decimal comma or point and spaces between groups of three digits; a single `,` or `.`
 * is a decimal mark. An empty cell keeps the current value.
 *
 * **Columns.** `id` is required and must name an existing capability, once. Any of
 * {@link CAPABILITY_FIELDS} may be present; `poolable` and `transferable` accept ja/nej, yes/no, true/false,
 * sant/falskt and 1/0. `name` is optional and only checked against the id's Swedish or English name, which
 * catches shifted rows. `source` is optional and becomes the `sources` entry of every field the row changes
 * (`sources.scale` for the scale parts), else `import: <fileName>`. Headers are matched trimmed and
 * case-insensitive, with Swedish aliases: förmåga → id, namn → name, källa → source, minsta bemanning →
 * minFte, bemanning vid referens → fteAtRef, referensvolym → refVolume, övriga kostnader → nonStaffCost,
 * kan delas → poolable, kan flyttas → transferable. Any other column is refused by name.
 *
 * **Checks.** At most `MAX_FILE_BYTES` bytes and `MAX_DATA_ROWS` rows; NUL bytes, a zip/xlsx header or more
 * than 1 % control characters mean binary data; the scale must stay `scale_low ≤ scale_mode ≤ scale_high`;
 * and the merged catalogue must pass `parseCapabilities`, whose issues come back placed at the file's row
 * and column. Nothing is returned but the problems when there is any. `current` is not modified; values
 * equal to the current ones, also after a template's rounding, are not changes.
 */
export function parseCapabilityFile(
  bytes: Uint8Array,
  fileName: string,
  current: readonly Capability[],
): CapabilityImportResult {
  const result = importFile(bytes, fileName, current, ROWS, MERGE);
  return result.ok
    ? { ok: true, changes: result.changes, capabilities: result.merged, problems: result.problems }
    : result;
}
