/**
 * CSV export of simulation results, for analysts who open the numbers in Excel or read them with R,
 * Python and the like. Pure: no DOM, so it runs in Node (tests, CLI), workers and the browser alike.
 *
 * Units follow docs/results-format.md: money in SEK in fixed prices of the scenario's start year, staff in
 * FTE (årsarbetare), shares and probabilities as fractions from 0 to 1, and every difference is path minus
 * status quo (negative = the path is cheaper).
 */
import { PATH_IDS, type PathId, type Results, type Stats } from '../engine/index.js';
import { type Lang, PATH_LABEL } from '../i18n.js';

/** One cell of an exported table: text, a number, or `null` for an empty cell. */
export type CsvCell = string | number | null;

/** The field separators {@link toCsv} writes: `;` for Swedish, `,` for English. */
export type CsvSeparator = ';' | ',';

/** The UTF-8 byte order mark that makes Excel read the file as UTF-8 (å, ä, ö). */
export const CSV_BOM = '\uFEFF';

/** The line end written after every row (Excel's own). */
export const CSV_LINE_END = '\r\n';

/** The separator used for a language: Swedish Excel expects `;` because `,` is its decimal mark. */
export const csvSeparator = (lang: Lang): CsvSeparator => (lang === 'sv' ? ';' : ',');

/** Decimals always kept; numbers below 1 keep at least {@link MIN_SIGNIFICANT} significant digits instead. */
const DECIMALS = 6;
/** Significant digits kept for numbers below 1 and in exponent notation. */
const MIN_SIGNIFICANT = 7;

