/**
 * The Jämförelse (comparison) tab's charts: 2–4 saved scenarios side by side on shared axes, their net
 * effect against status quo and their median total cost per year.
 */
import * as Plot from '@observablehq/plot';
import { PATH_IDS, type PathId } from '../engine/index.js';
import { formatNumber, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import type { SavedScenario } from '../state/saved-scenarios.js';
import { columnsFor, ems, panelTitles } from './layout.js';
import type { ChartSpec } from './spec.js';

/** Colours of compared scenarios (Okabe–Ito colours not used by the paths), with dashes for print. */
const SCENARIO_COLOURS = ['#E69F00', '#56B4E9', '#000000', '#999999'];
const SCENARIO_DASH = ['none', '6,3', '2,2', '10,3,2,3'];

/** Side-by-side charts of 2–4 saved scenarios on shared axes. */
export function comparisonCharts(saved: SavedScenario[], lang: Lang): ChartSpec[] {
  const names = saved.map((s) => s.name);
  const colour = { domain: names, range: SCENARIO_COLOURS.slice(0, names.length), legend: true };
  const paths = PATH_IDS.filter((p) => saved.some((s) => s.results?.paths[p]));
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const npv = saved.flatMap((s) =>
    paths
      .filter((p) => p !== 'status-quo' && s.results?.paths[p])
      .map((p) => {
        const n = s.results!.paths[p]!.npv;
        return { scenario: s.name, path: p, p10: n.p10 / 1e6, p50: n.p50 / 1e6, p90: n.p90 / 1e6 };
      }),
  );
  const cost = saved.flatMap((s) =>
    paths
      .filter((p) => s.results?.paths[p])
      .flatMap((p) =>
        s.results!.paths[p]!.totalCost.map((c, t) => ({
          scenario: s.name,
          path: p,
          year: s.results!.years[t],
          p50: c.p50 / 1e6,
        })),
      ),
  );
  const mnkr = (x: number) => formatNumber(x, lang, 1);
  const npvPaths = paths.filter((p) => p !== 'status-quo');
  return [
    {
      id: 'compare-npv',
      title: t('compareNetEffectTitle', lang),
      description: t('medianDotAnd8', lang),
      options: (width) => {
        const marginLeft = Math.min(230, Math.max(120, width * 0.3));
        return {
          width,
          height: 70 + npvPaths.length * (names.length * 22 + 26),
          marginLeft,
          marginBottom: 40,
          x: {
            label: t('sekMPresentValue', lang),
            grid: true,
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          y: { domain: names, axis: null },
          fy: { domain: npvPaths },
          color: colour,
          marks: [
            Plot.axisFy({ anchor: 'left', tickFormat: label, label: null, lineWidth: ems(marginLeft - 12) }),
            Plot.ruleX([0], { stroke: '#000' }),
            Plot.ruleY(npv, { fy: 'path', y: 'scenario', x1: 'p10', x2: 'p90', stroke: 'scenario', strokeWidth: 2 }),
            Plot.dot(npv, { fy: 'path', y: 'scenario', x: 'p50', fill: 'scenario', r: 5, symbol: 'scenario' }),
          ],
        };
      },
      table: {
        columns: [t('scenario', lang), t('path', lang), 'P10', 'P50', 'P90'],
        rows: npv.map((r) => [r.scenario, label(r.path), mnkr(r.p10), mnkr(r.p50), mnkr(r.p90)]),
      },
    },
    {
      id: 'compare-cost',
      title: t('totalItCostPer', lang),
      description: t('onePanelPerPath', lang),
      options: (width) => {
        const columns = columnsFor(width);
        const marginRight = 20;
        return {
          width,
          height: Math.ceil(paths.length / columns) * (columns === 1 ? 160 : 190) + 60,
          marginLeft: 56,
          marginRight,
          x: { label: null, tickFormat: (d: number) => String(d), ticks: 4 },
          y: { label: t('sekMPerYear', lang), grid: true },
          fx: { axis: null },
          fy: { axis: null },
          color: colour,
          marks: [
            Plot.frame({ stroke: '#ddd' }),
            ...saved.map((s, k) =>
              Plot.lineY(
                cost.filter((r) => r.scenario === s.name),
                {
                  x: 'year',
                  y: 'p50',
                  fx: (r: { path: PathId }) => paths.indexOf(r.path) % columns,
                  fy: (r: { path: PathId }) => Math.floor(paths.indexOf(r.path) / columns),
                  stroke: SCENARIO_COLOURS[k],
                  strokeDasharray: SCENARIO_DASH[k],
                  strokeWidth: 2,
                },
              ),
            ),
            panelTitles(paths, columns, {
              text: label,
              lineWidth: ems((width - 56 - marginRight) / columns - 10, true),
            }),
          ],
        };
      },
      table: {
        columns: [t('scenario', lang), t('path', lang), t('year', lang), 'P50'],
        rows: cost.map((r) => [r.scenario, label(r.path), String(r.year), mnkr(r.p50)]),
      },
    },
  ];
}
