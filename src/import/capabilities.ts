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
 * Shared with `./profiles.ts`: {@link decodeText} (UTF-8 with or without BOM, else Windows-1252),
 * `MAX_DATA_ROWS` and the `Problem` shape from there, and the byte checks, delimiter detection and message
 * helpers of `./file-input.ts`. The number parser stays local: capabilities have no percent fields and
 * accept yes/no words.
 */
import { type Capability, parseCapabilities } from '../engine/index.js';
import { type CsvCell, formatCsvNumber, toCsv } from '../export/csv.js';
import type { Lang } from '../i18n.js';
import { describeIssue } from '../state/issue-text.js';
import {
  checkBytes,
  clip,
  extraFieldsProblem,
  type FileFormat,
  mapHeader,
  problemAt,
  readCsvTable,
  sortProblems,
  unneutralise,
} from './file-input.js';
import { CAPABILITY_FIELD_TEXT, type FieldText, fieldHeader } from './labels.js';
import { decodeText, MAX_DATA_ROWS, type Problem } from './profiles.js';

/**
 * The capability fields a file may change, in template column order. The scale exponents are flattened
 * into `scale_low`, `scale_mode` and `scale_high` (in JSON also `scale: { low, mode, high }`); `poolable`
 * and `transferable` are yes/no, all others numbers.
 */
export const CAPABILITY_FIELDS = [
  'minFte',
  'fteAtRef',
  'refVolume',
  'scale_low',
  'scale_mode',
  'scale_high',
  'nonStaffCost',
  'nonStaffScale',
  'poolable',
  'transferable',
] as const;

/** A capability field that an import may change (scale parts flattened, see {@link CAPABILITY_FIELDS}). */
export type CapabilityField = (typeof CAPABILITY_FIELDS)[number];

/**
 * The fields of {@link capabilitiesTemplate} by id, in column order: `id`, `name` and {@link CAPABILITY_FIELDS}.
 * The ids are read as headers (and JSON keys) in every file; the templates carry the labels of
 * {@link capabilityTemplateHeaders}.
 */
export const CAPABILITY_TEMPLATE_COLUMNS = ['id', 'name', ...CAPABILITY_FIELDS] as const;

/** A column's label and unit. */
const columnText = (key: Key): FieldText => CAPABILITY_FIELD_TEXT[key];

/**
 * The headers of {@link capabilitiesTemplate} in a language: each field's label with its unit
 * (`Förmåga (id)`, `Namn`, `Minsta bemanning (årsarbetare)`, …, `Kan delas (ja/nej)`).
 */
export const capabilityTemplateHeaders = (lang: Lang): string[] =>
  CAPABILITY_TEMPLATE_COLUMNS.map((key) => fieldHeader(columnText(key), lang));

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
export interface CapabilityImportFailed {
  ok: false;
  problems: CapabilityProblem[];
}

/**
 * The outcome of {@link parseCapabilityFile}: refused when the file as a whole cannot be read or no row is
 * valid; otherwise the valid rows, and the problems of the others.
 */
export type CapabilityImportResult = CapabilityImportOk | CapabilityImportFailed;

// ---------------------------------------------------------------------------------------------------------
// Fields

type BooleanField = 'poolable' | 'transferable';
type ScalePart = 'low' | 'mode' | 'high';

const isBooleanField = (field: CapabilityField): field is BooleanField =>
  field === 'poolable' || field === 'transferable';

const SCALE_PART: Partial<Record<CapabilityField, ScalePart>> = {
  scale_low: 'low',
  scale_mode: 'mode',
  scale_high: 'high',
};
const SCALE_FIELDS = ['scale_low', 'scale_mode', 'scale_high'] as const;

function getField(capability: Capability, field: CapabilityField): number | boolean {
  const part = SCALE_PART[field];
  return part ? capability.scale[part] : capability[field as Exclude<CapabilityField, (typeof SCALE_FIELDS)[number]>];
}

/** The key of `sources` that documents a field. */
const sourceKey = (field: CapabilityField): string => (SCALE_PART[field] ? 'scale' : field);

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

type Key = 'id' | 'name' | 'source' | CapabilityField;