/** Characters that make a spreadsheet read a text cell as a formula (CSV / formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells containing any of these are quoted. Both separators, so that the separator can be detected. */
const NEEDS_QUOTES = /[;,"\r\n]/;

/**
 * A number as CSV text for the language, without thousands separators: `-1234,5` (sv) or `-1234.5` (en).
 *
 * Numbers are rounded to 6 decimals, or to 7 significant digits when their magnitude is below 1, and
 * trailing zeros are dropped, so the relative rounding error is below 5·10⁻⁷. Magnitudes from 10⁻¹⁵ to
 * below 10²¹ are written without exponent; others as e.g. `1,5E-16`, which Excel also reads as a number.
 * Non-finite numbers become an empty cell; −0 becomes `0`.
 */
export function formatCsvNumber(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  let text: string;
  if (abs >= 1e21 || abs < 1e-15) {
    const [mantissa, exponent] = x.toPrecision(MIN_SIGNIFICANT).split('e');
    text = `${trimZeros(mantissa)}E${exponent}`;
  } else {
    const digits = Math.max(DECIMALS, MIN_SIGNIFICANT - 1 - Math.floor(Math.log10(abs)));
    text = trimZeros(x.toFixed(digits));
  }
  if (text === '-0') text = '0';
  return lang === 'sv' ? text.replace('.', ',') : text;
}

const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/**
 * A text cell made safe for spreadsheets: a leading apostrophe `'` when it begins with `=`, `+`, `-`,
 * `@`, tab or CR (which Excel and LibreOffice would otherwise run as a formula), then quoted (inner `"`
 * doubled) when it contains `;`, `,`, `"`, CR or LF.
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A table as CSV text that the spreadsheet of the language's locale opens correctly by double-click.
 *
 * - `sv`: `;` between fields and decimal comma (`1234,5`), as Swedish Excel expects;
 * - `en`: `,` between fields and decimal point (`1234.5`).
 *
 * Both start with a UTF-8 byte order mark ({@link CSV_BOM}) and end every row with CRLF. Numbers are
 * written with {@link formatCsvNumber} and never quoted or neutralised (−12.5 is `-12,5`); text goes
 * through {@link csvText} (formula neutralising and quoting); `null` is an empty cell.
 *
 * Rows need not have the same length. The text is a JS string: encode it as UTF-8 (e.g. with
 * `new Blob([csv], { type: 'text/csv;charset=utf-8' })`) to keep the BOM meaningful.
 */
export function toCsv(rows: CsvCell[][], lang: Lang): string {
  const sep = csvSeparator(lang);
  const cell = (value: CsvCell): string =>
    value === null ? '' : typeof value === 'number' ? formatCsvNumber(value, lang) : csvText(value);
  let out = CSV_BOM;
  for (const row of rows) out += row.map(cell).join(sep) + CSV_LINE_END;
  return out;
}

/** The per-year metrics in {@link resultsTable}, in column order (all `Stats` fields of `YearResult`). */
export const YEAR_METRICS = [
  'totalCost',
  'costPerInhabitant',
  'developmentCapacity',
  'capacityGap',
  'coverage',
  'robustCoverage',
  'driftShare',
  'transitionCost',
  'diffVsStatusQuo',
  'cumulativeDiffVsStatusQuo',
] as const;

/** The statistics exported for each metric in {@link resultsTable}, in column order. */
export const YEAR_STATS = ['mean', 'p10', 'p50', 'p90'] as const satisfies readonly (keyof Stats)[];

/** The paths with results to export: the enabled ones (status quo always is), in the fixed path order. */
const enabledPaths = (results: Results): PathId[] => PATH_IDS.filter((path) => results.paths[path].enabled);

/**
 * One header row, then one row per enabled path × year (paths in the fixed order, years ascending).
 *
 * The header holds stable English identifiers, whatever the language:
 *
 * - `path`: path id (`status-quo`, `samverkan`, `omfordelning`, `sammanlaggning`, `asymmetrisk`);
 * - `pathLabel`: the path's name in `lang`;
 * - `year`: calendar year;
 * - `<metric>_<stat>` for each metric of {@link YEAR_METRICS} and each stat of {@link YEAR_STATS}
 *   (`totalCost_mean`, `totalCost_p10`, `totalCost_p50`, `totalCost_p90`, `costPerInhabitant_mean`, …),
 *   each a statistic over the Monte Carlo runs of a total over all scenario members:
 *   - `totalCost`, `transitionCost`, `diffVsStatusQuo`, `cumulativeDiffVsStatusQuo`: SEK per year in
 *     start-year prices (the cumulative difference is summed from the start year, undiscounted);
 *   - `costPerInhabitant`: SEK per inhabitant and year;
 *   - `developmentCapacity`, `capacityGap` (unmet development demand): FTE;
 *   - `coverage`, `robustCoverage`, `driftShare`: shares from 0 to 1;
 * - `probCheaper`: share of runs (0–1) in which the path costs less than status quo that year; empty for
 *   status quo.
 *
 * Disabled paths are left out, since their figures only repeat status quo's.
 */
export function resultsTable(results: Results, lang: Lang): CsvCell[][] {
  const header: CsvCell[] = ['path', 'pathLabel', 'year'];
  for (const metric of YEAR_METRICS) for (const stat of YEAR_STATS) header.push(`${metric}_${stat}`);
  header.push('probCheaper');
  const rows: CsvCell[][] = [header];
  for (const path of enabledPaths(results)) {
    const label = PATH_LABEL[path][lang];
    for (const year of results.paths[path].years) {
      const row: CsvCell[] = [path, label, year.year];
      for (const metric of YEAR_METRICS) for (const stat of YEAR_STATS) row.push(year[metric][stat]);
      row.push(year.probCheaper);
      rows.push(row);
    }
  }
  return rows;
}

/** The columns of {@link municipalityTable} after the identifying ones: [header, metric, stat]. */
const MEMBER_COLUMNS = [
  ['horizonCost', 'p10'],
  ['horizonCost', 'p50'],
  ['horizonCost', 'p90'],
  ['npvVsStatusQuo', 'p10'],
  ['npvVsStatusQuo', 'p50'],
  ['npvVsStatusQuo', 'p90'],
  ['finalDevelopmentCapacity', 'p50'],
  ['finalCapacityGap', 'p50'],
] as const;

/**
 * One header row, then one row per enabled path × member municipality (paths in the fixed order,
 * municipalities in the scenario's member order). Columns, with stable English identifiers:
 *
 * - `code`: kommunkod, as text (Excel shows codes starting with 0, as in Stockholm county, without the
 *   zero unless the column is imported as text);
 * - `name`: the municipality's name;
 * - `path`, `pathLabel`: path id and the path's name in `lang`;
 * - `horizonCost_p10`, `_p50`, `_p90`: the municipality's cost summed over the horizon, undiscounted,
 *   SEK in start-year prices;
 * - `npvVsStatusQuo_p10`, `_p50`, `_p90`: present value of its cost minus its own status-quo cost, SEK
 *   (negative = cheaper);
 * - `finalDevelopmentCapacity_p50`: development capacity in the final year, FTE;
 * - `finalCapacityGap_p50`: final-year demand minus capacity, FTE, signed (negative = spare capacity).
 *
 * The percentiles are over the Monte Carlo runs.
 */
export function municipalityTable(results: Results, lang: Lang): CsvCell[][] {
  const rows: CsvCell[][] = [
    ['code', 'name', 'path', 'pathLabel', ...MEMBER_COLUMNS.map(([metric, stat]) => `${metric}_${stat}`)],
  ];
  for (const path of enabledPaths(results)) {
    const label = PATH_LABEL[path][lang];
    for (const member of results.paths[path].municipalities) {
      rows.push([
        member.code,
        member.name,
        path,
        label,
        ...MEMBER_COLUMNS.map(([metric, stat]) => member[metric][stat]),
      ]);
    }
  }
  return rows;
}

/**
 * Reads back CSV written by {@link toCsv}: **only for this module's own output**, in round-trip tests.
 * User files are to be read with a full parser (papaparse), not with this.
 *
 * - drops a leading BOM;
 * - takes the separator from `separator`, or else from the first row: `;` if it has a `;` outside quotes,
 *   otherwise `,` (unambiguous for {@link toCsv} output whose first row has at least two cells, as every
 *   table of this module has);
 * - handles quoted fields with doubled quotes, separators and line breaks inside;
 * - accepts CRLF, LF or CR line ends; a final line end does not start another row.
 *
 * Cells are returned as written: numbers as text with the file's decimal mark, neutralised text with its
 * leading apostrophe, empty cells as `''`. Throws a `SyntaxError` on a malformed quoted field.
 */
export function parseCsv(text: string, separator?: CsvSeparator): string[][] {
  if (text.startsWith(CSV_BOM)) text = text.slice(1);
  const rows: string[][] = [];
  if (text === '') return rows;
  const sep = separator ?? detectSeparator(text);
  const n = text.length;
  const isEnd = (c: string) => c === sep || c === '\r' || c === '\n';
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new SyntaxError('CSV: unterminated quoted field');
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      if (i < n && !isEnd(text[i])) throw new SyntaxError(`CSV: unexpected character after a quoted field at ${i}`);
    } else {
      const start = i;
      while (i < n && !isEnd(text[i])) i++;
      field = text.slice(start, i);
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    if (text[i] === sep) {
      i++;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}

/** `;` if the first row has a `;` outside quotes, otherwise `,`. */
function detectSeparator(text: string): CsvSeparator {
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\r' || c === '\n')) break;
    else if (!quoted && c === ';') return ';';
  }
  return ',';
}
