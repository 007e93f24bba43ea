/**
 * How the figures are written in docs/model.md: plain numbers (thousands grouped with a space, a real
 * minus sign), MSEK, percentages, and markdown tables padded the way Biome formats them.
 */
// ---------------------------------------------------------------------------------------------------
// Number formatting: plain figures, thousands grouped with a space, a real minus sign.

export const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = Object.fromEntries([...'-0123456789'].map((c, k) => [c, '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'[k]]));

/** Group the integer part of a formatted number in threes with spaces (from 1 000 up). */
function group(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A number with `decimals` decimals (or its shortest form), never "−0". */
export function num(x: number, decimals?: number): string {
  let text = decimals === undefined ? String(Math.abs(x)) : Math.abs(x).toFixed(decimals);
  if (text.includes('e')) {
    // 1e-9 → 10⁻⁹, 2.5e-7 → 2.5 × 10⁻⁷
    const [mantissa, exponent] = text.split('e');
    const power = `10${[...String(Number(exponent))].map((d) => SUPERSCRIPT[d]).join('')}`;
    return `${x < 0 ? MINUS : ''}${mantissa === '1' ? '' : `${mantissa} × `}${power}`;
  }
  text = group(text);
  return x < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/** With a sign: +4, −18, 0. */
export const signed = (x: number, decimals = 0) => {
  const text = num(x, decimals);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
};
export const msek = (sek: number) => num(sek / 1e6, 0);
export const signedMsek = (sek: number, decimals = 0) => signed(sek / 1e6, decimals);
export const percent = (share: number) => `${Math.round(share * 100)} %`;
export const fte = (x: number) => num(x, 1);

// ---------------------------------------------------------------------------------------------------
// Markdown tables, padded the way Biome formats them (so that `biome format` leaves a block unchanged).

const width = (s: string) => [...s].length;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, k) => Math.max(3, ...cells.map((row) => width(row[k]))));
  const line = (row: string[]) => `| ${row.map((c, k) => c + ' '.repeat(widths[k] - width(c))).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const code = (s: string) => `\`${s}\``;
