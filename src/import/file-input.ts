import Papa from 'papaparse';
import type { Problem } from './profiles.js';

/**
 * Checks shared by the importers of municipality figures (profiles.ts) and capability costs
 * (capabilities.ts): is the file text at all, which delimiter does the CSV use, messages and ordering.
 */

/** Largest file accepted (bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The share of control characters above which a text is taken for binary data. */
const MAX_CONTROL_SHARE = 0.01;

/** A cell's text without the apostrophe that `toCsv` puts before text that would read as a formula. */
export const unneutralise = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** Text shortened for a message, so that a huge cell or header does not make a huge message. */
export const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Megabytes with at most one decimal and a decimal comma. */
export const formatMegabytes = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return String(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10).replace('.', ',');
};

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

/** Why the bytes cannot be a text file we read (too large, empty, UTF-16, a zip/xlsx, NUL bytes), or `null`. */
export function checkBytes(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_FILE_BYTES) {
    return `Filen är för stor (${formatMegabytes(bytes.length)} MB, högst ${formatMegabytes(MAX_FILE_BYTES)} MB)`;
  }
  if (bytes.length === 0) return 'Filen är tom';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'Filen är sparad som UTF-16 (”Unicode-text”). Spara den som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”.';
  }
  const binary = 'Filen är inte text (binärt innehåll)';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return `${binary}. Det ser ut att vara en Excel-arbetsbok (.xlsx) eller ett zip-arkiv: spara som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)” först.`;
  }
  if (bytes.includes(0)) return binary;
  return null;
}

/** Whether decoded text has too many control characters to be a text file. */
export function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  return control > text.length * MAX_CONTROL_SHARE;
}

/** Problems in file order: those about the whole file first, then by row (stable within a row). */
export const sortProblems = (problems: Problem[]): Problem[] =>
  problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);

/** Whether a problem's place is a CSV row and column or a JSON entry and field. */
export type FileFormat = 'csv' | 'json';

/** A problem with its place spelt out in Swedish: "Raden 4, kolumnen population: …" or "Post 2, fältet …". */
export function problemAt(format: FileFormat, row: number | null, column: string | null, text: string): Problem {
  let place = '';
  if (row === null) place = column === null ? '' : `Kolumnen ${column}: `;
  else {
    const where = format === 'csv' ? `Raden ${row}` : `Post ${row}`;
    place = column === null ? `${where}: ` : `${where}, ${format === 'csv' ? 'kolumnen' : 'fältet'} ${column}: `;
  }
  return { row, column, message: `${place}${text}` };
}

/**
 * Map a CSV header to field keys: every named column must resolve, and no key may appear twice; an unnamed
 * column is ignored unless it holds values. Problems (on row 1) are appended to `problems`.
 */
export function mapHeader<K>(
  header: string[],
  dataRows: { cells: string[] }[],
  resolve: (name: string) => { key: K } | { error: string },
  problems: Problem[],
): { keys: (K | null)[]; firstColumn: Map<K, number> } {
  const keys: (K | null)[] = [];
  const firstColumn = new Map<K, number>();
  header.forEach((name, j) => {
    keys.push(null);
    if (name === '') {
      if (dataRows.some(({ cells }) => (cells[j] ?? '').trim() !== '')) {
        problems.push(problemAt('csv', 1, null, `kolumn ${j + 1} har värden men ingen rubrik`));
      }
      return;
    }
    const resolved = resolve(name);
    if ('error' in resolved) {
      problems.push(problemAt('csv', 1, name, resolved.error));
      return;
    }
    const earlier = firstColumn.get(resolved.key);
    if (earlier !== undefined) {
      const what = header[earlier] === name ? `Kolumnen ${name}` : `Kolumnerna ${header[earlier]} och ${name}`;
      problems.push({
        row: 1,
        column: name,
        message: `${what} förekommer två gånger (kolumn ${earlier + 1} och ${j + 1})`,
      });
      return;
    }
    firstColumn.set(resolved.key, j);
    keys[j] = resolved.key;
  });
  return { keys, firstColumn };
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
  const table = parsed.data;
  const header = (table[0] ?? []).map((h) =>
    clip(
      h
        .normalize('NFC')
        .replace(/^\uFEFF/, '')
        .trim(),
    ),
  );
  const dataRows: { row: number; cells: string[] }[] = [];
  for (let i = 1; i < table.length; i++) {
    if (table[i].some((c) => c.trim() !== '')) dataRows.push({ row: i + 1, cells: table[i] });
  }
  return { header, dataRows, quoteProblems };
}

/** The problem of a data row with values beyond the header's columns (a wrong delimiter or quote), or null. */
export function extraFieldsProblem(row: number, cells: string[], header: string[]): Problem | null {
  if (!cells.slice(header.length).some((c) => c.trim() !== '')) return null;
  return problemAt(
    'csv',
    row,
    null,
    `raden har fler fält (${cells.length}) än rubrikraden (${header.length}); kontrollera avgränsare och citattecken`,
  );
}
