/**
 * Column headers and JSON keys to field keys, for every importer: how names are compared (Unicode NFC,
 * trimmed, inner white space folded, any case; a unit in parentheses at the end may be left out), the
 * table of accepted names (field ids, Swedish aliases, and the labels and template headers of
 * `./labels.ts` in Swedish and English), and the Swedish messages for a name that is not accepted.
 * Pure: no DOM.
 */
import { type FieldText, fieldHeader } from './labels.js';
import { type Problem, problemAt } from './problems.js';

/** Text without a leading byte order mark, in Unicode NFC, trimmed. */
export const cleanText = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .trim();

/** A name as names are compared: {@link cleanText}, inner white space folded to one space, lower case. */
export const normalizeName = (text: string): string => cleanText(text).replace(/\s+/g, ' ').toLowerCase();

/** Whether two names are the same but for case, spacing and Unicode form (` UDDEVALLA ` is `Uddevalla`). */
export const sameName = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b);

/** A header without a unit in parentheses at its end: `it-kostnad (kr per år)` → `it-kostnad`. */
const withoutUnit = (name: string): string => name.replace(/\s*\([^()]*\)$/, '');

/**
 * The accepted names of fields, normalised, to their keys: each field id, then the Swedish `aliases`, then
 * each field's label and template header (label with unit) in Swedish and English.
 */
export function namesOf<K extends string>(
  keys: readonly K[],
  text: (key: K) => FieldText,
  aliases: [string, K][],
): ReadonlyMap<string, K> {
  return new Map<string, K>([
    ...keys.map((key): [string, K] => [key.toLowerCase(), key]),
    ...aliases,
    ...keys.flatMap((key): [string, K][] =>
      (['sv', 'en'] as const).flatMap((lang): [string, K][] => [
        [text(key).label[lang].toLowerCase(), key],
        [fieldHeader(text(key), lang).toLowerCase(), key],
      ]),
    ),
  ]);
}

/** How an importer reads headers: its accepted names, the fields it does not import, and its message texts. */
export interface HeaderRules<K extends string> {
  names: ReadonlyMap<string, K>;
  /** Names (normalised) of fields that exist but are not set by import. */
  fixed: ReadonlySet<string>;
  /** The columns to name in a message: `Kommunkod, Kommun, … (eller fältens id, t.ex. code, itCost)`. */
  columnList: string;
  /** Whether an unknown name gets a suggestion of the known name it is a typo of. */
  suggest: boolean;
}

/** A column header's (or JSON key's) key, or a Swedish explanation of why it is not accepted. */
export function resolveName<K extends string>(
  rules: HeaderRules<K>,
  header: string,
  format: 'csv' | 'json',
): { key: K } | { error: string } {
  const name = normalizeName(header);
  const key = rules.names.get(name) ?? rules.names.get(withoutUnit(name));
  if (key) return { key };
  if (rules.fixed.has(name)) return { error: `kan inte ändras genom import (möjliga kolumner: ${rules.columnList})` };
  const near = rules.suggest
    ? [...rules.names.keys()].find((known) => editDistance(known, name) <= Math.min(2, Math.floor(known.length / 3)))
    : undefined;
  const nearKey = near === undefined ? undefined : rules.names.get(near);
  const hint = near === undefined ? '' : ` Menade du ${nearKey?.toLowerCase() === near ? nearKey : near}?`;
  return { error: `${format === 'csv' ? 'okänd kolumn' : 'okänt fält'}.${hint} Möjliga kolumner: ${rules.columnList}` };
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

/** The columns an importer names in its messages: their Swedish labels, and examples of field ids. */
export const columnList = <K>(keys: readonly K[], text: (key: K) => FieldText, ids: string): string =>
  `${keys.map((key) => text(key).label.sv).join(', ')} (eller fältens id, t.ex. ${ids})`;
