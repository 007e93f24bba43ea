/** The decision-analysis figure block (docs/model.md §13), as `npm run simulate` prints it. */
import {
  ASSUMPTIONS,
  type AssumptionId,
  analyseDecision,
  decisiveInputs,
  findThresholds,
  PATH_IDS,
  twoWayThresholdAt,
} from '../../engine/index.js';
import { num, table } from './format.js';
import { caption, pathLabel, type Run } from './scenario-run.js';

/** Re-runs per point of the threshold search quoted in the document (as the CLI's default). */
const DOC_THRESHOLD_RUNS = 200;

/** The decision analysis of a run (docs/model.md §13), as `npm run simulate` prints it. */
export function decisionBlock(file: string, run: Run): string {
  const { model, results, accumulator } = run;
  const decision = analyseDecision(accumulator);
  const thresholds = findThresholds(model, decisiveInputs(results), DOC_THRESHOLD_RUNS);
  const pct = (x: number) => `${num(x * 100, 0)} %`;
  const value = (id: AssumptionId, x: number) => {
    const unit = ASSUMPTIONS.find((a) => a.id === id)?.unit.en ?? '';
    return unit.startsWith('share') ? `${num(x * 100, 1)} %` : num(x, 2);
  };
  const thresholdRows = thresholds.thresholds.map((t) => [
    pathLabel(model, t.path),
    `\`${t.input}\``,
    t.value === null
      ? `${t.cheaperWhen} in ${value(t.input, t.range[0])} – ${value(t.input, t.range[1])}`
      : `${t.cheaperWhen === 'above' ? '≥' : '≤'} ${value(t.input, t.value)}${
          t.se === null
            ? ''
            : ` ± ${ASSUMPTIONS.find((a) => a.id === t.input)?.unit.en.startsWith('share') ? `${num(t.se * 100, 1)} pp` : num(t.se, 2)}`
        }`,
    `${value(t.input, t.priorRange[0])} – ${value(t.input, t.priorRange[1])}`,
    pct(t.priorShareCheaper),
    pct(results.paths[t.path].probCheaper ?? 0),
    t.check === null
      ? '–'
      : `${num(t.check / 1e6, 1)} MSEK (${num((100 * Math.abs(t.check)) / thresholds.statusQuoNpv, 2)} %)`,
  ]);
  const planeRows = PATH_IDS.flatMap((id) => {
    const p = decision.plane[id];
    if (!p) return [];
    const q = p.quadrants;
    return [
      [
        pathLabel(model, id),
        `${pct(q.cheaperMore)} / ${pct(q.cheaperSame)} / ${pct(q.cheaperLess)} / ${pct(q.dearerMore)} / ${pct(q.dearerSame)} / ${pct(q.dearerLess)}`,
        p.correlation === null ? '–' : num(p.correlation, 2),
        num(p.capacityPerYear, 1),
        `${num(p.requiredYearlySaving / 1e6, 1)} (${num(p.requiredSavingShare * 100, 1)} %)`,
      ],
    ];
  });
  const { lambdas, best } = decision.acceptability;
  const atWage = lambdas.findIndex((l) => l >= decision.wageCost - 1e-6);
  const bestAt = (i: number) =>
    PATH_IDS.filter((p) => best[p])
      .map((p) => `${pathLabel(model, p)} ${pct(best[p]?.[i] ?? 0)}`)
      .join(', ');
  const evppi = decision.evppi
    .slice(0, 3)
    .map((e) => `\`${e.input}\` ${num(e.value / 1e6, 1)}${e.se === null ? '' : ` ± ${num(e.se / 1e6, 1)}`} MSEK`)
    .join('; ');
  return [
    `${caption(run)} Thresholds: ${thresholds.runs} re-runs per point (runs 0 … ${thresholds.runs - 1}, one input pinned).`,
    '',
    table(
      [
        'path',
        'input',
        'cheaper in the median when',
        'assumed range',
        'share of the assumption on that side',
        'P(cheaper)',
        'check at the threshold',
      ],
      thresholdRows,
    ),
    '',
    table(
      [
        'path',
        'cheaper & more / same / less capacity; dearer & more / same / less',
        'correlation ΔC, ΔE',
        'dev. capacity vs SQ (FTE per year)',
        'yearly saving needed, MSEK (% of SQ)',
      ],
      planeRows,
    ),
    '',
    `Best option at λ = 0 (cost alone): ${bestAt(0)}. At λ = ${num(lambdas[atWage] / 1000, 0)} kSEK per FTE-year beyond the wage (a development year worth twice its wage cost): ${bestAt(atWage)}.`,
    '',
    `EVPPI (λ = 0): ${evppi}; EVPI ${num(decision.evpi / 1e6, 1)} MSEK.`,
    ...thresholds.twoWay.flatMap((tw) => {
      const [a, b] = tw.inputs;
      const at = (y: number) => {
        const x = twoWayThresholdAt(tw, y);
        return `\`${b}\` = ${value(b, y)}: ${x === null ? 'no threshold' : `\`${a}\` ≥ ${value(a, x)}`}`;
      };
      return [
        '',
        `Two-way, ${pathLabel(model, tw.path)} (${tw.runs} runs per point, both pinned): ${at(tw.priorRanges[1][0])}; ${at(tw.priorRanges[1][1])}.`,
      ];
    }),
    '',
    `Reproduce: \`npm run simulate -- ${file} --runs ${results.runsDone}\``,
  ].join('\n');
}
