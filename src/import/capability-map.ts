/**
 * The capability map's template and its import. The template ({@link mapTemplate}) is a CSV for Swedish
 * Excel (semicolons, UTF-8 with BOM, CRLF) with one row per member × capability, filled in with the map's
 * current values. Import ({@link parseMapFiles}) reads one or several filled templates (one per kommun or
 * one for all), with Swedish or English headers (or the column ids `code`, `capability`, `level`, `by`),
 * levels as 0–3 or words and delivery in words; every problem is named by file, row and column.
 *
 * A filled template saved as an Excel workbook (.xlsx) is read by `./xlsx.ts` into its sheets' rows first;
 * a sheet is then read as a CSV table is, with the same rules and messages.
 *
 * Reuses the importers' common parts: decoding (`./decode.ts`), the CSV table (`./table.ts`), names
 * (`./headers.ts`) and numbers (`./numbers.ts`). Problems are string keys (`../state/map-text.ts`), so that
 * they are shown in the UI language. Pure: no DOM apart from `TextDecoder`; nothing here throws on bad input.
 */
import type { Capability, CapabilityLevel, CapabilityMap, Delivery, MapCell } from '../engine/index.js';
import { toCsv } from '../export/csv.js';
import { GROUP_LABEL, type Lang, pick, t } from '../i18n.js';
import type { MemberCells } from '../state/capability-map.js';
import { byText, COLUMN_KEY, MAP_COLUMNS, type MapColumn, type MapProblem } from '../state/map-text.js';
import { isBinaryReason, readFileText } from './decode.js';
import { normalizeName } from './headers.js';
import { parseNumber } from './numbers.js';
import { clip } from './problems.js';
import { readCsvTable, tableRows, unneutralise } from './table.js';
import type { MapInput, SheetRows } from './xlsx.js';

/** A kommun as the template names it. */
export interface MapMember {
  code: string;
  name: string;
}

/** Most data rows read from one file (290 kommuner × 60 capabilities fit). */
export const MAX_MAP_ROWS = 20_000;

/**
 * The template: a header of the columns' labels in `lang`, then one row per member × capability (members in
 * the given order, capabilities in the catalogue's), with the level and delivery filled in where the map has
 * them. Always semicolon-separated, so that Swedish Excel opens it in columns.
 */
export function mapTemplate(
  members: readonly MapMember[],
  catalogue: readonly Capability[],
  map: CapabilityMap | undefined,
  lang: Lang,
): string {
  const rows: (string | number | null)[][] = [MAP_COLUMNS.map((c) => t(COLUMN_KEY[c], lang))];
  for (const m of members) {
    for (const c of catalogue) {
      const cell = map?.members[m.code]?.[c.id];
      rows.push([
        m.code,
        m.name,
        c.id,
        pick(c.name, lang),
        pick(GROUP_LABEL[c.group], lang),
        cell ? cell.level : null,
        cell ? byText(cell.by, lang, 'word') : null,
      ]);
    }
  }
  return toCsv(rows, 'sv');
}

/** Header names (normalised, without a hint in parentheses) to columns: ids, labels in both languages, aliases. */
const HEADER_NAMES: ReadonlyMap<string, MapColumn> = new Map<string, MapColumn>([
  ...MAP_COLUMNS.flatMap((c) =>
    (['sv', 'en'] as const).map((lang): [string, MapColumn] => [stripHint(normalizeName(t(COLUMN_KEY[c], lang))), c]),
  ),
  // the ids last, so that they win: `capability` is the id column
  ...MAP_COLUMNS.map((c): [string, MapColumn] => [c.toLowerCase(), c]),
  ['förmåga id', 'capability'],
  ['förmågans id', 'capability'],
  ['id', 'capability'],
  ['kod', 'code'],
  ['kommunnamn', 'name'],
  ['nivå', 'level'],
  ['delivery', 'by'],
  ['leverans', 'by'],
]);

function stripHint(name: string): string {
  return name.replace(/\s*\([^()]*\)$/, '');
}

const LEVEL_WORDS: ReadonlyMap<string, CapabilityLevel | null> = new Map<string, CapabilityLevel | null>([
  ['saknas', 0],
  ['missing', 0],
  ['sårbar', 1],
  ['vulnerable', 1],
  ['etablerad', 2],
  ['established', 2],
  ['stark', 3],
  ['strong', 3],
  ['ej bedömd', null],
  ['inte bedömd', null],
  ['not assessed', null],
  ['-', null],
  ['–', null],
]);

