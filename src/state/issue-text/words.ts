/**
 * The small words the issue texts are made of: bilingual text, positions (`nr 3`), quoted and clipped
 * values, numbers in the language's form, and a translated message ({@link Said}) with the rule that says it.
 */
import type { Issue, Text } from '../../engine/index.js';
import { type Lang, t } from '../../i18n.js';
import { formatExact } from '../../import/labels.js';
import { clip } from '../../import/problems.js';
import type { IssueContext } from './context.js';

/** A text in both languages. */
export const L = (sv: string, en: string): Text => ({ sv, en });
/** A UI string of `i18n.ts` in both languages. */
export const tx = (key: Parameters<typeof t>[0]): Text => ({ sv: t(key, 'sv'), en: t(key, 'en') });

/** Whether a path's part is a position in a list (`3`). */
export const isIndex = (part: string | undefined): part is string => part !== undefined && /^\d+$/.test(part);
/** A position from 0 said as a number from 1: `nr 4`, `no. 4`. */
export const nth = (part: string, lang: Lang): string =>
  lang === 'sv' ? `nr ${Number(part) + 1}` : `no. ${Number(part) + 1}`;
/** A value in the language's quotation marks, clipped to 60 characters. */
export const quote = (text: string, lang: Lang): string => (lang === 'sv' ? `”${clip(text)}”` : `“${clip(text)}”`);
/** A field this module has no label for, named by its key: `fältet ”extra”`. */
export const unknownField = (key: string, lang: Lang) =>
  lang === 'sv' ? `fältet ${quote(key, lang)}` : `the field ${quote(key, lang)}`;

/** Numbers in a message, with the language's separators (`4 294 967 295`, `−0,99`); years stay `2030`. */
export function num(text: string, lang: Lang): string {
  const x = Number(text);
  return text.trim() !== '' && Number.isFinite(x) ? formatExact(x, lang) : text;
}

/** A translated message: a clause after the field's label, or (`whole`) a sentence that names the field itself. */
export interface Said {
  text: string;
  whole?: boolean;
}

/** One known message: its pattern and what it says, given the match. */
export type Rule = [RegExp, (m: RegExpExecArray, issue: Issue, lang: Lang, context: IssueContext | undefined) => Said];

/** A clause in the language, said after the field's label. */
export const say = (sv: string, en: string, lang: Lang): Said => ({ text: lang === 'sv' ? sv : en });
/** A whole sentence in the language, naming the field itself. */
export const sayWhole = (sv: string, en: string, lang: Lang): Said => ({ text: lang === 'sv' ? sv : en, whole: true });
