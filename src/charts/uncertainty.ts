/**
 * The Osäkerhet (uncertainty) tab's charts: the probability that each path is cheaper than status quo,
 * year by year, and a tornado per path of what its net effect hangs on.
 */
import * as Plot from '@observablehq/plot';
import { assumptionDef, type PathId, type Results } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { ems, FONT_PX, pathColours, wrappedAxisY, wrappedLines } from './layout.js';
import { activePaths, PATH_COLOUR, PATH_DASH, probabilityRows } from './series.js';
import type { ChartSpec } from './spec.js';

/** The uncertainty tab's charts: the probability of being cheaper, then one tornado per path. */
export function uncertaintyCharts(results: Results, lang: Lang): ChartSpec[] {
  return [probabilityChart(results, lang), ...sensitivityCharts(results, lang)];
}

function probabilityChart(results: Results, lang: Lang): ChartSpec {
  const rows = probabilityRows(results);
  const paths = activePaths(results, false);
  // direct labels at the lines' ends, spread apart where the lines end close together
  const lastYear = results.years[results.years.length - 1];
  const labels = rows
    .filter((r) => r.year === lastYear)
    .sort((a, b) => b.probability - a.probability)
    .map((r) => ({ ...r, y: r.probability }));
  for (let k = 1; k < labels.length; k++) labels[k].y = Math.min(labels[k].y, labels[k - 1].y - 0.07);
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  // room for the longest direct label (bold, ≈ 0.62 em a character)
  const labelPx = Math.max(...paths.map((p) => label(p).length)) * 0.62 * FONT_PX + 12;
  return {
    id: 'probability-cheaper',
    title: t('probabilityThatThePath', lang),
    description: t('shareOfTheSimulations', lang),
    options: (width) => {
      // where the labels at the lines' ends would squeeze the chart (narrow screen, high zoom), a legend
      // above it names the lines instead
      const direct = labelPx <= width * 0.32;
      return {
        width,
        height: 300,
        marginLeft: 56,
        marginRight: direct ? labelPx : 20,
        x: { label: null, tickFormat: (d: number) => String(d), ticks: Math.min(10, Math.floor(width / 70)) },
        y: {
          label: t('probability', lang),
          domain: [0, 1],
          grid: true,
          tickFormat: (d: number) => formatPercent(d, lang),
        },
        color: { ...pathColours(paths), legend: !direct, tickFormat: label },
        marks: [
          Plot.ruleY([0.5], { stroke: '#999', strokeDasharray: '3,3' }),
          ...paths.map((p) =>
            Plot.lineY(
              rows.filter((r) => r.path === p),
              { x: 'year', y: 'probability', stroke: PATH_COLOUR[p], strokeWidth: 2.5, strokeDasharray: PATH_DASH[p] },
            ),
          ),
          Plot.text(direct ? labels : [], {
            x: 'year',
            y: 'y',
            text: (r: { path: PathId }) => label(r.path),
            fill: (r: { path: PathId }) => PATH_COLOUR[r.path],
            dx: 6,
            textAnchor: 'start',
            fontWeight: 'bold',
          }),
        ],
      };
    },
    table: {
      columns: [t('path', lang), t('year', lang), t('probabilityAxis', lang)],
      rows: rows.map((r) => [label(r.path), String(r.year), formatPercent(r.probability, lang)]),
    },
  };
}

/**
 * A tornado per path: the uncertain inputs ranked by their rank correlation with the path's net cost
 * against status quo, labelled in plain words ("Om lönerna stiger snabbare …").
 */
export function sensitivityCharts(results: Results, lang: Lang): ChartSpec[] {
  return activePaths(results, false).map((path, k) => {
    const rows = results.paths[path].sensitivity.npvVsStatusQuo.slice(0, 6).map((d) => ({
      input: pick(assumptionDef(d.input).effect, lang),
      unit: pick(assumptionDef(d.input).unit, lang),
      rho: d.rankCorrelation,
      share: d.share,
    }));
    const name = pick(PATH_LABEL[path], lang);
    return {
      id: `sensitivity-${path}`,
      title: t('whatTheNetEffectHangsOn', lang, name),
      description: k > 0 ? '' : t('theUncertainInputsRanked', lang),
      options: (width) => {
        const marginLeft = Math.min(330, width * 0.5);
        return {
          width,
          // room for labels wrapped onto several lines when the margin is narrow
          height:
            60 +
            rows.length *
              Math.max(28, 14 * Math.max(...rows.map((r) => wrappedLines(r.input, ems(marginLeft - 12)))) + 8),
          marginLeft,
          marginBottom: 40,
          x: {
            domain: [-1, 1],
            label: t('rankCorrelation', lang),
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 1),
          },
          y: { domain: rows.map((r) => r.input) },
          marks: [
            wrappedAxisY(marginLeft, { tickSize: 0 }),
            Plot.barX(rows, { y: 'input', x: 'rho', fill: PATH_COLOUR[path] }),
            Plot.ruleX([0], { stroke: '#000' }),
          ],
        };
      },
      table: {
        columns: [t('input', lang), t('rankCorrelationColumn', lang), t('shareOfExplainedSpread', lang)],
        rows: rows.map((r) => [r.input, formatNumber(r.rho, lang, 2), formatPercent(r.share, lang)]),
      },
    };
  });
}
