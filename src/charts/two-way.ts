import * as Plot from '@observablehq/plot';
import { assumptionDef, type TwoWay, twoWayFrontier, twoWayThresholdAt } from '../engine/index.js';
import { formatNumber, formatPercent, type Lang, PATH_LABEL, pick } from '../i18n.js';
import { inputValue, lowerFirst } from './decision-words.js';
import type { ChartSpec } from './spec.js';

/**
 * The two-way view of the Beslut tab (issue #18 item 1): where a path pays off over its two decisive
 * inputs at once, both pinned on a grid (src/engine/thresholds.ts `findTwoWays`). Pure: every figure is
 * a field of the TwoWay or a function of it from the engine.
 */

/** "Med <andra> på sin lägsta nivå i scenariot (a) krävs <första> ≥ x; på sin högsta (b) krävs ≥ y." */
export function twoWaySentence(tw: TwoWay, lang: Lang): string {
  const sv = lang === 'sv';
  const [first, second] = tw.inputs.map(assumptionDef);
  const path = pick(PATH_LABEL[tw.path], lang);
  const name = (d: typeof first) => lowerFirst(pick(d.label, lang));
  const at = (y: number) => {
    const x = twoWayThresholdAt(tw, y);
    return x === null
      ? sv
        ? `finns ingen brytpunkt för ${name(first)} inom ${inputValue(first, tw.ranges[0][0], lang)}–${inputValue(first, tw.ranges[0][1], lang)}`
        : `there is no threshold for the ${name(first)} within ${inputValue(first, tw.ranges[0][0], lang)}–${inputValue(first, tw.ranges[0][1], lang)}`
      : sv
        ? `går ${lowerFirst(path)} jämnt ut vid ${name(first)} ${inputValue(first, x, lang)}`
        : `${lowerFirst(path)} breaks even at a ${name(first)} of ${inputValue(first, x, lang)}`;
  };
  const [low, high] = tw.priorRanges[1];
  return sv
    ? `Med ${name(second)} på scenariots lägsta värde (${inputValue(second, low, lang)}) ${at(low)}; på det högsta (${inputValue(second, high, lang)}) ${at(high)} (medianer, båda antagandena låsta).`
    : `With the ${name(second)} at the scenario's lowest value (${inputValue(second, low, lang)}), ${at(low)}; at the highest (${inputValue(second, high, lang)}), ${at(high)} (medians, both inputs pinned).`;
}

/** A region plot: share of runs cheaper on the grid, the boundary where the median is zero, the assumed box. */
export function twoWayChart(tw: TwoWay, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
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
    title: sv
      ? `${path}: var vägvalet blir billigare, två antaganden samtidigt`
      : `${path}: where the path is cheaper, two inputs at once`,
    description: sv
      ? `Vågrätt: ${lowerFirst(pick(first.label, lang))} (${pick(first.unit, lang)}). Lodrätt: ${lowerFirst(pick(second.label, lang))} (${pick(second.unit, lang)}). Färg: andel körningar där ${lowerFirst(path)} blir billigare än status quo, med båda antagandena låsta i rutans mitt (${formatNumber(tw.runs, lang)} körningar per ruta). Svart linje: där medianen av nettoeffekten är noll. Streckad ruta: scenariots antaganden, lågt till högt.`
      : `Across: the ${lowerFirst(pick(first.label, lang))} (${pick(first.unit, lang)}). Up: the ${lowerFirst(pick(second.label, lang))} (${pick(second.unit, lang)}). Colour: share of runs in which ${lowerFirst(path)} is cheaper than status quo, both inputs pinned at the cell's centre (${formatNumber(tw.runs, lang)} runs per cell). Black line: where the median net effect is zero. Dashed box: the scenario's assumptions, low to high.`,
    options: (width) => ({
      width,
      height: Math.min(340, Math.max(220, width * 0.6)),
      marginLeft: 48,
      marginRight: 28,
      marginBottom: 40,
      x: {
        label: `${pick(first.unit, lang)} (${sv ? 'vågrätt' : 'across'})`,
        labelAnchor: 'center',
        labelArrow: 'none',
        tickFormat: tick(first, tw.ranges[0]),
        ticks: Math.max(2, Math.min(6, Math.floor((width - 64) / 70))),
      },
      y: {
        label: `${pick(second.unit, lang)} (${sv ? 'lodrätt' : 'up'})`,
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
        label: sv ? 'andel körningar billigare' : 'share of runs cheaper',
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
      columns: sv
        ? [pick(first.label, lang), pick(second.label, lang), 'Andel körningar billigare', 'Median nettoeffekt (mnkr)']
        : [pick(first.label, lang), pick(second.label, lang), 'Share of runs cheaper', 'Median net effect (SEK m)'],
      rows: cells.map((c) => [
        inputValue(first, c.x, lang),
        inputValue(second, c.y, lang),
        formatPercent(c.p, lang),
        formatNumber(c.m / 1e6, lang, 1),
      ]),
    },
  };
}
