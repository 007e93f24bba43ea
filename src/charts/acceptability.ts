/**
 * The Beslut (decision) tab, part 3, the probability of being the best choice: which option is most often
 * best by cost alone and at a development year's value beyond its wage, and the acceptability curve.
 * Pure: every figure in a sentence or a chart is one field of the run's analyses (src/engine/decision.ts,
 * src/engine/thresholds.ts), formatted, so a test can trace it back.
 */
import * as Plot from '@observablehq/plot';
import { type DecisionAnalysis, PATH_IDS, type PathId } from '../engine/index.js';
import { formatNumber, type Lang } from '../i18n.js';
import { formatPercent, inline, pathLabel } from './decision-words.js';
import { ems, pathLines } from './layout.js';
import { shareFrame, shareInner } from './share-frame.js';
import type { ChartSpec } from './spec.js';

/** The options of the acceptability curve (status quo included) in the fixed order. */
export const acceptabilityOptions = (decision: DecisionAnalysis): PathId[] =>
  PATH_IDS.filter((p) => decision.acceptability.best[p]);

/** Which option is most often best at the first λ (cost alone) and at the λ nearest the wage cost. */
export function acceptabilitySentence(decision: DecisionAnalysis, lang: Lang): string {
  const sv = lang === 'sv';
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
  return sv
    ? `Räknat på kostnaden enbart är ${inline(a.p, lang)} oftast bäst (i ${a.share} av körningarna). Är en utvecklingsårsarbetare värd ${at} utöver lönen är ${inline(b.p, lang)} oftast bäst (${b.share}).`
    : `Counting cost alone, ${inline(a.p, lang)} is most often best (in ${a.share} of the runs). If a development FTE-year is worth ${at} beyond its wage, ${inline(b.p, lang)} is most often best (${b.share}).`;
}

export function acceptabilityChart(decision: DecisionAnalysis, lang: Lang): ChartSpec {
  const sv = lang === 'sv';
  const options = acceptabilityOptions(decision);
  const { lambdas, best } = decision.acceptability;
  const rows = options.flatMap((p) => lambdas.map((l, i) => ({ path: p, lambda: l / 1000, share: best[p]?.[i] ?? 0 })));
  const wage = decision.wageCost / 1000;
  const span = (lambdas[lambdas.length - 1] - lambdas[0]) / 1000;
  const wageLabel = sv ? 'värt en lön till' : 'worth one wage more';
  return {
    id: 'acceptability',
    title: sv ? 'Sannolikhet att vara bästa valet' : 'Probability of being the best choice',
    description: sv
      ? `Andel av körningarna där varje alternativ ger mest, beroende på vad en utvecklingsårsarbetare är värd för er utöver lönekostnaden. Vid 0 kr jämförs bara kostnaden. Ett positivt värde betyder att ett utvecklingsår är värt mer för er än det kostar (pengarna i sig är redan räknade i kostnaden). Streckad lodrät linje: ett värde lika stort som lönekostnaden per årsarbetare, ${formatNumber(decision.wageCost, lang)} kr (utvecklingsåret värt dubbelt så mycket som det kostar).`
      : `Share of the runs in which each option yields most, depending on what a development FTE-year is worth to you beyond its wage cost. At SEK 0 only cost is compared. A positive value means a development year is worth more to you than it costs (the money itself is already counted in the cost). Dashed vertical line: a value equal to the wage cost per FTE, SEK ${formatNumber(decision.wageCost, lang)} (a development year worth twice what it costs).`,
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
            label:
              inner >= 520
                ? sv
                  ? 'värde av en utvecklingsårsarbetare utöver lönekostnaden (tusen kr)'
                  : 'value of a development FTE-year beyond its wage cost (SEK thousand)'
                : sv
                  ? 'värde utöver lönen (tusen kr)'
                  : 'value beyond wage (SEK thousand)',
            tickFormat: (d: number) => formatNumber(d, lang, 0),
          },
          sv ? 'andel körningar där alternativet är bäst' : 'share of runs in which the option is best',
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
      columns: [
        sv ? 'Värde utöver lönekostnaden (kr)' : 'Value beyond wage cost (SEK)',
        ...options.map((p) => pathLabel(p, lang)),
      ],
      rows: lambdas.map((l, i) => [
        formatNumber(l, lang),
        ...options.map((p) => formatPercent(best[p]?.[i] ?? 0, lang)),
      ]),
    },
  };
}
