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
import { formatAssumptionSpread, formatNumber, type Lang, pick, t as tr } from '../i18n.js';
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
  const def = assumptionDef(t.input);
  const name = pathLabel(t.path, lang);
  const what = lowerFirst(pick(def.label, lang));
  const v = (x: number) => inputValue(def, x, lang);
  const between = tr('betweenAnd', lang, v(t.range[0]), v(t.range[1]));
  let claim: string;
  if (t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below')) {
    const bound = tr(t.cheaperWhen === 'above' ? 'atLeast' : 'atMost', lang);
    const spread = t.se === null ? '' : ` (${keepTogether(formatAssumptionSpread(def, t.se, lang))})`;
    claim = tr('becomesCheaperThanStatus', lang, name, what, bound, v(t.value), spread);
  } else if (t.cheaperWhen === 'always') {
    claim = tr('isCheaperThanStatus', lang, name, what, between);
  } else {
    claim = tr('doesNotBecomeCheaper', lang, name, what, between);
  }
  const pct = formatPercent(t.priorShareCheaper, lang);
  const decided = t.value !== null && (t.cheaperWhen === 'above' || t.cheaperWhen === 'below');
  const share = decided ? tr('ofTheScenarioS', lang, pct) : null;
  const check =
    t.check === null
      ? null
      : tr(
          'theIsTheSearch',
          lang,
          formatNumber(analysis.runs, lang),
          t.check < 0 ? '−' : '',
          formatMsek(Math.abs(t.check), lang, 1),
          formatPercent(Math.abs(t.check) / analysis.statusQuoNpv, lang, 2),
        );
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
    range: tr('theScenarioAssumes', lang, range),
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
  return planePaths(decision)
    .filter((p) => (decision.plane[p] as PlanePath).requiredYearlySaving > 0)
    .map((p) => {
      const d = decision.plane[p] as PlanePath;
      const amount = formatMsek(d.requiredYearlySaving, lang, 0);
      const share = formatPercent(d.requiredSavingShare, lang, 1);
      return {
        path: p,
        text: tr('wouldNeedToSave', lang, pathLabel(p, lang), amount, share),
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
  const priorLabel = tr('scenarioSAssumption', lang);
  const name = pick(def.label, lang);
  const pathNames = paths.map((p) => pathLabel(p, lang)).join(', ');
  return {
    id: `threshold-${input}`,
    title: tr('thresholdChartTitle', lang),
    description: tr('eachPointIsA', lang, name, pathNames, formatNumber(runs, lang)),
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
          tr('shareOfRunsCheaper', lang),
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
      columns: [
        tr('path', lang),
        tr('point', lang),
        pick(def.label, lang),
        tr('shareOfRunsCheaperColumn', lang),
        tr('medianNetEffectMsek', lang),
      ],
      rows: [
        ['–', tr('scenarioSAssumptionLow', lang), `${v(prior[0])}–${v(prior[1])}`, '', ''],
        ...items.flatMap((t) => [
          ...t.curve.map((c) => [
            pathLabel(t.path, lang),
            tr('reRun', lang),
            v(c.value),
            formatPercent(c.probCheaper, lang),
            formatNumber(c.medianNpv / 1e6, lang, 1),
          ]),
          ...(t.value === null
            ? []
            : [
                [
                  pathLabel(t.path, lang),
                  tr('threshold', lang),
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
