/**
 * The headline figures on the cards above the results charts: cost in the last year, net effect, the
 * probability of being cheaper, development capacity and the break-even year, formatted.
 */
import type { PathId, Results } from '../engine/index.js';
import { formatMsek, formatNumber, formatPercent, type Lang, PATH_LABEL, pick } from '../i18n.js';

/** Headline figures per path for the cards above the charts. */
export function headline(results: Results, path: PathId, lang: Lang) {
  const p = results.paths[path];
  const last = p.years[p.years.length - 1];
  return {
    label: pick(PATH_LABEL[path], lang),
    cost: formatMsek(last.totalCost.p50, lang, 0),
    npv: path === 'status-quo' ? null : formatMsek(p.npvVsStatusQuo.p50, lang, 0),
    probCheaper: p.probCheaper === null ? null : formatPercent(p.probCheaper, lang),
    capacity: formatNumber(last.developmentCapacity.p50, lang, 1),
    breakEven: p.breakEven?.median ?? null,
  };
}
