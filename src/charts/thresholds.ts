/**
 * The Beslut (decision) tab, part 1, what would have to be true: each path's thresholds in words, the
 * scenario's assumption for each input, the further saving a path needs, and one chart per input of the share
 * of runs cheaper over its searched range.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import {
  type AssumptionId,
  assumptionDef,
  type DecisionAnalysis,
  PATH_IDS,
  type PathId,
  type PlanePath,
  type Scenario,
  type Threshold,
  type ThresholdAnalysis,
} from '../engine/index.js';
import { formatAssumptionSpread, formatNumber, type Lang, pick } from '../i18n.js';
import { planePaths } from './cost-capacity.js';
import {
  formatMsek,
  formatPercent,
  inputValue,
  isShare,
  keepTogether,
  lowerFirst,
  pathLabel,
} from './decision-words.js';
import { ems, pathLines } from './layout.js';
import { shareFrame, shareInner } from './share-frame.js';
import type { ChartSpec } from './spec.js';

/** One threshold in words: the claim, how much of the scenario's assumption lies on the paying side, the error. */
export interface ThresholdText {
  path: PathId;
  input: AssumptionId;
  claim: string;
  /** "0 % av scenariots antagande ligger på den sidan." (null for 'always' / 'never'). */
  share: string | null;
  check: string | null;
}

/** The scenario's own assumption for an input (its low–high and source): an override or the default. */
const assumptionOf = (scenario: Scenario, id: AssumptionId) => scenario.assumptions?.[id] ?? assumptionDef(id).default;

/** Thresholds grouped per path in the fixed path order, each path's in the order found. */
export function orderedThresholds(analysis: ThresholdAnalysis): Threshold[] {
  return PATH_IDS.flatMap((p) => analysis.thresholds.filter((t) => t.path === p));
}

export function thresholdText(t: Threshold, analysis: ThresholdAnalysis, lang: Lang): ThresholdText {
  const sv = lang === 'sv';
  const def = assumptionDef(t.input);
  const name = pathLabel(t.path, lang);
  const what = lowerFirst(pick(def.label, lang));
  const v = (x: number) => inputValue(def, x, lang);
  const between = sv ? `mellan ${v(t.range[0])} och ${v(t.range[1])}` : `between ${v(t.range[0])} and ${v(t.range[1])}`;
  let claim: string;
  if (t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below')) {
    const bound = sv
      ? t.cheaperWhen === 'above'
        ? 'minst'
        : 'högst'
      : t.cheaperWhen === 'above'
        ? 'at least'
        : 'at most';
    const spread = t.se === null ? '' : ` (${keepTogether(formatAssumptionSpread(def, t.se, lang))})`;
    claim = sv
      ? `${name} blir billigare än status quo i medianen om ${what} är ${bound} ${v(t.value)}${spread}.`
      : `${name} becomes cheaper than status quo in the median if ${what} is ${bound} ${v(t.value)}${spread}.`;
  } else if (t.cheaperWhen === 'always') {
    claim = sv
      ? `${name} är billigare än status quo i medianen för varje värde av ${what} ${between}.`
      : `${name} is cheaper than status quo in the median for every value of ${what} ${between}.`;
  } else {
    claim = sv
      ? `${name} blir inte billigare än status quo i medianen för något värde av ${what} ${between}.`
      : `${name} does not become cheaper than status quo in the median for any value of ${what} ${between}.`;
  }
  const pct = formatPercent(t.priorShareCheaper, lang);
  const decided = t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below');
  const share = decided
    ? sv
      ? `${pct} av scenariots antagande ligger på den sidan.`
      : `${pct} of the scenario’s assumption lies on that side.`
    : null;
  const check =
    t.check === null
      ? null
      : sv
        ? `Osäkerheten (±) är sökningens standardfel. Kontroll på ${formatNumber(analysis.runs, lang)} andra körningar med antagandet låst vid brytpunkten: medianen blir ${t.check < 0 ? '−' : ''}${formatMsek(Math.abs(t.check), lang, 1)} (${formatPercent(Math.abs(t.check) / analysis.statusQuoNpv, lang, 2)} av status quos kostnad).`
        : `The ± is the search's standard error. Check on ${formatNumber(analysis.runs, lang)} other runs with the input pinned at the threshold: the median is ${t.check < 0 ? '−' : ''}${formatMsek(Math.abs(t.check), lang, 1)} (${formatPercent(Math.abs(t.check) / analysis.statusQuoNpv, lang, 2)} of status quo’s cost).`;
  return { path: t.path, input: t.input, claim, share, check };
}

