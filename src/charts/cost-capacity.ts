/**
 * The Beslut (decision) tab, part 2, cost against development capacity: per path the share of runs in
 * each quadrant (cheaper/dearer, more/same/less capacity) in words, the note that the two axes are largely the
 * same money, and a scatter plot per path.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import { type DecisionAnalysis, PATH_IDS, type PathId, type PlanePath } from '../engine/index.js';
import { formatNumber, type Lang, pick } from '../i18n.js';
import { formatPercent, inline, pathLabel } from './decision-words.js';
import { ems, isNarrow, panelTitles, pathColours } from './layout.js';
import { PATH_COLOUR } from './series.js';
import type { ChartSpec } from './spec.js';

/** The paths of the analysis in the fixed order (status quo first where it takes part). */
export function planePaths(decision: DecisionAnalysis): PathId[] {
  return PATH_IDS.filter((p) => decision.plane[p]);
}

const QUADRANTS = ['cheaperMore', 'cheaperSame', 'cheaperLess', 'dearerMore', 'dearerSame', 'dearerLess'] as const;
type Quadrant = (typeof QUADRANTS)[number];

const QUADRANT_TEXT: Record<Quadrant, { sv: string; en: string }> = {
  cheaperMore: { sv: 'billigare och ger mer utvecklingskapacitet', en: 'cheaper and gives more development capacity' },
  cheaperLess: {
    sv: 'billigare men ger mindre utvecklingskapacitet',
    en: 'cheaper but gives less development capacity',
  },
  cheaperSame: {
    sv: 'billigare och ger samma utvecklingskapacitet',
    en: 'cheaper and gives the same development capacity',
  },
  dearerSame: { sv: 'dyrare och ger samma utvecklingskapacitet', en: 'dearer and gives the same development capacity' },
  dearerMore: { sv: 'dyrare men ger mer utvecklingskapacitet', en: 'dearer but gives more development capacity' },
  dearerLess: { sv: 'dyrare och ger mindre utvecklingskapacitet', en: 'dearer and gives less development capacity' },
};

/** Per path: the quadrants' shares in words (largest first), capacity per year and cost per FTE gained. */
export function planeSentences(decision: DecisionAnalysis, lang: Lang): { path: PathId; text: string }[] {
  const sv = lang === 'sv';
  return planePaths(decision).map((p) => {
    const d = decision.plane[p] as PlanePath;
    const parts = QUADRANTS.map((q) => ({ q, share: d.quadrants[q] }))
      .filter((x) => x.share >= 0.005)
      .sort((a, b) => b.share - a.share)
      .map((x, i) => {
        const pct = formatPercent(x.share, lang);
        const words = pick(QUADRANT_TEXT[x.q], lang);
        if (i > 0) return sv ? `i ${pct} ${words}` : `in ${pct} it is ${words}`;
        return sv
          ? `I ${pct} av körningarna blir ${inline(p, lang)} ${words}`
          : `In ${pct} of the runs ${inline(p, lang)} is ${words}`;
      });
    // never "−0,0": a change that rounds to zero is shown as 0
    const capacity = formatNumber(Math.abs(d.capacityPerYear) < 0.05 ? 0 : d.capacityPerYear, lang, 1);
    let text = `${parts.join('; ')}. `;
    text += sv
      ? `I genomsnitt ${capacity} utvecklingsårsarbetare per år jämfört med status quo.`
      : `On average ${capacity} development FTE a year against status quo.`;
    if (d.costPerFteYear !== null)
      text += sv
        ? ` Varje utvecklingsårsarbetare som vinns kostar i genomsnitt ${formatNumber(d.costPerFteYear, lang)} kr (nuvärde).`
        : ` Each development FTE-year gained costs SEK ${formatNumber(d.costPerFteYear, lang)} on average (present value).`;
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
  const sv = lang === 'sv';
  const strong = planePaths(decision).filter(
    (p) => Math.abs(decision.plane[p]?.correlation ?? 0) >= SAME_MONEY_CORRELATION,
  );
  if (strong.length === 0) return null;
  const correlations = strong.map((p) =>
    sv
      ? `korrelation ${formatNumber(decision.plane[p]?.correlation as number, lang, 2)} för ${inline(p, lang)}`
      : `correlation ${formatNumber(decision.plane[p]?.correlation as number, lang, 2)} for ${inline(p, lang)}`,
  );
  return sv
    ? `Obs: med dagens budget blir en besparing till utvecklingspersonal, så de två axlarna är till stor del samma pengar (${correlations.join(', ')}). Ett vägval är alltså inte värt mer för att det syns på båda axlarna.`
    : `Note: under today’s budget a saving turns into development staff, so the two axes are largely the same money (${correlations.join(', ')}). A path is therefore not worth more because it shows up on both axes.`;
}

/** Panels per row: two for four paths (squarer scatter plots), three for more, one on a narrow screen. */
const planeColumns = (width: number, n: number) => (isNarrow(width) ? 1 : n === 4 || width < 700 ? 2 : Math.min(3, n));

export function planeChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
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
    title: sv
      ? 'Kostnad mot utvecklingskapacitet, jämfört med status quo'
      : 'Cost against development capacity, compared with status quo',
    description: sv
      ? `En punkt per körning (de första ${formatNumber(n, lang)}), en panel per vägval. Till vänster om den lodräta nollinjen är vägvalet billigare, ovanför den vågräta ger det mer utvecklingskapacitet. Båda i nuvärde över perioden.`
      : `One dot per run (the first ${formatNumber(n, lang)}), one panel per path. Left of the vertical zero line the path is cheaper, above the horizontal one it gives more development capacity. Both in present value over the period.`,
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
          label: sv ? 'mnkr mot status quo (nuvärde)' : 'SEK m against status quo (present value)',
          labelAnchor: 'center',
          labelArrow: 'none',
          ticks: Math.max(2, Math.floor(panelWidth / 70)),
          tickFormat: (d: number) => formatNumber(d, lang, 0),
        },
        y: {
          domain: yDomain,
          label: sv ? 'utvecklingsårsarbetare (nuvärde)' : 'development FTE-years (present value)',
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
      columns: sv
        ? [
            'Vägval',
            'Billigare, mer kapacitet',
            'Billigare, samma kapacitet',
            'Billigare, mindre kapacitet',
            'Dyrare, mer kapacitet',
            'Dyrare, samma kapacitet',
            'Dyrare, mindre kapacitet',
            'Korrelation',
            'Kapacitet per år (åa)',
            'Kostnad per vunnen utvecklingsårsarbetare (kr)',
          ]
        : [
            'Path',
            'Cheaper, more capacity',
            'Cheaper, same capacity',
            'Cheaper, less capacity',
            'Dearer, more capacity',
            'Dearer, same capacity',
            'Dearer, less capacity',
            'Correlation',
            'Capacity per year (FTE)',
            'Cost per development FTE-year gained (SEK)',
          ],
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