const KEY_BY_NAME: ReadonlyMap<string, Key> = new Map<string, Key>([
  ...(['id', 'name', 'source', ...CAPABILITY_FIELDS] as const).map((key): [string, Key] => [key.toLowerCase(), key]),
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
  // the labels and template headers, in both languages
  ...(['id', 'name', 'source', ...CAPABILITY_FIELDS] as const).flatMap((key): [string, Key][] =>
    (['sv', 'en'] as const).flatMap((lang): [string, Key][] => [
      [columnText(key).label[lang].toLowerCase(), key],
      [fieldHeader(columnText(key), lang).toLowerCase(), key],
    ]),
  ),
]);

/** Capability fields that exist but are not set by import. */
const FIXED_FIELDS: ReadonlySet<string> = new Set(
  ['group', 'kind', 'driver', 'description', 'framework', 'sources'].map((f) => f.toLowerCase()),
);

const COLUMN_LIST = `${[...CAPABILITY_TEMPLATE_COLUMNS, 'source' as const].map((key) => columnText(key).label.sv).join(', ')} (eller fältens id, t.ex. id, minFte)`;

/** A header without a unit in parentheses at its end: `minsta bemanning (årsarbetare)` → `minsta bemanning`. */
const withoutUnit = (name: string): string => name.replace(/\s*\([^()]*\)$/, '');

const normalize = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** A column header's key, or a Swedish explanation of why it is not accepted. */
function resolveHeader(header: string, format: Format): { key: Key } | { error: string } {
  const name = normalize(header);
  const key = KEY_BY_NAME.get(name) ?? KEY_BY_NAME.get(withoutUnit(name));
  if (key) return { key };
  if (name === 'scale') {
    return format === 'csv'
      ? {
          error: `skalan anges i kolumnerna ${SCALE_FIELDS.map((f) => columnText(f).label.sv).join(', ')} (eller scale_low, scale_mode, scale_high)`,
        }
      : { error: 'ska vara ett objekt som { "low": 0.8, "mode": 0.9, "high": 1 }' };
  }
  if (FIXED_FIELDS.has(name)) return { error: `kan inte ändras genom import (möjliga kolumner: ${COLUMN_LIST})` };
  return { error: `${format === 'csv' ? 'okänd kolumn' : 'okänt fält'}. Möjliga kolumner: ${COLUMN_LIST}` };
}

// ---------------------------------------------------------------------------------------------------------
// Cells (local helpers: profiles.ts does not export its own)

const GROUP_SPACE = /[ \u00a0\u202f\u2009]/g;

/**
 * A number as people and spreadsheets write it: decimal comma or point, spaces between groups of three
 * digits, a Unicode minus, an exponent. `null` when the text is not such a number.
 */