/** An input's range in the scenario and its source, said once for all the paths whose threshold it has. */
export function priorText(
  input: AssumptionId,
  analysis: ThresholdAnalysis,
  scenario: Scenario,
  lang: Lang,
): { range: string; source: string } {
  const def = assumptionDef(input);
  const t = analysis.thresholds.find((x) => x.input === input) as Threshold;
  const range = `${inputValue(def, t.priorRange[0], lang)}–${inputValue(def, t.priorRange[1], lang)}`;
  return {
    range: lang === 'sv' ? `Antagandet i scenariot: ${range}.` : `The scenario assumes ${range}.`,
    // the source of the searched run's scenario; the working scenario's where the engine gives none
    source: t.source || assumptionOf(scenario, input).source,
  };
}

/** The inputs that have thresholds, in the order of their first path. */
export const thresholdInputs = (analysis: ThresholdAnalysis): AssumptionId[] => [
  ...new Set(orderedThresholds(analysis).map((t) => t.input)),
];

/** "Samverkan behöver spara ytterligare 33 mnkr per år …", for each path that does not break even in the median. */
export function savingSentences(decision: DecisionAnalysis, lang: Lang): { path: PathId; text: string }[] {
  const sv = lang === 'sv';
  return planePaths(decision)
    .filter((p) => (decision.plane[p] as PlanePath).requiredYearlySaving > 0)
    .map((p) => {
      const d = decision.plane[p] as PlanePath;
      const amount = formatMsek(d.requiredYearlySaving, lang, 0);
      const share = formatPercent(d.requiredSavingShare, lang, 1);
      return {
        path: p,
        text: sv
          ? `${pathLabel(p, lang)} behöver spara ytterligare ${amount} per år (${share} av status quos kostnad) för att gå jämnt ut i medianen.`
          : `${pathLabel(p, lang)} would need to save a further ${amount} a year (${share} of status quo’s cost) to break even in the median.`,
      };
    });
}

/** One chart per input that has thresholds: share of runs cheaper over the searched range, per path. */
export function thresholdCharts(analysis: ThresholdAnalysis, lang: Lang): ChartSpec[] {
  return thresholdInputs(analysis).map((input) =>
    thresholdChart(
      input,
      orderedThresholds(analysis).filter((t) => t.input === input),
      analysis.runs,
      lang,
    ),
  );
}

