/**
 * The Beslut (decision) tab, part 3, the probability of being the best choice: which option is most often
 * best by cost alone and at a development year's value beyond its wage, and the acceptability curve.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import { type DecisionAnalysis, PATH_IDS, type PathId } from '../engine/index.js';
import { formatNumber, type Lang, t } from '../i18n.js';
import { formatPercent, inline, pathLabel } from './decision-words.js';
import { ems, pathLines } from './layout.js';
import { shareFrame, shareInner } from './share-frame.js';
import type { ChartSpec } from './spec.js';

/** The options of the acceptability curve (status quo included) in the fixed order. */
export const acceptabilityOptions = (decision: DecisionAnalysis): PathId[] =>
  PATH_IDS.filter((p) => decision.acceptability.best[p]);

/** Which option is most often best at the first λ (cost alone) and at the λ nearest the wage cost. */
export function acceptabilitySentence(decision: DecisionAnalysis, lang: Lang): string {
  const { lambdas, best } = decision.acceptability;
  const options = acceptabilityOptions(decision);
  const top = (i: number) => {
    const p = options.reduce((a, b) => ((best[b]?.[i] ?? 0) > (best[a]?.[i] ?? 0) ? b : a));
    return { p, share: formatPercent(best[p]?.[i] ?? 0, lang) };
  };
  let k = 0;
  for (let i = 1; i < lambdas.length; i++)
    if (Math.abs(lambdas[i] - decision.wageCost) < Math.abs(lambdas[k] - decision.wageCost)) k = i;
  const a = top(0);
  const b = top(k);
  const at = `${formatNumber(lambdas[k], lang)} kr`;
  return t('countingCostAloneIs', lang, inline(a.p, lang), a.share, at, inline(b.p, lang), b.share);
}

export function acceptabilityChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const options = acceptabilityOptions(decision);
  const { lambdas, best } = decision.acceptability;
  const rows = options.flatMap((p) => lambdas.map((l, i) => ({ path: p, lambda: l / 1000, share: best[p]?.[i] ?? 0 })));
  const wage = decision.wageCost / 1000;
  const span = (lambdas[lambdas.length - 1] - lambdas[0]) / 1000;
  const wageLabel = t('worthOneWageMore', lang);
  return {
    id: 'acceptability',
    title: t('probabilityOfBeingThe', lang),
    description: t('shareOfTheRuns', lang, formatNumber(decision.wageCost, lang)),
    options: (width) => {
      const inner = shareInner(width);
      return {
        width,
        height: 300,
        ...shareFrame(
          width,
          lang,
          {
            domain: [lambdas[0] / 1000, lambdas[lambdas.length - 1] / 1000],
            // an axis label does not wrap: a shorter one on a narrow screen
            label: inner >= 520 ? t('valueOfADevelopment', lang) : t('valueBeyondWageSek', lang),
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          t('shareOfRunsIn', lang),
          options,
          true,
        ),
        marks: [
          Plot.ruleX([wage], { stroke: '#333', strokeDasharray: '4,3' }),
          // inside the frame right of its line, where the curves have mostly settled at the top or bottom
          Plot.text([wageLabel], {
            x: wage,
            y: 0.62,
            dx: 5,
            textAnchor: 'start',
            fill: '#222',
            stroke: '#fff',
            strokeWidth: 3,
            lineWidth: ems(inner * (1 - (wage - lambdas[0] / 1000) / (span || 1)) - 14),
          }),
          ...pathLines(rows, options, 'lambda', 'share'),
          Plot.frame({ stroke: '#ccc' }),
        ],
      };
    },
    table: {
      columns: [t('valueBeyondWageCost', lang), ...options.map((p) => pathLabel(p, lang))],
      rows: lambdas.map((l, i) => [
        formatNumber(l, lang),
        ...options.map((p) => formatPercent(best[p]?.[i] ?? 0, lang)),
      ]),
    },
  };
}
