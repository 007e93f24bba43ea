import * as Plot from '@observablehq/plot';
import { assumptionDef, type TwoWay, twoWayFrontier, twoWayThresholdAt } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick, t } from '../i18n.js';
import { inputValue, lowerFirst } from './decision-words.js';
import type { ChartSpec } from './spec.js';

/**
 * The two-way view of the Beslut tab (issue #18 item 1): where a path pays off over its two decisive
 * inputs at once, both pinned on a grid (src/engine/thresholds.ts `findTwoWays`). Pure: every figure is
 * a field of the TwoWay or a function of it from the engine.
 */

/** "Med <andra> på sin lägsta nivå i scenariot (a) krävs <första> ≥ x; på sin högsta (b) krävs ≥ y." */
export function twoWaySentence(tw: TwoWay, lang: Lang): string {
  const [first, second] = tw.inputs.map(assumptionDef);
  const path = pick(PATH_LABEL[tw.path], lang);
  const name = (d: typeof first) => lowerFirst(pick(d.label, lang));
  const at = (y: number) => {
    const x = twoWayThresholdAt(tw, y);
    return x === null
      ? t(
          'thereIsNoThreshold',
          lang,
          name(first),
          inputValue(first, tw.ranges[0][0], lang),
          inputValue(first, tw.ranges[0][1], lang),
        )
      : t('breaksEvenAtA', lang, lowerFirst(path), name(first), inputValue(first, x, lang));
  };
  const [low, high] = tw.priorRanges[1];
  return t(
    'withTheAtThe',
    lang,
    name(second),
    inputValue(second, low, lang),
    at(low),
    inputValue(second, high, lang),
    at(high),
  );
}

/** A region plot: share of runs cheaper on the grid, the boundary where the median is zero, the assumed box. */
export function twoWayChart(tw: TwoWay, lang: Lang): ChartSpec {
  const [first, second] = tw.inputs.map(assumptionDef);
  const path = pick(PATH_LABEL[tw.path], lang);
  // each grid point's cell reaches halfway to its neighbours
  const half = (values: number[], i: number): [number, number] => [
    i === 0 ? values[0] : (values[i - 1] + values[i]) / 2,
    i === values.length - 1 ? values[i] : (values[i] + values[i + 1]) / 2,
  ];
  const cells = tw.xs.flatMap((x, i) =>
    tw.ys.map((y, j) => {
      const [x1, x2] = half(tw.xs, i);
      const [y1, y2] = half(tw.ys, j);
      return { x, y, x1, x2, y1, y2, p: tw.probCheaper[i][j], m: tw.medianNpv[i][j] };
    }),
  );
  const frontier = twoWayFrontier(tw).filter((f) => f.y !== null);
  const [px, py] = tw.priorRanges;
  // short ticks (no unit): the axes name the inputs in the description and the table
  const tick = (d: typeof first, [lo, hi]: [number, number]) => {
    const span = hi - lo;
    return (x: number) =>
      /^(share|percentage points)/.test(d.unit.en)
        ? formatPercent(x, lang, span < 0.05 ? 1 : 0)
        : formatNumber(x, lang, span >= 100 ? 0 : span >= 5 ? 1 : 2);
  };
  return {
    id: `two-way-${tw.path}`,
    title: t('whereThePathIs', lang, path),
    description: t(
      'acrossTheUpThe',
      lang,
      lowerFirst(pick(first.label, lang)),
      pick(first.unit, lang),
      lowerFirst(pick(second.label, lang)),
      pick(second.unit, lang),
      lowerFirst(path),
      formatNumber(tw.runs, lang),
    ),
    options: (width) => ({
      width,
      height: Math.min(340, Math.max(220, width * 0.6)),
      marginLeft: 48,
      marginRight: 28,
      marginBottom: 40,
      x: {
        label: `${pick(first.unit, lang)} (${t('across', lang)})`,
        labelAnchor: 'center',
        labelArrow: 'none',
        tickFormat: tick(first, tw.ranges[0]),
        ticks: Math.max(2, Math.min(6, Math.floor((width - 64) / 70))),
      },
      y: {
        label: `${pick(second.unit, lang)} (${t('up', lang)})`,
        tickFormat: tick(second, tw.ranges[1]),
        ticks: 5,
      },
      color: {
        type: 'diverging',
        scheme: 'PuOr',
        domain: [0, 1],
        pivot: 0.5,
        legend: true,
        width: Math.min(280, width - 16),
        marginLeft: 20,
        marginRight: 24,
        ticks: 3,
        label: t('shareOfRunsCheaper', lang),
        tickFormat: (d: number) => formatPercent(d, lang),
      },
      marks: [
        Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'p', inset: 0 }),
        Plot.line(frontier, { x: 'x', y: 'y', stroke: '#000', strokeWidth: 2.5 }),
        Plot.rect([0], {
          x1: px[0],
          x2: px[1],
          y1: py[0],
          y2: py[1],
          fill: 'none',
          stroke: '#000',
          strokeDasharray: '4,3',
          strokeWidth: 1.5,
        }),
        Plot.frame({ stroke: '#ccc' }),
      ],
    }),
    table: {
      columns: [
        pick(first.label, lang),
        pick(second.label, lang),
        t('shareOfRunsCheaperColumn', lang),
        t('medianNetEffectMsek', lang),
      ],
      rows: cells.map((c) => [
        inputValue(first, c.x, lang),
        inputValue(second, c.y, lang),
        formatPercent(c.p, lang),
        formatNumber(c.m / 1e6, lang, 1),
      ]),
    },
  };
}