function parseNumber(raw: string): number | null {
  let s = raw.trim().replace(/^[\u2212\u2013]/, '-');
  if (/^[+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d*)?(?:[eE][+-]?\d+)?$/.test(s)) {
    s = s.replace(GROUP_SPACE, '');
  }
  s = s.replace(',', '.');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

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
const parseBoolean = (raw: string): boolean | null => BOOLEAN_WORDS.get(normalize(raw)) ?? null;

const BOOLEAN_HINT = 'ska vara ja eller nej (också yes/no, true/false, sant/falskt, 1/0)';

const sameName = (a: string, b: string): boolean => normalize(a) === normalize(b);

const formatSv = (value: number | boolean): string =>
  typeof value === 'boolean' ? (value ? 'ja' : 'nej') : formatCsvNumber(value, 'sv');

// ---------------------------------------------------------------------------------------------------------
// Reading a file into rows

type Format = FileFormat;

interface Cell<T> {
  value: T;
  raw: string;
  column: string;
}

/** A name given in the file, with the language it claims to be in (`null`: either). */
interface NameText {
  text: string;
  lang: Lang | null;
}

interface RawRow {
  row: number;
  id: Cell<string> | null;
  name: Cell<NameText[]> | null;
  source: Cell<string> | null;
  values: Map<CapabilityField, Cell<number | boolean>>;
}

/** Rows read with cell problems, or problems that stop reading; `blocking`: a broken quote, apply nothing. */
type Read =
  | { fatal: false; rows: RawRow[]; problems: Problem[]; blocking?: boolean }
  | { fatal: true; problems: Problem[] };

const fatal = (message: string): Read => ({ fatal: true, problems: [{ row: null, column: null, message }] });

const problem = problemAt;

const refuse = (message: string): CapabilityImportFailed => ({
  ok: false,
  problems: [{ row: null, column: null, message }],
});

/** One cell's value for a field, or a Swedish error. */
function readValue(field: CapabilityField, raw: string): { value: number | boolean } | { error: string } {
  if (isBooleanField(field)) {
    const value = parseBoolean(raw);
    return value === null ? { error: `”${clip(raw)}” ${BOOLEAN_HINT}` } : { value };
  }
  const value = parseNumber(raw);
  return value === null ? { error: `”${clip(raw)}” är inte ett tal` } : { value };
}

function readCsv(text: string): Read {
  const { header, dataRows, quoteProblems } = readCsvTable(text);
  if (dataRows.length > MAX_DATA_ROWS) return fatal(`För många rader (${dataRows.length}, högst ${MAX_DATA_ROWS})`);

  const problems: Problem[] = [];
  const { keys, firstColumn } = mapHeader(header, dataRows, (name) => resolveHeader(name, 'csv'), problems);
  if (!firstColumn.has('id')) {
    problems.push({
      row: 1,
      column: 'id',
      message: 'Kolumnen Förmåga saknas (förmågans id, t.ex. service-desk; får också heta id)',
    });
  }
  if (problems.length > 0) return { fatal: true, problems: [...problems, ...quoteProblems] };
  problems.push(...quoteProblems);
  if (dataRows.length === 0) return fatal('Filen har bara en rubrikrad och inga rader med förmågor');

  const rows: RawRow[] = [];
  for (const { row, cells } of dataRows) {
    const extra = extraFieldsProblem(row, cells, header);
    if (extra) {
      problems.push(extra);
      continue;
    }
    const read: RawRow = { row, id: null, name: null, source: null, values: new Map() };
    keys.forEach((key, j) => {
      const raw = (cells[j] ?? '').trim();
      if (key === null || raw === '') return;
      const column = header[j];
      if (key === 'id' || key === 'source') read[key] = { value: unneutralise(raw), raw, column };
      else if (key === 'name') read.name = { value: [{ text: unneutralise(raw), lang: null }], raw, column };
      else {
        const value = readValue(key, raw);
        if ('error' in value) problems.push(problem('csv', row, column, value.error));
        else read.values.set(key, { value: value.value, raw, column });
      }
    });
    rows.push(read);
  }
  return { fatal: false, rows, problems, blocking: quoteProblems.length > 0 };
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

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fatal(`Filen är inte giltig JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) {
    return fatal('JSON-filen ska innehålla en lista med förmågor: [{ "id": "service-desk", "minFte": 0.5 }, …]');
  }
  if (data.length > MAX_DATA_ROWS) return fatal(`För många poster (${data.length}, högst ${MAX_DATA_ROWS})`);
  if (data.length === 0) return fatal('Filen innehåller en tom lista och inga förmågor');
  const problems: Problem[] = [];
  const rows: RawRow[] = [];
  data.forEach((entry: unknown, i) => {
    const row = i + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(problem('json', row, null, 'ska vara ett objekt som { "id": "service-desk", "minFte": 0.5 }'));
      return;
    }
    const read: RawRow = { row, id: null, name: null, source: null, values: new Map() };
    const seen = new Map<Key, string>();
    /** Reads one field value, unless the entry already gave it under another name. */
    const take = (key: CapabilityField, column: string, value: unknown) => {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push(problem('json', row, column, `anger samma sak som fältet ${earlier}`));
        return;
      }
      seen.set(key, column);
      if (value === null) {
        problems.push(problem('json', row, column, 'måste ha ett värde (utelämna fältet för att behålla det)'));
        return;
      }
      const raw = clip(JSON.stringify(value) ?? String(value));
      if (typeof value === 'string' && value.trim() === '') return;
      const parsed = readJsonValue(key, value, raw);
      if ('error' in parsed) problems.push(problem('json', row, column, parsed.error));
      else read.values.set(key, { value: parsed.value, raw, column });
    };
    for (const [name, value] of Object.entries(entry)) {
      const column = clip(name);
      if (normalize(name) === 'scale' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [part, inner] of Object.entries(value)) {
          const field = KEY_BY_NAME.get(`scale_${normalize(part)}`);
          const innerColumn = `${column}.${clip(part)}`;
          if (field === undefined || !field.startsWith('scale_')) {
            problems.push(problem('json', row, innerColumn, 'okänt fält (skalan har low, mode och high)'));
          } else take(field as CapabilityField, innerColumn, inner);
        }
        continue;
      }
      const resolved = resolveHeader(name, 'json');
      if ('error' in resolved) {
        problems.push(problem('json', row, column, resolved.error));
        continue;
      }
      const { key } = resolved;
      if (key !== 'id' && key !== 'name' && key !== 'source') {
        take(key, column, value);
        continue;
      }
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push(problem('json', row, column, `anger samma sak som fältet ${earlier}`));
        continue;
      }
      seen.set(key, column);
      const raw = clip(JSON.stringify(value) ?? String(value));
      if (key === 'name' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const names: NameText[] = [];
        for (const [lang, text] of Object.entries(value)) {
          if ((lang === 'sv' || lang === 'en') && typeof text === 'string') names.push({ text, lang });
          else problems.push(problem('json', row, `${column}.${clip(lang)}`, 'namnet anges som { "sv": …, "en": … }'));
        }
        read.name = { value: names, raw, column };
      } else if (typeof value === 'string') {
        if (key === 'name') read.name = { value: [{ text: value, lang: null }], raw, column };
        else read[key] = { value, raw, column };
      } else if (value !== null) problems.push(problem('json', row, column, `${raw} ska vara text`));
    }
    if (!seen.has('id')) problems.push(problem('json', row, 'id', 'fältet Förmåga (id) saknas'));
    rows.push(read);
  });
  return { fatal: false, rows, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Applying the rows

/** Whether an imported value leaves the current one as it is, also after the rounding of a template. */
const unchanged = (from: number | boolean, to: number | boolean): boolean =>
  from === to || (typeof from === 'number' && typeof to === 'number' && Number(formatCsvNumber(from, 'en')) === to);

interface Origin {
  row: number;
  column: string;
  raw: string;
  sourceColumn: string | null;
}

function apply(
  format: Format,
  read: { rows: RawRow[]; problems: Problem[]; blocking?: boolean },
  fileName: string,
  current: readonly Capability[],
): CapabilityImportResult {
  const problems: Problem[] = [...read.problems];
  /** Rows with a problem: none of their values is applied. */
  const bad = new Set<number>(problems.flatMap((p) => (p.row === null ? [] : [p.row])));
  const reject = (p: Problem) => {
    problems.push(p);
    if (p.row !== null) bad.add(p.row);
  };
  const index = new Map(current.map((capability, i) => [capability.id, i]));
  const defaultSource = `import: ${fileName.slice(0, 200) || 'fil'}`;
  const noun = format === 'csv' ? 'rad' : 'post';

  // ids: known, and each once
  const resolved: { read: RawRow; at: number }[] = [];
  const rowsOfId = new Map<string, RawRow[]>();
  for (const row of read.rows) {
    if (row.id === null) {
      if (format === 'csv') reject(problem(format, row.row, null, 'förmågans id saknas'));
      else bad.add(row.row);
      continue;
    }
    const id = normalize(row.id.value);
    const i = index.get(id);
    if (i === undefined) {
      const byName = current.find(
        (c) => sameName(c.name.sv, row.id?.value ?? '') || sameName(c.name.en, row.id?.value ?? ''),
      );
      const hint = byName ? ` Menade du ${byName.id}? (kolumnen ska ha id, inte namn)` : '';
      reject(problem(format, row.row, row.id.column, `okänd förmåga ”${clip(row.id.value)}”.${hint}`));
      continue;
    }
    const same = rowsOfId.get(id) ?? [];
    same.push(row);
    rowsOfId.set(id, same);
    if (same.length > 1) continue;
    const capability = current[i];
    for (const name of row.name?.value ?? []) {
      const fits =
        name.lang === null
          ? sameName(name.text, capability.name.sv) || sameName(name.text, capability.name.en)
          : sameName(name.text, capability.name[name.lang]);
      if (!fits) {
        reject(
          problem(
            format,
            row.row,
            row.name?.column ?? null,
            `förmågan ${id} heter ”${capability.name.sv}” (${capability.name.en}), inte ”${clip(name.text)}”. Kontrollera id:t.`,
          ),
        );
        break;
      }
    }
    resolved.push({ read: row, at: i });
  }
  // a capability given twice: which row is meant is unknown, so neither is applied
  const times = ['', 'en gång', 'två gånger', 'tre gånger'];
  for (const [id, same] of rowsOfId) {
    if (same.length < 2) continue;
    const places = same.map((r) => r.row);
    const list = `${places.slice(0, -1).join(', ')} och ${places.at(-1)}`;
    problems.push({
      row: places[1],
      column: same[1].id?.column ?? null,
      message: `Förmågan ${id} förekommer ${times[same.length] ?? `${same.length} gånger`} (${noun} ${list})`,
    });
    for (const row of places) bad.add(row);
  }

  // the changes of each valid row, onto a copy of its capability, checked against the project's schema
  const changes: CapabilityChange[] = [];
  const merged = current.slice();
  for (const { read: row, at: i } of resolved) {
    if (bad.has(row.row)) continue;
    const capability = current[i];
    const source = row.source?.value.trim() || defaultSource;
    let next: Capability | null = null;
    const rowChanges: CapabilityChange[] = [];
    const fields = new Map<CapabilityField, Origin>();
    for (const field of CAPABILITY_FIELDS) {
      const cell = row.values.get(field);
      if (cell === undefined) continue;
      const from = getField(capability, field);
      if (unchanged(from, cell.value)) continue;
      next ??= { ...capability, scale: { ...capability.scale }, sources: { ...capability.sources } };
      const part = SCALE_PART[field];
      if (part) next.scale[part] = cell.value as number;
      else Object.assign(next, { [field]: cell.value });
      next.sources[sourceKey(field)] = source;
      rowChanges.push({
        id: capability.id,
        name: capability.name.sv,
        field,
        from,
        to: cell.value,
        source,
        row: row.row,
      });
      fields.set(field, { row: row.row, column: cell.column, raw: cell.raw, sourceColumn: row.source?.column ?? null });
    }
    if (!next) continue;
    const rowProblems = schemaProblems(format, next, i, fields, current);
    if (rowProblems.length > 0) {
      for (const p of rowProblems) reject(p);
      continue;
    }
    merged[i] = next;
    changes.push(...rowChanges);
  }

  // a file that cannot be trusted as a whole, or without one valid row, is refused
  const valid = read.rows.filter((r) => !bad.has(r.row)).length;
  const fileWide = problems.some((p) => p.row === null);
  if (read.blocking || fileWide || (valid === 0 && problems.length > 0))
    return { ok: false, problems: sortProblems(problems) };
  return { ok: true, changes, capabilities: merged, problems: sortProblems(problems) };
}

/** The problems of one changed capability: its scale's order, then the project's schema, placed in the file. */
function schemaProblems(
  format: Format,
  next: Capability,
  i: number,
  fields: Map<CapabilityField, Origin>,
  current: readonly Capability[],
): Problem[] {
  const problems: Problem[] = [];
  // scale order, with a message that shows the three values
  const scaleOrigin = SCALE_FIELDS.map((f) => fields.get(f)).find((o) => o !== undefined);
  const { low, mode, high } = next.scale;
  const scaleReported = scaleOrigin !== undefined && !(low <= mode && mode <= high);
  if (scaleOrigin && scaleReported) {
    problems.push(
      problem(
        format,
        scaleOrigin.row,
        scaleOrigin.column,
        `skalelasticiteten måste vara lägsta ≤ troligast ≤ högsta, men blir ${formatSv(low)}, ${formatSv(mode)} och ${formatSv(high)}`,
      ),
    );
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
      if (origin && !isBooleanField(field) && field in RULE) {
        const shown = format === 'csv' ? `”${clip(origin.raw)}”` : clip(origin.raw);
        text = `${shown} är inte tillåtet: ${RULE[field]}`;
      }
    }
    if (origin && text !== undefined) {
      const key = `${column}:${text}`;
      if (placed.has(key)) continue;
      placed.add(key);
      problems.push(problem(format, origin.row, column, text));
    } else {
      // not a value from the file: name the field by its label
      const path = `capabilities.${i}.${issue.path.split('.').slice(1).join('.')}`;
      problems.push(problem(format, row, null, describeIssue({ ...issue, path }, 'sv', { capabilities: current })));
    }
  }
  return problems;
}

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
 * **Checks.** At most `MAX_FILE_BYTES` bytes and `MAX_DATA_ROWS` rows; no binary content; the scale must
 * stay `scale_low ≤ scale_mode ≤ scale_high`; and the merged catalogue must pass `parseCapabilities`, whose
 * issues come back placed at the file's row and column. Nothing is returned but the problems when there is
 * any. `current` is not modified; values equal to the current ones, also after a template's rounding, are
 * not changes.
 */
export function parseCapabilityFile(
  bytes: Uint8Array,
  fileName: string,
  current: readonly Capability[],
): CapabilityImportResult {
  const early = checkBytes(bytes);
  if (early) return refuse(early);
  const { text } = decodeText(bytes);
  if (text.trim() === '') return refuse('Filen är tom');
  const json = /\.json$/i.test(fileName.trim()) || /^\s*[[{]/.test(text);
  const read = json ? readJson(text) : readCsv(text);
  if (read.fatal) return { ok: false, problems: sortProblems(read.problems) };
  return apply(json ? 'json' : 'csv', read, fileName, current);
}

// ---------------------------------------------------------------------------------------------------------
// Templates

const booleanCell = (value: boolean, lang: Lang): string =>
  lang === 'sv' ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no';

/**
 * A CSV template with the capabilities' current figures, to edit and import again: one column per field of
 * {@link CAPABILITY_TEMPLATE_COLUMNS} (scale flattened into its low, most likely and high parts), headed by
 * its label in the language ({@link capabilityTemplateHeaders}; the importer also reads the English labels
 * and the field ids), one row per capability with its name in `lang`, written with `toCsv` (`sv`: `;` and
 * decimal comma; `en`: `,` and decimal point; both UTF-8 with BOM). Yes/no fields are `ja`/`nej` (sv) or
 * `yes`/`no` (en). Importing the unedited file changes nothing.
 */
export function capabilitiesTemplate(current: readonly Capability[], lang: Lang): string {
  const rows: CsvCell[][] = [capabilityTemplateHeaders(lang)];
  for (const c of current) {
    rows.push([
      c.id,
      c.name[lang],
      ...CAPABILITY_FIELDS.map((field) => {
        const value = getField(c, field);
        return typeof value === 'boolean' ? booleanCell(value, lang) : value;
      }),
    ]);
  }
  return toCsv(rows, lang);
}

/**
 * A JSON template with the capabilities' current figures: an array of objects keyed by the headers of
 * {@link capabilityTemplateHeaders} in the language, the name as `{ sv, en }`, the scale flattened, yes/no
 * as booleans, pretty-printed. Importing it unedited changes nothing; the field ids (`id`, `minFte`,
 * `scale: { low, mode, high }` …) are read as keys too.
 */
export function capabilitiesJsonTemplate(current: readonly Capability[], lang: Lang = 'sv'): string {
  const headers = capabilityTemplateHeaders(lang);
  const entries = current.map((c) =>
    Object.fromEntries([
      [headers[0], c.id],
      [headers[1], { sv: c.name.sv, en: c.name.en }],
      ...CAPABILITY_FIELDS.map((field, k) => [headers[k + 2], getField(c, field)]),
    ]),
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}
