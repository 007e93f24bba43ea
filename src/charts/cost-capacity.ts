/**
 * The Beslut (decision) tab, part 2, cost against development capacity: per path the share of runs in
 * each quadrant (cheaper/dearer, more/same/less capacity) in words, the note that the two axes are largely the
 * same money, and a scatter plot per path.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import { type DecisionAnalysis, PATH_IDS, type PathId, type PlanePath } from '../engine/index.js';
import { formatNumber, type Lang, t } from '../i18n.js';
import { formatPercent, inline, pathLabel } from './decision-words.js';
import { ems, isNarrow, panelTitles, pathColours } from './layout.js';
import { PATH_COLOUR } from './series.js';
import type { ChartSpec } from './spec.js';

/** The paths of the analysis in the fixed order (status quo first where it takes part). */
export function planePaths(decision: DecisionAnalysis): PathId[] {
  return PATH_IDS.filter((p) => decision.plane[p]);
}

const QUADRANTS = ['cheaperMore', 'cheaperSame', 'cheaperLess', 'dearerMore', 'dearerSame', 'dearerLess'] as const;

/** Per path: the quadrants' shares in words (largest first), capacity per year and cost per FTE gained. */
export function planeSentences(decision: DecisionAnalysis, lang: Lang): { path: PathId; text: string }[] {
  return planePaths(decision).map((p) => {
    const d = decision.plane[p] as PlanePath;
    const parts = QUADRANTS.map((q) => ({ q, share: d.quadrants[q] }))
      .filter((x) => x.share >= 0.005)
      .sort((a, b) => b.share - a.share)
      .map((x, i) => {
        const pct = formatPercent(x.share, lang);
        const words = t(x.q, lang);
        if (i > 0) return t('inItIs', lang, pct, words);
        return t('inOfTheRuns', lang, pct, inline(p, lang), words);
      });
    // never "−0,0": a change that rounds to zero is shown as 0
    const capacity = formatNumber(Math.abs(d.capacityPerYear) < 0.05 ? 0 : d.capacityPerYear, lang, 1);
    let text = `${parts.join('; ')}. `;
    text += t('onAverageDevelopmentFte', lang, capacity);
    if (d.costPerFteYear !== null) text += t('eachDevelopmentFteYear', lang, formatNumber(d.costPerFteYear, lang));
    return { path: p, text };
  });
}

/** Correlations from this size (absolute) make the two axes "largely the same money". */
export const SAME_MONEY_CORRELATION = 0.5;

/**
 * The note that the two axes are largely the same money under today's budget, naming the paths whose
 * correlation shows it; null when no path's does (e.g. where no member has money left for development).
 */
export function planeNote(decision: DecisionAnalysis, lang: Lang): string | null {
  const strong = planePaths(decision).filter(
    (p) => Math.abs(decision.plane[p]?.correlation ?? 0) >= SAME_MONEY_CORRELATION,
  );
  if (strong.length === 0) return null;
  const correlations = strong.map((p) =>
    t('correlationFor', lang, formatNumber(decision.plane[p]?.correlation as number, lang, 2), inline(p, lang)),
  );
  return t('noteUnderTodayS', lang, correlations.join(', '));
}

/** Panels per row: two for four paths (squarer scatter plots), three for more, one on a narrow screen. */
const planeColumns = (width: number, n: number) => (isNarrow(width) ? 1 : n === 4 || width < 700 ? 2 : Math.min(3, n));

export function planeChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const paths = planePaths(decision);
  const points = paths.flatMap((path) => {
    const { cost, capacity } = (decision.plane[path] as PlanePath).points;
    return cost.map((c, i) => ({ path, cost: c / 1e6, capacity: capacity[i] }));
  });
  const panel = (p: PathId) => paths.indexOf(p);
  // room above the highest dot (and zero) for each panel's title
  const yMin = Math.min(0, ...points.map((d) => d.capacity));
  const yMax = Math.max(0, ...points.map((d) => d.capacity));
  const yDomain = [yMin, yMax + 0.14 * (yMax - yMin || 1)];
  const n = (decision.plane[paths[0]] as PlanePath | undefined)?.points.cost.length ?? 0;
  return {
    id: 'cost-capacity',
    title: t('planeTitle', lang),
    description: t('oneDotPerRun', lang, formatNumber(n, lang)),
    options: (width) => {
      const columns = planeColumns(width, paths.length);
      const marginLeft = 56;
      const marginRight = 16;
      const fx = (d: { path: PathId }) => panel(d.path) % columns;
      const fy = (d: { path: PathId }) => Math.floor(panel(d.path) / columns);
      const panelWidth = (width - marginLeft - marginRight) / columns;
      return {
        width,
        height: Math.ceil(paths.length / columns) * Math.min(280, Math.max(190, panelWidth * 0.7)) + 60,
        marginLeft,
        marginRight,
        marginTop: 30,
        marginBottom: 44,
        x: {
          label: t('sekMAgainstStatus', lang),
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks: Math.max(2, Math.floor(panelWidth / 70)),
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        y: {
          domain: yDomain,
          label: t('developmentFteYearsPresent', lang),
          grid: true,
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        fx: { axis: null, padding: 0.12 },
        fy: { axis: null, padding: 0.12 },
        color: pathColours(paths),
        marks: [
          Plot.frame({ stroke: '#ddd' }),
          Plot.ruleX([0], { stroke: '#333' }),
          Plot.ruleY([0], { stroke: '#333' }),
          Plot.dot(points, { x: 'cost', y: 'capacity', fx, fy, fill: 'path', r: 1.8, fillOpacity: 0.45 }),
          panelTitles(paths, columns, {
            text: (p: PathId) => pathLabel(p, lang),
            fill: (p: PathId) => PATH_COLOUR[p],
            lineWidth: ems(panelWidth - 20) * 0.9,
          }),
        ],
      };
    },
    table: {
      columns: (
        [
          'path',
          'planeCheaperMore',
          'planeCheaperSame',
          'planeCheaperLess',
          'planeDearerMore',
          'planeDearerSame',
          'planeDearerLess',
          'planeCorrelation',
          'planeCapacityPerYear',
          'planeCostPerFteYear',
        ] as const
      ).map((k) => t(k, lang)),
      rows: paths.map((p) => {
        const d = decision.plane[p] as PlanePath;
        return [
          pathLabel(p, lang),
          ...QUADRANTS.map((q) => formatPercent(d.quadrants[q], lang)),
          d.correlation === null ? '–' : formatNumber(d.correlation, lang, 2),
          formatNumber(d.capacityPerYear, lang, 1),
          d.costPerFteYear === null ? '–' : formatNumber(d.costPerFteYear, lang),
        ];
      }),
    },
  };
}
