/**
 * Import of municipality profiles from a user's file: CSV (as Swedish or English Excel saves it) or JSON.
 *
 * Pure: no DOM apart from `TextDecoder`, which Node, workers and browsers all have. Nothing here throws on
 * bad input and nothing mutates its arguments; every problem found is returned with its row and column and
 * a Swedish message meant for the person who made the file.
 *
 * CSV is read with [papaparse](https://www.papaparse.com/), the CSV parser chosen for user files (the small
 * reader in `../export/csv.ts` is only for the project's own output).
 *
 * The flow for the user: download a template ({@link profilesTemplate} or {@link profilesJsonTemplate}),
 * with headers in the UI language (`Kommunkod;Kommun;Invånare;…;IT-kostnad (kr per år)`), edit it in Excel
 * or an editor, upload it, look at the preview ({@link ImportOk.changes}, with the rows left out and why in
 * {@link ImportOk.problems}) and apply ({@link ImportOk.profiles}). A bad row does not block the others:
 * the valid rows can be applied while the invalid ones stay listed.
 */
import { type Municipality, parseMunicipalities } from '../engine/index.js';
import { type CsvCell, formatCsvNumber, toCsv } from '../export/csv.js';
import type { Lang } from '../i18n.js';
import { describeIssue } from '../state/issue-text.js';
import {
  checkBytes,
  clip,
  extraFieldsProblem,
  type FileFormat,
  looksBinary,
  MAX_FILE_BYTES,
  mapHeader,
  problemAt,
  readCsvTable,
  sortProblems,
  unneutralise,
} from './file-input.js';
import { type FieldText, fieldHeader, PROFILE_FIELD_TEXT } from './labels.js';

export { MAX_FILE_BYTES };

/** The most data rows (CSV, not counting the header and blank rows) or entries (JSON) accepted. */
export const MAX_DATA_ROWS = 1000;

/**
 * The profile fields a file may change, in template column order. All are numbers; `itCost` and `itStaff`
 * may be empty (`null`), and `pupils` may be absent, in which case the engine derives them.
 */
export const EDITABLE_FIELDS = [
  'population',
  'populationYear',
  'populationGrowth',
  'employees',
  'pupils',
  'itCost',
  'itStaff',
  'systems',
  'legacyShare',
] as const;

/** A profile field that an import may change. */
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * The fields of a template, in column order, by id. The ids are accepted as headers (and JSON keys) in
 * every file; the templates themselves carry the labels of {@link templateHeaders}.
 */
export const TEMPLATE_COLUMNS = ['code', 'name', ...EDITABLE_FIELDS] as const;

/** A template column's label and unit. */
const columnText = (key: Key): FieldText => PROFILE_FIELD_TEXT[key];

/**
 * The headers of {@link profilesTemplate} in a language: each field's label with its unit
 * (`Kommunkod`, `Kommun`, `Invånare`, …, `IT-kostnad (kr per år)`, `Andel äldre system (0–1)`).
 */
export const templateHeaders = (lang: Lang): string[] =>
  TEMPLATE_COLUMNS.map((key) => fieldHeader(columnText(key), lang));

/** Fields given as shares, which also accept a percentage (`30 %` → 0.3). */
const PERCENT_FIELDS: ReadonlySet<EditableField> = new Set(['legacyShare', 'populationGrowth']);

/** Fields that a JSON `null` may empty (`itCost`, `itStaff` become `null`; `pupils` is removed). */
const CLEARABLE_FIELDS: ReadonlySet<EditableField> = new Set(['pupils', 'itCost', 'itStaff']);

/**
 * One reason a file, or a row of it, was refused. `row` is the row as Excel numbers it (the header is row 1; a leading
 * `sep=;` line is not counted) or, for JSON, the entry's position in the array from 1; `column` is the
 * column header or JSON key as written in the file. Either is `null` when the problem is not tied to one.
 * `message` is Swedish and names the place itself, e.g. `Raden 4, kolumnen population: ”abc” är inte ett tal`.
 */