const BY_WORDS: ReadonlyMap<string, Delivery> = new Map<string, Delivery>([
  ['egen', 'own'],
  ['egen personal', 'own'],
  ['own', 'own'],
  ['own staff', 'own'],
  ['leverantör', 'supplier'],
  ['leverantor', 'supplier'],
  ['supplier', 'supplier'],
  ['vendor', 'supplier'],
  ['samverkan', 'collaboration'],
  ['befintlig samverkan', 'collaboration'],
  ['collaboration', 'collaboration'],
  ['existing collaboration', 'collaboration'],
]);

/** A level cell: its level, null for not assessed (empty or `ej bedömd`), or undefined when it is no level. */
export function readLevel(raw: string): CapabilityLevel | null | undefined {
  const name = normalizeName(raw);
  if (name === '') return null;
  if (LEVEL_WORDS.has(name)) return LEVEL_WORDS.get(name);
  // `2 etablerad`, as a cell reads in full
  const lead = /^([0-3])\s+(\p{L}[\p{L} ]*)$/u.exec(name);
  if (lead) return LEVEL_WORDS.get(lead[2]) === Number(lead[1]) ? (Number(lead[1]) as CapabilityLevel) : undefined;
  const n = parseNumber(name);
  if ('value' in n && !n.percent && Number.isInteger(n.value) && n.value >= 0 && n.value <= 3)
    return n.value as CapabilityLevel;
  return undefined;
}

/** A delivery cell: who delivers, or undefined when the word is not known. */
export const readBy = (raw: string): Delivery | undefined => BY_WORDS.get(normalizeName(raw));

/** What {@link parseMapFiles} checks rows against. */
export interface MapImportContext {
  /** The scenario's members: only their cells are imported. */
  members: readonly MapMember[];
  /** Every kommun the app knows, to tell an unknown code from one that is not a member. */
  municipalities: readonly MapMember[];
  catalogue: readonly Capability[];
  current: CapabilityMap | undefined;
}

/**
 * The outcome of an import: the imported kommuner's cells (to replace theirs, see `mergeMap`) and the problems
 * of rows left out; or refused, with the problems, when a file cannot be read as a whole or no kommun is in
 * the files. `files`: the names of the files read.
 */
export type MapImportResult =
  | { ok: true; files: string[]; imported: Record<string, MemberCells>; problems: MapProblem[] }
  | { ok: false; files: string[]; problems: MapProblem[] };

interface RowRead {
  file: string;
  row: number;
  code?: string;
  capability?: string;
  cell?: MapCell | null;
  bad: boolean;
}

/**
 * Read filled templates: CSV files as bytes, workbooks as `readMapInputs` (`./xlsx.ts`) read them, in any
 * mix. A row whose kommun and capability are known but that has another problem keeps that kommun's current
 * cell for the capability; a kommun and capability given twice (in one file or in two) are refused in both
 * rows. An empty level means not assessed.
 */
