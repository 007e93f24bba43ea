import type { AssumptionDef, PathId, Text } from './engine/index.js';
import { APP_STRINGS } from './i18n/app.js';
import { CHARTS_STRINGS } from './i18n/charts.js';
import { COALITION_STRINGS } from './i18n/coalition.js';
import { COMMON_STRINGS } from './i18n/common.js';
import { DATA_STRINGS } from './i18n/data.js';
import { DECISION_STRINGS } from './i18n/decision.js';
import type { Entry } from './i18n/entry.js';
import { MAP_STRINGS } from './i18n/map.js';
import { RESULTS_STRINGS } from './i18n/results.js';
import { SAVED_STRINGS } from './i18n/saved.js';
import { SCENARIO_STRINGS } from './i18n/scenario.js';
import { SUMMARY_STRINGS } from './i18n/summary.js';
import { WORK_STRINGS } from './i18n/work.js';

export type Lang = 'sv' | 'en';

/** Pick the text of a bilingual string. */
export const pick = (text: Text, lang: Lang): string => text[lang];

/** Every UI text by key: one table per screen or area in src/i18n/, a key in one table only (test/state/i18n.test.ts). */
const STRINGS = {
  ...APP_STRINGS,
  ...CHARTS_STRINGS,
  ...COALITION_STRINGS,
  ...COMMON_STRINGS,
  ...DATA_STRINGS,
  ...DECISION_STRINGS,
  ...MAP_STRINGS,
  ...RESULTS_STRINGS,
  ...SAVED_STRINGS,
  ...SCENARIO_STRINGS,
  ...SUMMARY_STRINGS,
  ...WORK_STRINGS,
};

type Strings = typeof STRINGS;
export type StringKey = keyof Strings;
/** The values a key's text takes (none for a plain text). */
type ArgsOf<K extends StringKey> = K extends StringKey
  ? Strings[K]['sv'] extends (...args: infer A) => string
    ? A
    : []
  : never;

/** A UI string in the chosen language; a text with values takes them after the language. */
export function t<K extends StringKey>(key: K, lang: Lang, ...args: ArgsOf<K>): string {
  const text = STRINGS[key][lang] as string | ((...values: readonly unknown[]) => string);
  return typeof text === 'function' ? text(...args) : text;
}

/** Every key, for the test that each is used and has both languages. */
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];
/** The texts of a key in both languages. */
export const entryOf = (key: StringKey): Entry => STRINGS[key];

export const PATH_LABEL: Record<PathId, Text> = {
  'status-quo': { sv: 'Status quo (nuläge)', en: 'Status quo' },
  samverkan: { sv: 'Samverkan', en: 'Collaboration' },
  omfordelning: { sv: 'Omfördelning av ansvar', en: 'Reallocation of responsibility' },
  sammanlaggning: { sv: 'Sammanläggning', en: 'Merger' },
  asymmetrisk: { sv: 'Asymmetrisk ansvarsfördelning', en: 'Asymmetric responsibility' },
};

export const GROUP_LABEL: Record<string, Text> = {
  'stabil-drift': { sv: 'Stabil drift', en: 'Stable operations' },
  'teknisk-miljo': { sv: 'Teknisk miljö', en: 'Technical environment' },
  'krav-sla': { sv: 'Krav och SLA', en: 'Requirements and SLAs' },
  leverantorer: { sv: 'Leverantörer', en: 'Vendors' },
  standarder: { sv: 'Standarder', en: 'Standards' },
  'verksamhetens-behov': { sv: 'Verksamhetens behov', en: 'Business needs' },
  omvarld: { sv: 'Omvärld', en: 'External trends' },
  kompetens: { sv: 'Kompetens', en: 'Competence' },
  'attraktiv-arbetsplats': { sv: 'Attraktiv arbetsplats', en: 'Attractive workplace' },
};

export const FORM_LABEL: Record<string, Text> = {
  avtalssamverkan: { sv: 'Avtalssamverkan', en: 'Agreement-based' },
  'gemensam-namnd': { sv: 'Gemensam nämnd', en: 'Joint committee' },
  kommunalforbund: { sv: 'Kommunalförbund', en: 'Municipal federation' },
  bolag: { sv: 'Gemensamt bolag', en: 'Jointly owned company' },
};

/** The locale of a language, for dates and numbers. */
export const locale = (lang: Lang) => (lang === 'sv' ? 'sv-SE' : 'en-GB');

/** Number formats by language and digits: creating one costs far more than using it (tables format thousands). */
const formats = new Map<string, Intl.NumberFormat>();

/** A number with the language's separators and `digits` decimals: `12,3` in Swedish. */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  const key = `${lang}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(x);
}

/** Names as a list in the language: `Dals-Ed, Mellerud och Åmål`. */
export function listOf(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(locale(lang), { type: 'conjunction' }).format(names);
}

/** SEK as millions: `12,3 mnkr` / `SEK 12.3 m`. */
export function formatMsek(x: number, lang: Lang, digits = 1): string {
  const n = formatNumber(x / 1e6, lang, digits);
  return lang === 'sv' ? `${n} mnkr` : `SEK ${n} m`;
}

/** A share as a percentage: `80 %`. */
export function formatPercent(x: number, lang: Lang, digits = 0): string {
  const n = formatNumber(x * 100, lang, digits);
  return lang === 'sv' ? `${n} %` : `${n}%`;
}

/**
 * A spread (standard error) of an assumption's value: "±0,9 procentenheter" for shares (a difference of
 * percentages is in percentage points), else "±" and the value as formatAssumptionValue writes it.
 */
export function formatAssumptionSpread(def: AssumptionDef, se: number, lang: Lang): string {
  if (def.unit.en.startsWith('share'))
    return `±${formatNumber(se * 100, lang, 1)} ${lang === 'sv' ? 'procentenheter' : 'percentage points'}`;
  return `±${formatAssumptionValue(def, se, lang)}`;
}

/** The value of an assumption in its unit, rounded for display. */
export function formatAssumptionValue(def: AssumptionDef, x: number, lang: Lang): string {
  const unit = def.unit.en;
  if (unit.startsWith('share')) return formatPercent(x, lang, 1);
  if (unit.startsWith('percentage points')) return formatPercent(x, lang, 2);
  if (unit.startsWith('SEK')) return formatNumber(x, lang, 0);
  return formatNumber(x, lang, 2);
}
