/**
 * A user's file as an importer's rows, for every importer ({@link readFile}): CSV (read with
 * [papaparse](https://www.papaparse.com/), the CSV parser chosen for user files; the small reader in
 * `../export/csv.ts` is only for the project's own output) with its delimiter detected and its header mapped
 * to field keys, or JSON as a list of entries; the importer's {@link RowRules} say what its cells mean.
 * Also the limits and messages the two formats share, and the JSON templates. Pure: no DOM.
 */
import Papa from 'papaparse';
import { readFileText } from './decode.js';
import { cleanText, mapHeader } from './headers.js';
import {
  clip,
  type FileFormat,
  fileProblem,
  formatCount,
  type Problem,
  problemAt,
  type Refused,
  refuse,
  sortProblems,
} from './problems.js';

/** The most data rows (CSV, not counting the header and blank rows) or entries (JSON) accepted. */
export const MAX_DATA_ROWS = 1000;

/** One cell that was read: where it stands and what it said. */
export interface Cell<T> {
  value: T;
  raw: string;
  column: string;
}

/** Reading stopped, for a reason about the whole file. */
const fatal = (message: string): { fatal: true; problems: Problem[] } => ({
  fatal: true,
  problems: [fileProblem(message)],
});

/** What an importer's files list: the items in Swedish plural (`kommuner`) and one JSON entry as an example. */
export interface Items {
  plural: string;
  example: string;
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** A cell's text without the apostrophe that `toCsv` puts before text that would read as a formula. */
export const unneutralise = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** The delimiter of a CSV text: from an Excel `sep=` line, or the most frequent of `;`, tab and `,` in the header. */
export function detectDelimiter(text: string): { delimiter: string | undefined; body: string } {
  const sep = /^sep=(.)[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (sep) return { delimiter: sep[1], body: text.slice(sep[0].length) };
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0];
  let quoted = false;
  const counts = new Map<string, number>([
    [';', 0],
    ['\t', 0],
    [',', 0],
  ]);
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [c, n] of counts) if (n > 0 && (best === undefined || n > (counts.get(best) ?? 0))) best = c;
  return { delimiter: best, body: text };
}

/**
 * A CSV text as the importers read it: the delimiter detected (`detectDelimiter`; where the header has
 * none, papaparse guesses, among `delimitersToGuess` if given), the header cleaned (NFC, no BOM, trimmed,
 * clipped), the data rows that are not blank with their row numbers in the file, and a problem for
 * every unclosed quote.
 */
export function readCsvTable(
  text: string,
  delimitersToGuess?: string[],
): { header: string[]; dataRows: { row: number; cells: string[] }[]; quoteProblems: Problem[] } {
  const { delimiter, body } = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    ...(delimiter ? { delimiter } : delimitersToGuess ? { delimitersToGuess } : {}),
  });
  const quoteProblems: Problem[] = [];
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes') continue;
    const row = error.row === undefined ? null : error.row + 1;
    quoteProblems.push(
      problemAt('csv', row, null, 'citattecknen stämmer inte (ett fält öppnas med " men stängs aldrig)'),
    );
  }
  return { ...tableRows(parsed.data), quoteProblems };
}

/**
 * A table's rows (the first one the header) as the importers read them: the header cleaned (NFC, no BOM,
 * trimmed, clipped) and the data rows that are not blank, with their row numbers (the header is row 1).
 * For CSV tables and for a workbook's sheet (`./xlsx.ts`) alike.
 */
export function tableRows(table: readonly string[][]): {
  header: string[];
  dataRows: { row: number; cells: string[] }[];
} {
  const header = (table[0] ?? []).map((h) => clip(cleanText(h)));
  const dataRows: { row: number; cells: string[] }[] = [];
  for (let i = 1; i < table.length; i++) {
    if (table[i].some((c) => c.trim() !== '')) dataRows.push({ row: i + 1, cells: table[i] });
  }
  return { header, dataRows };
}

/** The problem of a data row with values beyond the header's columns (a wrong delimiter or quote), or null. */
function extraFieldsProblem(row: number, cells: string[], header: string[]): Problem | null {
  if (!cells.slice(header.length).some((c) => c.trim() !== '')) return null;
  return problemAt(
    'csv',
    row,
    null,
    `raden har fler fält (${cells.length}) än rubrikraden (${header.length}); kontrollera avgränsare och citattecken`,
  );
}

/**
 * Rows a file names an item in (CSV rows, JSON entries) as far as an importer's rules read them: the
 * problems of single cells, or problems that stop reading (`fatal`). `blocking`: the rows cannot be trusted
 * (a broken quote may have merged rows), so nothing is applied.
 */
export type Read<R> =
  | { fatal: false; rows: R[]; problems: Problem[]; blocking?: boolean }
  | { fatal: true; problems: Problem[] };

/** Reports a problem at a column of the row being read. */
export type Report = (column: string, text: string) => void;

/** How an importer reads its files into rows: its items, headers, required key and what its cells mean. */
export interface RowRules<K extends string, R extends { row: number }> {
  items: Items;
  /** An empty row, to read cells into. */
  row: (row: number) => R;
  /** A column header's (or JSON key's) key, or a Swedish explanation of why it is not accepted. */
  resolve: (name: string, format: FileFormat) => { key: K } | { error: string };
  /** The key every file must have, and the messages when a CSV header or a JSON entry lacks it. */
  required: { key: K; csv: string; json: string };
  /** The delimiters papaparse may guess among when the header has none (its own list if not given). */
  delimitersToGuess?: string[];
  /** Reads one non-empty (trimmed) CSV cell into `out`: an error text, or nothing when it was read. */
  csvCell: (out: R, key: K, raw: string, column: string) => string | undefined;
  /** Reads the value of a key a JSON entry gives (once) into `out`; problems go to `report`. */
  jsonField: (out: R, key: K, value: unknown, column: string, report: Report) => void;
  /**
   * Reads a JSON key that is not one field (a capability's `scale` object) and says so with `true`; `claim`
   * records a key as given and says whether it was given before (a problem reported).
   */
  jsonSpecial?: (
    out: R,
    name: string,
    value: unknown,
    column: string,
    report: Report,
    claim: (key: K, column: string) => boolean,
  ) => boolean;
}