export function parseMapFiles(files: readonly MapInput[], ctx: MapImportContext): MapImportResult {
  const problems: MapProblem[] = [];
  const rows: RowRead[] = [];
  let fileWide = false;
  for (const file of files) {
    const before = problems.length;
    rows.push(...readMapFile(file, ctx, problems));
    if (problems.slice(before).some((p) => p.row === null || p.key === 'mapErrQuotes')) fileWide = true;
  }
  const names = files.map((f) => f.name);
  // the same kommun and capability twice: neither row is read
  const first = new Map<string, RowRead>();
  for (const r of rows) {
    if (r.code === undefined || r.capability === undefined) continue;
    const key = `${r.code}|${r.capability}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    earlier.bad = true;
    r.bad = true;
    const values = { other: earlier.row, otherFile: earlier.file };
    problems.push({
      file: r.file,
      row: r.row,
      column: null,
      key: earlier.file === r.file ? 'mapErrRepeated' : 'mapErrRepeatedFile',
      values,
    });
  }
  const order = (p: MapProblem) => names.indexOf(p.file) * 1e6 + (p.row ?? 0);
  const sorted = problems.map((p, i) => ({ p, i })).sort((a, b) => order(a.p) - order(b.p) || a.i - b.i);
  const listed = sorted.map(({ p }) => p);
  const imported: Record<string, MemberCells> = {};
  for (const r of rows) if (r.code !== undefined) imported[r.code] ??= {};
  if (fileWide || Object.keys(imported).length === 0) return { ok: false, files: names, problems: listed };
  for (const r of rows) {
    if (r.code === undefined || r.capability === undefined) continue;
    const cells = imported[r.code];
    const cell = r.bad ? ctx.current?.members[r.code]?.[r.capability] : r.cell;
    if (cell) cells[r.capability] = { level: cell.level, by: cell.by };
  }
  return { ok: true, files: names, imported, problems: listed };
}

/** A header's columns: each cell's column, or null when it names none. */
const headerColumns = (header: readonly string[]): (MapColumn | null)[] =>
  header.map((h) => {
    const n = normalizeName(h);
    return HEADER_NAMES.get(n) ?? HEADER_NAMES.get(stripHint(n)) ?? null;
  });

const REQUIRED = ['code', 'capability', 'level'] as const;

/**
 * The sheet of a workbook to read: the only one; else the first named as the template's file is (Excel names
 * the sheet of a saved CSV after it: `formagekarta-alla`); else the first whose first row has the template's
 * columns; else the first.
 */
export function pickSheet(sheets: readonly SheetRows[]): SheetRows | undefined {
  if (sheets.length <= 1) return sheets[0];
  const named = sheets.find((s) => /^(formagekarta|förmågekarta)/.test(normalizeName(s.name)));
  const headed = sheets.find((s) => {
    const columns = headerColumns(s.rows[0] ?? []);
    return REQUIRED.every((c) => columns.includes(c));
  });
  return named ?? headed ?? sheets[0];
}

/** One file's rows as far as they can be read; its problems are appended to `problems`. */
function readMapFile(file: MapInput, ctx: MapImportContext, problems: MapProblem[]): RowRead[] {
  const { name } = file;
  const fileProblem = (key: MapProblem['key'], values: MapProblem['values'] = {}) =>
    problems.push({ file: name, row: null, column: null, key, values });
  let table: { header: string[]; dataRows: { row: number; cells: string[] }[] };
  if ('unreadable' in file) {
    fileProblem(file.unreadable === 'xls' ? 'mapErrXls' : 'mapErrNotTable');
    return [];
  } else if ('sheets' in file) {
    table = tableRows(pickSheet(file.sheets)?.rows ?? []);
  } else {
    const text = readFileText(file.bytes, name);
    if ('error' in text) {
      if (isBinaryReason(text.error)) fileProblem('mapErrNotTable');
      else fileProblem('mapErrUnreadable', { why: text.error });
      return [];
    }
    if (text.format === 'json') {
      fileProblem('mapErrJson');
      return [];
    }
    const csv = readCsvTable(text.text, [';', ',', '\t']);
    for (const q of csv.quoteProblems)
      problems.push({ file: name, row: q.row, column: null, key: 'mapErrQuotes', values: {} });
    table = csv;
  }
  const { header, dataRows } = table;
  const columns = headerColumns(header);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    fileProblem('mapErrColumns', { columns: missing.join(',') });
    return [];
  }
  if (dataRows.length > MAX_MAP_ROWS) {
    fileProblem('mapErrTooMany', { n: dataRows.length, max: MAX_MAP_ROWS });
    return [];
  }
  if (dataRows.length === 0) {
    fileProblem('mapErrNoRows');
    return [];
  }
  const members = new Set(ctx.members.map((m) => m.code));
  const known = new Map(ctx.municipalities.map((m) => [m.code, m.name]));
  const ids = new Set(ctx.catalogue.map((c) => c.id));
  const at = (c: MapColumn) => columns.indexOf(c);
  return dataRows.map(({ row, cells }) => {
    const read: RowRead = { file: name, row, bad: false };
    const report = (column: MapColumn | null, key: MapProblem['key'], values: MapProblem['values'] = {}) => {
      read.bad = true;
      problems.push({ file: name, row, column, key, values });
    };
    if (cells.slice(header.length).some((c) => c.trim() !== '')) report(null, 'mapErrExtra');
    const cell = (c: MapColumn) => (at(c) < 0 ? '' : unneutralise((cells[at(c)] ?? '').trim()));
    // Excel drops a kommunkod's leading zero (0114 → 114): put it back
    const code = /^\d{1,4}$/.test(cell('code')) ? cell('code').padStart(4, '0') : cell('code');
    if (code === '') report('code', 'mapErrEmpty');
    else if (!known.has(code)) report('code', 'mapErrUnknownCode', { value: clip(code) });
    else if (!members.has(code)) report('code', 'mapErrNotMember', { value: code, name: known.get(code) ?? code });
    else read.code = code;
    const id = cell('capability').toLowerCase();
    if (id === '') report('capability', 'mapErrEmpty');
    else if (!ids.has(id)) report('capability', 'mapErrUnknownCapability', { value: clip(cell('capability')) });
    else read.capability = id;
    const level = readLevel(cell('level'));
    if (level === undefined) report('level', 'mapErrLevel', { value: clip(cell('level')) });
    const by = cell('by') === '' ? undefined : readBy(cell('by'));
    if (cell('by') !== '' && by === undefined) report('by', 'mapErrBy', { value: clip(cell('by')) });
    else if (level !== null && level !== undefined && by === undefined) report('by', 'mapErrByMissing');
    if (level === null) read.cell = null;
    else if (level !== undefined && by !== undefined) read.cell = { level, by };
    return read;
  });
}
