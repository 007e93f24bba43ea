/**
 * The Kostnad (cost) tab's charts: total IT cost per year, the net effect over the period against status
 * quo, and the cumulative cost against status quo.
 */
import * as Plot from '@observablehq/plot';
import type { PathId, Results } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick } from '../i18n.js';
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
  const sv = lang === 'sv';
  return [
    fanChart(results, lang, {
      id: 'total-cost',
      metric: 'totalCost',
      unit: 1e6,
      title: sv ? 'Total IT-kostnad per år för varje vägval' : 'Total IT cost per year for each path',
      description: sv
        ? `Kostnad för att hålla hela den digitala motorn. Mörkt band: hälften av utfallen, ljust band: 8 av 10. Streckad linje: status quo. Fasta ${year} års priser.`
        : `Cost of holding the whole digital engine. Dark band: half of the outcomes, light band: 8 in 10. Dashed line: status quo. Fixed ${year} prices.`,
      yLabel: sv ? `mnkr per år (${year} års priser)` : `SEK m per year (${year} prices)`,
      format: mnkr,
    }),
    {
      id: 'net-effect',
      title: sv
        ? 'Nettoeffekt över hela perioden jämfört med status quo'
        : 'Net effect over the whole period against status quo',
      description: sv
        ? 'Nuvärdet av kostnadsskillnaden mot status quo. Stapeln visar medianen, strecket 8 fall av 10. Till vänster om noll är vägvalet billigare.'
        : 'Present value of the cost difference against status quo. The bar shows the median, the whisker 8 in 10 outcomes. Left of zero the path is cheaper.',
      options: (width) => {
        const marginLeft = Math.min(230, Math.max(120, width * 0.35));
        return {
          width,
          height: 70 + net.length * 44,
          marginLeft,
          marginBottom: 40, // the axis label clear of the tick labels
          x: {
            label: sv ? 'mnkr (nuvärde)' : 'SEK m (present value)',
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
            Plot.text([sv ? '← billigare' : '← cheaper'], {
              frameAnchor: 'top-left',
              dy: -14,
              fill: '#1a5e20',
              fontWeight: 'bold',
            }),
            Plot.text([sv ? 'dyrare →' : 'dearer →'], {
              frameAnchor: 'top-right',
              dy: -14,
              fill: '#8a1c1c',
              fontWeight: 'bold',
            }),
          ],
        };
      },
      table: {
        columns: [sv ? 'Vägval' : 'Path', 'P10', 'P50', 'P90', sv ? 'Sannolikhet billigare' : 'Probability cheaper'],
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
      title: sv ? 'Ackumulerad kostnad jämfört med status quo' : 'Cumulative cost against status quo',
      description: sv
        ? 'Summan av kostnadsskillnaden mot status quo hittills. Under noll har vägvalet betalat tillbaka omställningen.'
        : 'The cost difference against status quo summed so far. Below zero the path has paid back its transition.',
      yLabel: sv ? 'mnkr, ackumulerat' : 'SEK m, cumulative',
      format: mnkr,
      zeroLine: true,
      withStatusQuoPanel: false,
    }),
  ];
}
