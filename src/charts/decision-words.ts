/**
 * Words shared by the Beslut (decision) tab's modules (thresholds.ts, cost-capacity.ts, acceptability.ts,
 * value-of-information.ts, two-way.ts): path names in and out of a sentence, an input's value with its
 * unit, and percentages and amounts whose figure and unit never split across lines.
 */
import type { AssumptionDef, PathId } from '../engine/index.js';
import {
  formatAssumptionValue,
  formatMsek as formatMsekSpaced,
  formatPercent as formatPercentSpaced,
  type Lang,
  PATH_LABEL,
  pick,
} from '../i18n.js';

/** A figure and its unit never split across lines: "27,0 %", "14,5 mnkr", "SEK 14.5 m". */
export const keepTogether = (text: string) => text.replace(/ /g, '\u00a0');
/** A percentage that never splits from its sign ("27,0 %"). */
export const formatPercent = (x: number, lang: Lang, digits = 0) => keepTogether(formatPercentSpaced(x, lang, digits));
/** An amount in mnkr that never splits from its unit ("14,5 mnkr"). */
export const formatMsek = (x: number, lang: Lang, digits = 1) => keepTogether(formatMsekSpaced(x, lang, digits));

/** A path's name as a label: "Samverkan", "Collaboration". */
export const pathLabel = (p: PathId, lang: Lang) => pick(PATH_LABEL[p], lang);
/** A path's name inside a sentence: "samverkan", "collaboration" (status quo keeps its capital). */
export const inline = (p: PathId, lang: Lang) =>
  p === 'status-quo' ? pathLabel(p, lang) : lowerFirst(pathLabel(p, lang));

/** Lower-case a label's first letter unless it starts an abbreviation ("KPIF"). */
export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toUpperCase() && text[1] !== text[1].toLowerCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Whether an input is a share (shown as a percentage). */
export const isShare = (def: AssumptionDef) => /^(share|percentage points)/.test(def.unit.en);

/**
 * An input's value in words: shares as percentages ("38,6 %"), amounts and counts with their unit
 * ("850 000 kr per år", "1,50 årsarbetare"); factors and positions as bare numbers.
 */
export function inputValue(def: AssumptionDef, x: number, lang: Lang): string {
  const n = keepTogether(formatAssumptionValue(def, x, lang));
  if (isShare(def) || /^(factor|position|added)/.test(def.unit.en)) return n;
  return `${n}\u00a0${pick(def.unit, lang)}`;
}
