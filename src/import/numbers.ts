/**
 * The one reader of numbers in imported files, for every importer: numbers as people and spreadsheets
 * write them in Swedish and English (`1 234,5`, `1234.5`, `−0,99`, `1,5E-16`, `30 %`). Pure: no DOM.
 */
import { clip } from './problems.js';

/** The spaces accepted between groups of three digits: space, no-break space, narrow no-break and thin space. */
const SPACE = '[ \\u00a0\\u202f\\u2009]';
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:${SPACE}\\d{3})+|\\d*)(?:[.,](\\d*))?(?:[eE]([+-]?\\d+))?$`);

/**
 * A number cell as read: its value, or a Swedish error naming the text (`”abc” är inte ett tal`,
 * `”1e400” är för stort`). `percent` says whether the text ends in `%` (also when it is no number), so that
 * a caller can refuse a percentage where none is allowed; the value of `30 %` is 30, not 0.3.
 */
export type ParsedNumber = { value: number; percent: boolean } | { error: string; percent: boolean };

/**
 * A number as people and spreadsheets write it: a decimal comma or point, spaces (also no-break, narrow
 * no-break and thin spaces) between groups of three digits, a sign (`+`, `-`, or a Unicode minus `−` or
 * en dash `–`), an exponent (`1,5E-16`), and a trailing `%` (reported, not applied). Surrounding white
 * space is ignored. A single `,` or `.` is always a decimal mark, so `1,234` is 1.234 and `1,234.5` is no
 * number; groups need a space (`1 234`, not `1,234`). Never throws.
 *
 * @example parseNumber('1 234,5') // { value: 1234.5, percent: false }
 * @example parseNumber('−30 %') // { value: -30, percent: true }
 */
export function parseNumber(raw: string): ParsedNumber {
  let s = raw.trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trim();
  const m = NUMBER.exec(s.replace(/^[\u2212\u2013]/, '-'));
  if (!m || !/\d/.test((m[2] ?? '') + (m[3] ?? ''))) return { error: `”${clip(raw)}” är inte ett tal`, percent };
  const [, sign, whole, fraction, exponent] = m;
  const value = Number(`${sign}${whole.replace(/\D/g, '') || '0'}.${fraction || '0'}e${exponent ?? '0'}`);
  if (!Number.isFinite(value)) return { error: `”${clip(raw)}” är för stort`, percent };
  return { value, percent };
}