function thresholdChart(input: AssumptionId, items: Threshold[], runs: number, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const def = assumptionDef(input);
  const paths = items.map((t) => t.path);
  const [lo, hi] = items[0].range;
  const prior = items[0].priorRange;
  const curve = items.flatMap((t) => t.curve.map((c) => ({ path: t.path, ...c })));
  const crossings = items.filter((t) => t.value !== null).map((t) => ({ path: t.path, value: t.value as number }));
  const share = isShare(def);
  const span = hi - lo;
  const tick = (x: number) =>
    share ? formatPercent(x, lang, span < 0.05 ? 1 : 0) : formatNumber(x, lang, span >= 100 ? 0 : span >= 5 ? 1 : 2);
  const v = (x: number) => inputValue(def, x, lang);
  const priorLabel = sv ? 'antagande i scenariot' : 'scenario’s assumption';
  const name = pick(def.label, lang);
  const pathNames = paths.map((p) => pathLabel(p, lang)).join(', ');
  return {
    id: `threshold-${input}`,
    title: sv
      ? 'Andel körningar där vägvalet blir billigare, vid olika värden på antagandet'
      : 'Share of runs in which the path is cheaper, at different values of the input',
    description: sv
      ? `${name}. ${pathNames}. Varje punkt är en omräkning med antagandet låst till det värdet och övriga antaganden dragna som i körningen (${formatNumber(runs, lang)} körningar per punkt). Lodrät linje och romb: brytpunkten, där medianen av nettoeffekten är noll (räknad körning för körning, så den kan ligga en bit från de raka linjerna mellan punkterna). Skuggat: scenariots antagande, lågt till högt.`
      : `${name}. ${pathNames}. Each point is a re-run with the input pinned at that value and the other inputs drawn as in the run (${formatNumber(runs, lang)} runs per point). Vertical line and diamond: the threshold, where the median net effect is zero (found run by run, so it may lie a little off the straight lines between the points). Shaded: the scenario’s assumption, low to high.`,
    options: (width) => {
      // the label of the shaded range runs inwards from its nearer edge, so it is never cut off
      const leftHalf = (prior[0] + prior[1]) / 2 <= (lo + hi) / 2;
      const inner = shareInner(width);
      return {
        width,
        height: 260,
        ...shareFrame(
          width,
          lang,
          { domain: [lo, hi], label: pick(def.unit, lang), tickFormat: tick },
          sv ? 'andel körningar billigare' : 'share of runs cheaper',
          paths,
          paths.length > 1,
        ),
        marks: [
          ...(prior[1] > prior[0]
            ? [
                Plot.rect([prior], { x1: (d) => d[0], x2: (d) => d[1], y1: 0, y2: 1, fill: '#d9e2ec' }),
                Plot.text([priorLabel], {
                  x: leftHalf ? prior[0] : prior[1],
                  y: 1,
                  dy: 10,
                  dx: leftHalf ? 4 : -4,
                  textAnchor: leftHalf ? 'start' : 'end',
                  fill: '#222',
                  stroke: '#fff',
                  strokeWidth: 3,
                  lineWidth: ems(inner * 0.9),
                }),
              ]
            : []),
          Plot.ruleY([0.5], { stroke: '#888', strokeDasharray: '3,3' }),
          ...pathLines(curve, paths, 'value', 'probCheaper'),
          Plot.dot(curve, { x: 'value', y: 'probCheaper', fill: 'path', r: 2.5 }),
          Plot.ruleX(crossings, { x: 'value', stroke: 'path', strokeWidth: 1.5 }),
          Plot.dot(crossings, { x: 'value', y: 0.5, fill: 'path', stroke: '#fff', symbol: 'diamond', r: 6 }),
          Plot.frame({ stroke: '#ccc' }),
        ],
      };
    },
    table: {
      columns: sv
        ? ['Vägval', 'Punkt', pick(def.label, lang), 'Andel körningar billigare', 'Median nettoeffekt (mnkr)']
        : ['Path', 'Point', pick(def.label, lang), 'Share of runs cheaper', 'Median net effect (SEK m)'],
      rows: [
        [
          '–',
          sv ? 'antagande i scenariot (lågt–högt)' : 'scenario’s assumption (low–high)',
          `${v(prior[0])}–${v(prior[1])}`,
          '',
          '',
        ],
        ...items.flatMap((t) => [
          ...t.curve.map((c) => [
            pathLabel(t.path, lang),
            sv ? 'omräkning' : 're-run',
            v(c.value),
            formatPercent(c.probCheaper, lang),
            formatNumber(c.medianNpv / 1e6, lang, 1),
          ]),
          ...(t.value === null
            ? []
            : [
                [
                  pathLabel(t.path, lang),
                  sv ? 'brytpunkt' : 'threshold',
                  v(t.value),
                  '',
                  t.check === null ? '0' : formatNumber(t.check / 1e6, lang, 1),
                ],
              ]),
        ]),
      ],
    },
  };
}