export interface Problem {
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * One field that an import changes, for a preview before applying. `from` and `to` are `null` for an empty
 * value (no IT cost given, or pupils left to the engine). `source` is what the profile's `sources[field]`
 * becomes; `row` is the file row (or JSON entry) it came from. `note` explains anything read with
 * interpretation, such as a three-digit code padded with a leading zero.
 */
export interface Change {
  code: string;
  name: string;
  field: EditableField;
  from: number | null;
  to: number | null;
  source: string;
  row: number;
  note?: string;
}

/**
 * A file that can be applied, wholly or in part: the changes of its valid rows, every profile (changed or
 * not) after applying them, and the rows left out with their problems.
 */
export interface ImportOk {
  ok: true;
  /** One entry per changed field of the valid rows, in file order. Empty when they match the current data. */
  changes: Change[];
  /** `current` with the valid rows' changes applied, in `current`'s order; unchanged profiles are the same objects. */
  profiles: Municipality[];
  /** The problems of the rows left out (none of their values is applied), in file order; empty when none. */
  problems: Problem[];
}

/** A refused file (nothing in it can be applied): every problem found (never empty). */
export interface ImportFailed {
  ok: false;
  problems: Problem[];
}

/**
 * The outcome of {@link parseProfileFile}: refused when the file as a whole cannot be read (not text, a
 * broken header, broken quotes) or when no row is valid; otherwise the valid rows, and the problems of the
 * others.
 */
export type ImportResult = ImportOk | ImportFailed;

/** The text encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Bytes as text: UTF-8 when they are valid UTF-8 (a byte order mark is dropped), otherwise Windows-1252,
 * which is what Swedish Excel on Windows writes for "CSV (semikolonavgränsad)". Any byte sequence decodes
 * in Windows-1252, so this never fails; whether the result is text at all is judged elsewhere.
 *
 * UTF-8 is decoded with `TextDecoder('utf-8', { fatal: true })`. Windows-1252 is decoded here, as the
 * WHATWG Encoding Standard defines it (0x80 is €, 0x96 is –), because Node's `TextDecoder('windows-1252')`
 * decodes 0x80–0x9F as ISO 8859-1 control characters instead.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Code points of the bytes 0x80–0x9F in Windows-1252 (WHATWG index); the five unused bytes map to themselves. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  let text = '';
  const chunk = 8192;
  for (let i = 0; i < units.length; i += chunk) text += String.fromCharCode(...units.subarray(i, i + chunk));
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Columns

/** What a column (or JSON key) holds. */
type Key = 'code' | 'name' | 'source' | EditableField;

const KEY_BY_NAME: ReadonlyMap<string, Key> = new Map<string, Key>([
  ...(['code', 'name', 'source', ...EDITABLE_FIELDS] as const).map((key): [string, Key] => [key.toLowerCase(), key]),
  ['kommunkod', 'code'],
  ['kod', 'code'],
  ['kommun', 'name'],
  ['namn', 'name'],
  ['kommunnamn', 'name'],
  ['källa', 'source'],
  ['invånare', 'population'],
  ['folkmängd', 'population'],
  ['befolkning', 'population'],
  ['folkmängdsår', 'populationYear'],
  ['befolkningsår', 'populationYear'],
  ['befolkningstillväxt', 'populationGrowth'],
  ['tillväxt', 'populationGrowth'],
  ['anställda', 'employees'],
  ['elever', 'pupils'],
  ['it-kostnad', 'itCost'],
  ['it-kostnader', 'itCost'],
  ['it-personal', 'itStaff'],
  ['system', 'systems'],
  ['antal system', 'systems'],
  ['andel äldre system', 'legacyShare'],
  ['äldre system', 'legacyShare'],
  ['verksamhetssystem', 'systems'],
  ['elever med it-konto', 'pupils'],
  // the labels and template headers, in both languages
  ...(['code', 'name', 'source', ...EDITABLE_FIELDS] as const).flatMap((key): [string, Key][] =>
    (['sv', 'en'] as const).flatMap((lang): [string, Key][] => [
      [columnText(key).label[lang].toLowerCase(), key],
      [fieldHeader(columnText(key), lang).toLowerCase(), key],
    ]),
  ),
]);

/** Profile fields that exist but are not set by import. */
const FIXED_FIELDS = new Set(
  ['county', 'countyName', 'populationPrev', 'populationPrevYear', 'sources', 'län', 'länskod'].map((f) =>
    f.toLowerCase(),
  ),
);

const normalizeHeader = (header: string): string =>
  header
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const COLUMN_LIST = `${[...TEMPLATE_COLUMNS, 'source' as const].map((key) => columnText(key).label.sv).join(', ')} (eller fältens id, t.ex. code, itCost)`;

/** A header without a unit in parentheses at its end: `it-kostnad (kr per år)` → `it-kostnad`. */
const withoutUnit = (name: string): string => name.replace(/\s*\([^()]*\)$/, '');

/** A column header's key, or a Swedish explanation of why it is not accepted. */
function resolveHeader(header: string): { key: Key } | { error: string } {
  const name = normalizeHeader(header);
  const exact = KEY_BY_NAME.get(name) ?? KEY_BY_NAME.get(withoutUnit(name));
  if (exact) return { key: exact };
  if (FIXED_FIELDS.has(name)) return { error: `kan inte ändras genom import (möjliga kolumner: ${COLUMN_LIST})` };
  const near = [...KEY_BY_NAME.keys()].find(
    (known) => editDistance(known, name) <= Math.min(2, Math.floor(known.length / 3)),
  );
  const key = near === undefined ? undefined : KEY_BY_NAME.get(near);
  const hint = near === undefined ? '' : ` Menade du ${key?.toLowerCase() === near ? key : near}?`;
  return { error: `okänd kolumn.${hint} Möjliga kolumner: ${COLUMN_LIST}` };
}

/** Levenshtein distance, for suggesting the intended column name of a typo. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(prev[j] + 1, next[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = next;
  }
  return prev[b.length];
}

// ---------------------------------------------------------------------------------------------------------
// Cells

const SPACE = '[ \\u00a0\\u202f\\u2009]';
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:${SPACE}\\d{3})+|\\d*)(?:[.,](\\d*))?(?:[eE]([+-]?\\d+))?$`);

/**
 * A number as people and spreadsheets write it: decimal comma or point, spaces (also no-break and thin
 * spaces) between groups of three digits, a Unicode minus, an exponent (`1,5E-16`), and for share fields a
 * trailing `%`. Returns an error text in Swedish when the text is not such a number.
 */
function parseNumber(raw: string, field: EditableField): { value: number } | { error: string } {
  let s = raw.trim();
  let percent = false;
  if (s.endsWith('%')) {
    if (!PERCENT_FIELDS.has(field)) {
      return {
        error: `”${clip(raw)}” är ett procenttal, men procent går bara för andelar (${[...PERCENT_FIELDS].map((f) => columnText(f).label.sv.toLowerCase()).join(', ')})`,
      };
    }
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const m = NUMBER.exec(s.replace(/^[\u2212\u2013]/, '-'));
  if (!m || !/\d/.test((m[2] ?? '') + (m[3] ?? ''))) return { error: `”${clip(raw)}” är inte ett tal` };
  const [, sign, whole, fraction, exponent] = m;
  const value = Number(`${sign}${whole.replace(/\D/g, '') || '0'}.${fraction || '0'}e${exponent ?? '0'}`);
  if (!Number.isFinite(value)) return { error: `”${clip(raw)}” är för stort` };
  return { value: percent ? value / 100 : value };
}

/** A kommunkod as written, made four digits; a three-digit code gets its leading zero back. */
function parseCode(raw: string): { code: string; note?: string } | { error: string } {
  const s = unneutralise(raw.trim());
  if (/^\d{4}$/.test(s)) return { code: s };
  if (/^\d{3}$/.test(s)) {
    const code = `0${s}`;
    return {
      code,
      note: `Kommunkoden ${s} lästes som ${code} (den inledande nollan saknades, vilket Excel brukar göra)`,
    };
  }
  return { error: `”${clip(raw)}” är ingen kommunkod (fyra siffror, t.ex. 0114 eller 1485)` };
}

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() ===
  b.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Whole numbers with a space between groups of three digits, as in Swedish text (`1 000`). */
const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

// ---------------------------------------------------------------------------------------------------------
// Reading a file into rows

type Format = FileFormat;

/** One cell that was read: where it stands and what it said. */
interface Cell<T> {
  value: T;
  raw: string;
  column: string;
}

/** One data row or JSON entry, read but not yet checked against the municipalities. */
interface RawRow {
  row: number;
  code: Cell<string> | null;
  name: Cell<string> | null;
  source: Cell<string> | null;
  values: Map<EditableField, Cell<number | null>>;
}

/**
 * Rows read with the problems of single cells (checked further), or problems that stop reading (`fatal`).
 * `blocking`: the rows cannot be trusted (a broken quote may have merged rows), so nothing is applied.
 */
type Read =
  | { fatal: false; rows: RawRow[]; problems: Problem[]; blocking?: boolean }
  | { fatal: true; problems: Problem[] };

const fatal = (message: string): Read => ({ fatal: true, problems: [{ row: null, column: null, message }] });

/** The place a message is about, as its opening words: `Raden 4, kolumnen population: `. */
const problem = problemAt;

const refuse = (message: string): ImportFailed => ({ ok: false, problems: [{ row: null, column: null, message }] });

function readCsv(text: string): Read {
  const { header, dataRows, quoteProblems } = readCsvTable(text, [';', ',', '\t']);
  const problems: Problem[] = [];
  if (dataRows.length > MAX_DATA_ROWS) {
    return fatal(`För många rader (${formatCount(dataRows.length)}, högst ${formatCount(MAX_DATA_ROWS)})`);
  }

  // the header: every column must be known, and known once
  const { keys, firstColumn } = mapHeader(header, dataRows, (name) => resolveHeader(name), problems);
  if (!firstColumn.has('code')) {
    problems.push({
      row: 1,
      column: 'code',
      message: 'Kolumnen Kommunkod saknas (fyra siffror, t.ex. 1485; får också heta code)',
    });
  }
  if (problems.length > 0) return { fatal: true, problems: [...problems, ...quoteProblems] };
  problems.push(...quoteProblems);
  if (dataRows.length === 0) return fatal('Filen har bara en rubrikrad och inga rader med kommuner');

  const rows: RawRow[] = [];
  for (const { row, cells } of dataRows) {
    const extra = extraFieldsProblem(row, cells, header);
    if (extra) {
      problems.push(extra);
      continue;
    }
    const read: RawRow = { row, code: null, name: null, source: null, values: new Map() };
    keys.forEach((key, j) => {
      const raw = (cells[j] ?? '').trim();
      if (key === null || raw === '') return;
      const column = header[j];
      if (key === 'code' || key === 'name' || key === 'source') {
        read[key] = { value: unneutralise(raw), raw, column };
        return;
      }
      const parsedNumber = parseNumber(raw, key);
      if ('error' in parsedNumber) problems.push(problem('csv', row, column, parsedNumber.error));
      else read.values.set(key, { value: parsedNumber.value, raw, column });
    });
    rows.push(read);
  }
  return { fatal: false, rows, problems, blocking: quoteProblems.length > 0 };
}

function readJson(text: string): Read {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fatal(`Filen är inte giltig JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) {
    return fatal('JSON-filen ska innehålla en lista med kommuner: [{ "code": "1485", "population": 57000 }, …]');
  }
  if (data.length > MAX_DATA_ROWS) {
    return fatal(`För många poster (${formatCount(data.length)}, högst ${formatCount(MAX_DATA_ROWS)})`);
  }
  if (data.length === 0) return fatal('Filen innehåller en tom lista och inga kommuner');
  const problems: Problem[] = [];
  const rows: RawRow[] = [];
  data.forEach((entry: unknown, i) => {
    const row = i + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(problem('json', row, null, 'ska vara ett objekt som { "code": "1485", "population": 57000 }'));
      return;
    }
    const read: RawRow = { row, code: null, name: null, source: null, values: new Map() };
    const seen = new Map<Key, string>();
    for (const [name, value] of Object.entries(entry)) {
      const column = clip(name);
      const resolved = resolveHeader(name);
      if ('error' in resolved) {
        problems.push(problem('json', row, column, resolved.error.replace('okänd kolumn', 'okänt fält')));
        continue;
      }
      const { key } = resolved;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push(problem('json', row, column, `anger samma sak som fältet ${earlier}`));
        continue;
      }
      seen.set(key, column);
      const raw = clip(JSON.stringify(value) ?? String(value));
      if (key === 'code') {
        if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
          read.code = { value: String(value), raw, column };
        } else problems.push(problem('json', row, column, `${raw} är ingen kommunkod (text med fyra siffror)`));
      } else if (key === 'name' || key === 'source') {
        if (typeof value === 'string') read[key] = { value, raw, column };
        else if (value !== null) problems.push(problem('json', row, column, `${raw} ska vara text`));
      } else if (value === null) {
        if (CLEARABLE_FIELDS.has(key)) read.values.set(key, { value: null, raw, column });
        else
          problems.push(
            problem(
              'json',
              row,
              column,
              `måste ha ett värde (null går bara för ${[...CLEARABLE_FIELDS].map((f) => columnText(f).label.sv).join(', ')})`,
            ),
          );
      } else if (typeof value === 'number' && Number.isFinite(value)) {
        read.values.set(key, { value, raw, column });
      } else if (typeof value === 'string') {
        if (value.trim() === '') continue;
        const parsedNumber = parseNumber(value, key);
        if ('error' in parsedNumber) problems.push(problem('json', row, column, parsedNumber.error));
        else read.values.set(key, { value: parsedNumber.value, raw, column });
      } else problems.push(problem('json', row, column, `${raw} är inte ett tal`));
    }
    if (read.code === null && !seen.has('code'))
      problems.push(problem('json', row, 'code', 'fältet Kommunkod (code) saknas'));
    rows.push(read);
  });
  return { fatal: false, rows, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Checking the bytes

// ---------------------------------------------------------------------------------------------------------
// Applying the rows

/** What each field must be, in Swedish, for validation messages (mirrors MunicipalitySchema). */
const RULE: Record<EditableField, string> = {
  population: 'ska vara ett heltal från 1 till 2 000 000',
  populationYear: 'ska vara ett årtal (heltal) från 1990 till 2100',
  populationGrowth: 'ska vara en årlig förändring mellan −0,1 och 0,1 (−10 % till 10 %)',
  employees: 'ska vara minst 1',
  pupils: 'får inte vara negativt',
  itCost: 'får inte vara negativt (kronor per år)',
  itStaff: 'får inte vara negativt (årsarbetare)',
  systems: 'ska vara från 1 till 5 000',
  legacyShare: 'ska vara en andel från 0 till 1 (t.ex. 0,3 eller 30 %)',
};

const fieldValue = (profile: Municipality, field: EditableField): number | null => profile[field] ?? null;

/**
 * Whether an imported value leaves the current one as it is: equal, or equal to it as a template writes it
 * (`formatCsvNumber` rounds to 6 decimals or 7 significant digits), so that re-importing an unedited
 * template changes nothing.
 */
const unchanged = (from: number | null, to: number | null): boolean =>
  from === to || (from !== null && to !== null && Number(formatCsvNumber(from, 'en')) === to);

/** Where one changed field of a profile came from, for placing validation issues. */
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
  current: readonly Municipality[],
): ImportResult {
  const { rows } = read;
  const problems: Problem[] = [...read.problems];
  /** Rows with a problem: none of their values is applied. */
  const bad = new Set<number>(problems.flatMap((p) => (p.row === null ? [] : [p.row])));
  const reject = (p: Problem) => {
    problems.push(p);
    if (p.row !== null) bad.add(p.row);
  };
  const index = new Map(current.map((profile, i) => [profile.code, i]));
  const defaultSource = `import: ${fileName.slice(0, 200) || 'fil'}`;

  // codes: well-formed, known, and each once
  const resolved: { read: RawRow; at: number; note?: string }[] = [];
  const rowsOfCode = new Map<string, RawRow[]>();
  for (const read of rows) {
    if (read.code === null) {
      reject(problem(format, read.row, null, 'kommunkod saknas'));
      continue;
    }
    const parsed = parseCode(read.code.value);
    if ('error' in parsed) {
      reject(problem(format, read.row, read.code.column, parsed.error));
      continue;
    }
    const i = index.get(parsed.code);
    if (i === undefined) {
      reject(problem(format, read.row, read.code.column, `okänd kommunkod ${parsed.code}`));
      continue;
    }
    const same = rowsOfCode.get(parsed.code) ?? [];
    same.push(read);
    rowsOfCode.set(parsed.code, same);
    if (same.length > 1) continue;
    const profile = current[i];
    if (read.name !== null && !sameName(read.name.value, profile.name)) {
      reject(
        problem(
          format,
          read.row,
          read.name.column,
          `kommunkoden ${parsed.code} är ${profile.name}, inte ”${clip(read.name.value)}”. Kontrollera koden.`,
        ),
      );
    }
    resolved.push({ read, at: i, note: parsed.note });
  }
  // a municipality given twice: which row is meant is unknown, so neither is applied
  const times = ['', 'en gång', 'två gånger', 'tre gånger'];
  for (const [code, same] of rowsOfCode) {
    if (same.length < 2) continue;
    const places = same.map((r) => r.row);
    const list = `${places.slice(0, -1).join(', ')} och ${places.at(-1)}`;
    problems.push({
      row: places[1],
      column: same[1].code?.column ?? null,
      message: `Kommunkoden ${code} förekommer ${times[same.length] ?? `${same.length} gånger`} (${format === 'csv' ? 'rad' : 'post'} ${list})`,
    });
    for (const row of places) bad.add(row);
  }

  // the changes of each valid row, onto a copy of its profile, checked against the project's schema
  const changes: Change[] = [];
  const merged = current.slice();
  for (const { read, at: i, note } of resolved) {
    if (bad.has(read.row)) continue;
    const profile = current[i];
    const source = read.source?.value.trim() || defaultSource;
    let next: Municipality | null = null;
    const rowChanges: Change[] = [];
    const origins = new Map<EditableField, Origin>();
    for (const field of EDITABLE_FIELDS) {
      const cell = read.values.get(field);
      if (cell === undefined) continue;
      const from = fieldValue(profile, field);
      if (unchanged(from, cell.value)) continue;
      next ??= { ...profile, sources: { ...profile.sources } };
      if (cell.value === null && field === 'pupils') delete next.pupils;
      else Object.assign(next, { [field]: cell.value });
      next.sources[field] = source;
      const change: Change = {
        code: profile.code,
        name: profile.name,
        field,
        from,
        to: cell.value,
        source,
        row: read.row,
      };
      if (note) change.note = note;
      rowChanges.push(change);
      origins.set(field, {
        row: read.row,
        column: cell.column,
        raw: cell.raw,
        sourceColumn: read.source?.column ?? null,
      });
    }
    if (!next) continue;
    const rowProblems = schemaProblems(format, next, i, origins, current);
    if (rowProblems.length > 0) {
      for (const p of rowProblems) reject(p);
      continue;
    }
    merged[i] = next;
    changes.push(...rowChanges);
  }

  // a file that cannot be trusted as a whole, or without one valid row, is refused
  const valid = rows.filter((r) => !bad.has(r.row)).length;
  const fileWide = problems.some((p) => p.row === null);
  if (read.blocking || fileWide || (valid === 0 && problems.length > 0))
    return { ok: false, problems: sortProblems(problems) };
  return { ok: true, changes, profiles: merged, problems: sortProblems(problems) };
}

/** The problems of one changed profile against the project's schema, each placed at its cell in the file. */
function schemaProblems(
  format: Format,
  next: Municipality,
  i: number,
  origins: Map<EditableField, Origin>,
  current: readonly Municipality[],
): Problem[] {
  const checked = parseMunicipalities([next]);
  if (checked.ok) return [];
  const problems: Problem[] = [];
  const placed = new Set<string>();
  const row = [...origins.values()][0]?.row ?? null;
  for (const issue of checked.issues) {
    const [, second, third] = issue.path.split('.');
    const field = (second === 'sources' ? third : second) as EditableField;
    const origin = origins.get(field);
    if (origin && second === 'sources') {
      if (placed.has('source')) continue;
      placed.add('source');
      problems.push(problem(format, origin.row, origin.sourceColumn, 'källan ska ha från 3 till 2 000 tecken'));
    } else if (origin) {
      if (placed.has(field)) continue;
      placed.add(field);
      const shown = format === 'csv' ? `”${clip(origin.raw)}”` : clip(origin.raw);
      problems.push(problem(format, origin.row, origin.column, `${shown} är inte tillåtet: ${RULE[field]}`));
    } else {
      // not a value from the file: name the field by its label
      const text = describeIssue(
        { ...issue, path: `municipalities.${i}.${issue.path.split('.').slice(1).join('.')}` },
        'sv',
        {
          municipalities: current,
        },
      );
      problems.push(problem(format, row, null, text));
    }
  }
  return problems;
}

/**
 * Reads a user's file of municipality figures and merges it onto `current`, for a preview and then applying.
 *
 * **Formats.** JSON when the name ends in `.json` or the text starts with `[` or `{`: an array of partial
 * profiles `{ "code": "1485", "population": 57000, … }` (numbers or numeric text; `null` empties `itCost`,
 * `itStaff` or `pupils`). Otherwise CSV with a header row, read with papaparse, in UTF-8 (with or without
 * BOM) or Windows-1252 (see {@link decodeText}); the delimiter is taken from an Excel `sep=` line or from the
 * header row (`;`, tab or `,`). Numbers may have a decimal comma or point, spaces or no-break spaces between
 * groups of three digits, and for `legacyShare` and `populationGrowth` a trailing `%` (`30 %` → 0.3). A
 * single `,` or `.` is always a decimal mark, so `1,234` is 1.234. An empty cell keeps the current value.
 *
 * **Columns.** `code` (kommunkod) is required; a three-digit code gets back the leading zero that Excel
 * drops (and the change says so in {@link Change.note}). Any of {@link EDITABLE_FIELDS} may be present. `name`
 * is optional and only checked: a name that is not the code's municipality is refused, which catches
 * shifted rows. `source` is optional and becomes `sources[field]` of every field the row changes, else
 * `import: <fileName>`. Headers are matched trimmed and case-insensitive, with Swedish aliases (kommunkod,
 * kommun/namn, invånare/folkmängd, anställda, elever, it-kostnad, it-personal, system, andel äldre system,
 * källa, …). Any other column is refused by name, so typos are caught.
 *
 * **Checks.** At most {@link MAX_FILE_BYTES} bytes and {@link MAX_DATA_ROWS} rows; NUL bytes, a zip/xlsx
 * header or more than 1 % control characters mean binary data; each code once; and the merged profiles must
 * pass `parseMunicipalities`, whose issues come back placed at the file's row and column.
 *
 * Rows are needed only for the municipalities to change; the others stay as they are (the same objects).
 * `current` is not modified. Values equal to the current ones, also after the rounding of a template, are
 * not changes.
 */
export function parseProfileFile(bytes: Uint8Array, fileName: string, current: readonly Municipality[]): ImportResult {
  const early = checkBytes(bytes);
  if (early) return refuse(early);
  const { text } = decodeText(bytes);
  if (looksBinary(text)) return refuse('Filen är inte text (binärt innehåll)');
  if (text.trim() === '') return refuse('Filen är tom');
  const json = /\.json$/i.test(fileName.trim()) || /^\s*[[{]/.test(text);
  const read = json ? readJson(text) : readCsv(text);
  if (read.fatal) return { ok: false, problems: sortProblems(read.problems) };
  return apply(json ? 'json' : 'csv', read, fileName, current);
}

// ---------------------------------------------------------------------------------------------------------
// Templates

/**
 * A CSV template with the given profiles' current figures, to edit and import again: one column per field of
 * {@link TEMPLATE_COLUMNS}, headed by its label in the language ({@link templateHeaders}: `Kommunkod`,
 * `Invånare`, `IT-kostnad (kr per år)` …; the importer also reads the English labels and the field ids), one
 * row per profile, written with `toCsv` so that the language's Excel opens it by double-click (`sv`: `;` and
 * decimal comma; `en`: `,` and decimal point; both UTF-8 with BOM). Empty figures are empty cells. Numbers
 * are rounded as `formatCsvNumber` does (at most 5·10⁻⁷ relative), which an import of the unedited file does
 * not count as a change.
 */
export function profilesTemplate(profiles: readonly Municipality[], lang: Lang): string {
  const rows: CsvCell[][] = [templateHeaders(lang)];
  for (const p of profiles) rows.push([p.code, p.name, ...EDITABLE_FIELDS.map((field) => fieldValue(p, field))]);
  return toCsv(rows, lang);
}

/**
 * A JSON template with the given profiles' current figures: an array of objects keyed by the headers of
 * {@link templateHeaders} in the language, empty figures as `null`, pretty-printed. Importing it unedited
 * changes nothing; the field ids (`code`, `population` …) are read as keys too.
 */
export function profilesJsonTemplate(profiles: readonly Municipality[], lang: Lang = 'sv'): string {
  const headers = templateHeaders(lang);
  const entries = profiles.map((p) =>
    Object.fromEntries([
      [headers[0], p.code],
      [headers[1], p.name],
      ...EDITABLE_FIELDS.map((field, k) => [headers[k + 2], fieldValue(p, field)]),
    ]),
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}
