/**
 * The Kostnad (cost) tab's charts: total IT cost per year, the net effect over the period against status
 * quo, and the cumulative cost against status quo.
 */
import * as Plot from '@observablehq/plot';
import type { PathId, Results } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { fanChart } from './fan-chart.js';
import { pathColours, wrappedAxisY } from './layout.js';
import { netEffectRows } from './series.js';
import type { ChartSpec } from './spec.js';

/** The cost tab's charts: total cost per path (fan), net effect (bars), cumulative difference (fan). */
export function costCharts(results: Results, lang: Lang): ChartSpec[] {
  const year = results.years[0];
  const mnkr = (x: number) => formatNumber(x, lang, 1);
  const net = netEffectRows(results);
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  return [
    fanChart(results, lang, {
      id: 'total-cost',
      metric: 'totalCost',
      unit: 1e6,
      title: t('totalItCostPerPath', lang),
      description: t('costOfHoldingThe', lang, year),
      yLabel: t('sekMPerYearPrices', lang, year),
      format: mnkr,
    }),
    {
      id: 'net-effect',
      title: t('netEffectOverThe', lang),
      description: t('presentValueOfThe', lang),
      options: (width) => {
        const marginLeft = Math.min(230, Math.max(120, width * 0.35));
        return {
          width,
          height: 70 + net.length * 44,
          marginLeft,
          marginBottom: 40, // the axis label clear of the tick labels
          x: {
            label: t('sekMPresentValue', lang),
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          y: { domain: net.map((r) => r.path) },
          color: pathColours(net.map((r) => r.path)),
          marks: [
            wrappedAxisY(marginLeft, { tickFormat: label }),
            Plot.barX(net, { y: 'path', x: 'p50', fill: 'path', fillOpacity: 0.8 }),
            Plot.ruleY(net, { y: 'path', x1: 'p10', x2: 'p90', stroke: '#222', strokeWidth: 1.5 }),
            Plot.tickX(net, { y: 'path', x: 'p10', stroke: '#222' }),
            Plot.tickX(net, { y: 'path', x: 'p90', stroke: '#222' }),
            Plot.ruleX([0], { stroke: '#000', strokeWidth: 1.5 }),
            Plot.text([t('cheaperArrow', lang)], {
              frameAnchor: 'top-left',
              dy: -14,
              fill: '#1a5e20',
              fontWeight: 'bold',
            }),
            Plot.text([t('dearerArrow', lang)], {
              frameAnchor: 'top-right',
              dy: -14,
              fill: '#8a1c1c',
              fontWeight: 'bold',
            }),
          ],
        };
      },
      table: {
        columns: [t('path', lang), 'P10', 'P50', 'P90', t('probabilityCheaper', lang)],
        rows: net.map((r) => [
          label(r.path),
          mnkr(r.p10),
          mnkr(r.p50),
          mnkr(r.p90),
          formatPercent(r.probCheaper, lang),
        ]),
      },
    },
    fanChart(results, lang, {
      id: 'cumulative',
      metric: 'cumulativeDiffVsStatusQuo',
      unit: 1e6,
      title: t('cumulativeCostAgainstStatus', lang),
      description: t('theCostDifferenceAgainst', lang),
      yLabel: t('sekMCumulative', lang),
      format: mnkr,
      zeroLine: true,
      withStatusQuoPanel: false,
    }),
  ];
}
