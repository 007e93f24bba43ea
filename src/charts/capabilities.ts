/**
 * The Förmågor (capabilities) tab's charts: capabilities held without key-person risk over the years, and
 * the share of each key capability held in the last year per municipality and path.
 */
import * as Plot from '@observablehq/plot';
import type { PathId, Results } from '../engine/index.js';
import { formatNumber, formatPercent, GROUP_LABEL, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { fanChart } from './fan-chart.js';
import { ems, isNarrow } from './layout.js';
import { activePaths, coverageCells } from './series.js';
import type { ChartSpec } from './spec.js';

/** The capabilities tab's charts: robust coverage (fan) and a coverage grid per path. */
export function capabilityCharts(results: Results, lang: Lang): ChartSpec[] {
  const paths = activePaths(results);
  const cells = coverageCells(results, paths);
  const last = results.years[results.years.length - 1];
  const label = (p: PathId) => pick(PATH_LABEL[p], lang);
  const groups = Object.keys(GROUP_LABEL);
  const names = results.scenario.members.map((m) => m.name);
  return [
    fanChart(results, lang, {
      id: 'robust-coverage',
      metric: 'robustCoverage',
      unit: 0.01,
      title: t('capabilitiesHeldWithoutKey', lang),
      description: t('shareOfCapabilitiesHeld', lang),
      yLabel: t('perCentOfCapabilities', lang),
      format: (x) => formatNumber(x, lang, 0),
    }),
    {
      id: 'coverage-grid',
      title: t('capabilitiesHeldByGroupTitle', lang, last),
      description: t('lightCellsAreGaps', lang),
      options: (width) => {
        // on a narrow screen each grid gets its title above it instead of a column of titles at the side
        const narrow = isNarrow(width);
        const marginRight = narrow ? 10 : Math.min(200, width * 0.25);
        return {
          width,
          height: 80 + paths.length * (names.length * 14 + 40) + (narrow ? 20 : 0),
          marginLeft: 110,
          marginRight,
          marginTop: narrow ? 40 : undefined,
          marginBottom: 90,
          x: { domain: groups, tickFormat: (g: string) => pick(GROUP_LABEL[g], lang), tickRotate: -35, label: null },
          y: { domain: names, label: null, tickSize: 0 },
          fy: { domain: paths, axis: null, padding: narrow ? 0.2 : 0.1 },
          color: {
            type: 'linear',
            domain: [0, 1],
            range: ['#f7f4ea', '#08306b'],
            legend: true,
            // room at the ends for the first and last tick label ("0 %", "100 %")
            width: 260,
            marginLeft: 14,
            marginRight: 20,
            label: t('shareHeld', lang),
            tickFormat: (d: number) => formatPercent(d, lang),
          },
          marks: [
            Plot.cell(cells, { x: 'group', y: 'municipality', fy: 'path', fill: 'held', inset: 0.5 }),
            narrow
              ? Plot.text(paths, {
                  fy: (p: PathId) => p,
                  frameAnchor: 'top-left',
                  dx: -100,
                  dy: -18,
                  text: label,
                  fontWeight: 'bold',
                })
              : Plot.axisFy({
                  anchor: 'right',
                  tickFormat: label,
                  label: null,
                  lineWidth: ems(marginRight - 12),
                }),
          ],
        };
      },
      table: {
        columns: [t('path', lang), t('municipality', lang), ...groups.map((g) => pick(GROUP_LABEL[g], lang))],
        rows: paths.flatMap((p) =>
          results.paths[p].municipalities.map((m) => [
            label(p),
            m.name,
            ...m.groupCoverage.map((g) => formatPercent(g.held, lang)),
          ]),
        ),
      },
    },
  ];
}