/**
 * A CSV text as rows. Fatal: more than {@link MAX_DATA_ROWS} rows, a header with an unknown, fixed or
 * repeated column or without the required one (with any broken quotes), or no data row. Otherwise every
 * data row, but those with more fields than the header (a problem each); broken quotes are problems that
 * make the rows `blocking`.
 */
function readCsv<K extends string, R extends { row: number }>(text: string, rules: RowRules<K, R>): Read<R> {
  const { header, dataRows, quoteProblems } = readCsvTable(text, rules.delimitersToGuess);
  if (dataRows.length > MAX_DATA_ROWS) {
    return fatal(`För många rader (${formatCount(dataRows.length)}, högst ${formatCount(MAX_DATA_ROWS)})`);
  }
  const problems: Problem[] = [];
  // the header: every column must be known, and known once
  const { keys, firstColumn } = mapHeader(header, dataRows, (name) => rules.resolve(name, 'csv'), problems);
  if (!firstColumn.has(rules.required.key)) {
    problems.push({ row: 1, column: rules.required.key, message: rules.required.csv });
  }
  if (problems.length > 0) return { fatal: true, problems: [...problems, ...quoteProblems] };
  problems.push(...quoteProblems);
  if (dataRows.length === 0) return fatal(`Filen har bara en rubrikrad och inga rader med ${rules.items.plural}`);

  const rows: R[] = [];
  for (const { row, cells } of dataRows) {
    const extra = extraFieldsProblem(row, cells, header);
    if (extra) {
      problems.push(extra);
      continue;
    }
    const out = rules.row(row);
    keys.forEach((key, j) => {
      const raw = (cells[j] ?? '').trim();
      if (key === null || raw === '') return;
      const error = rules.csvCell(out, key, raw, header[j]);
      if (error !== undefined) problems.push(problemAt('csv', row, header[j], error));
    });
    rows.push(out);
  }
  return { fatal: false, rows, problems, blocking: quoteProblems.length > 0 };
}

/**
 * A JSON text as rows, one per entry. Fatal: not JSON, not a list, more than {@link MAX_DATA_ROWS} entries,
 * or an empty list. An entry that is not an object is left out with a problem; in the others, each key must
 * resolve, name its field once, and the required key must be there.
 */
function readJson<K extends string, R extends { row: number }>(text: string, rules: RowRules<K, R>): Read<R> {
  const { items } = rules;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fatal(`Filen är inte giltig JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data))
    return fatal(`JSON-filen ska innehålla en lista med ${items.plural}: [${items.example}, …]`);
  if (data.length > MAX_DATA_ROWS) {
    return fatal(`För många poster (${formatCount(data.length)}, högst ${formatCount(MAX_DATA_ROWS)})`);
  }
  if (data.length === 0) return fatal(`Filen innehåller en tom lista och inga ${items.plural}`);
  const problems: Problem[] = [];
  const rows: R[] = [];
  data.forEach((entry: unknown, i) => {
    const row = i + 1;
    const report: Report = (column, text) => problems.push(problemAt('json', row, column, text));
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(problemAt('json', row, null, `ska vara ett objekt som ${items.example}`));
      return;
    }
    const out = rules.row(row);
    const seen = new Map<K, string>();
    const claim = (key: K, column: string): boolean => {
      const earlier = seen.get(key);
      if (earlier !== undefined) report(column, `anger samma sak som fältet ${earlier}`);
      else seen.set(key, column);
      return earlier === undefined;
    };
    for (const [name, value] of Object.entries(entry)) {
      const column = clip(name);
      if (rules.jsonSpecial?.(out, name, value, column, report, claim)) continue;
      const resolved = rules.resolve(name, 'json');
      if ('error' in resolved) report(column, resolved.error);
      else if (claim(resolved.key, column)) rules.jsonField(out, resolved.key, value, column, report);
    }
    if (!seen.has(rules.required.key)) report(rules.required.key, rules.required.json);
    rows.push(out);
  });
  return { fatal: false, rows, problems };
}

/** A JSON value as a message shows it (`true`, `"abc"`), shortened. */
export const jsonRaw = (value: unknown): string => clip(JSON.stringify(value) ?? String(value));

/**
 * A user's file as an importer's rows (see `readFileText` for the checks on the file, and the readers
 * above), or the file refused with its problems in file order.
 */
export function readFile<K extends string, R extends { row: number }>(
  bytes: Uint8Array,
  fileName: string,
  rules: RowRules<K, R>,
): Refused | { format: FileFormat; read: { rows: R[]; problems: Problem[]; blocking?: boolean } } {
  const file = readFileText(bytes, fileName);
  if ('error' in file) return refuse(file.error);
  const read = file.format === 'json' ? readJson(file.text, rules) : readCsv(file.text, rules);
  if (read.fatal) return { ok: false, problems: sortProblems(read.problems) };
  return { format: file.format, read };
}

// ---------------------------------------------------------------------------------------------------------
// Templates

/** A JSON template: one object per row, keyed by the headers in order, pretty-printed, with a final newline. */
export const jsonTemplate = (headers: readonly string[], rows: readonly unknown[][]): string =>
  `${JSON.stringify(
    rows.map((row) => Object.fromEntries(headers.map((header, k) => [header, row[k]]))),
    null,
    2,
  )}\n`;
