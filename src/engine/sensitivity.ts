import { sampleCorrelation } from 'simple-statistics';
import type { AssumptionId } from './assumptions.js';

/** How strongly one uncertain input drives an output across the runs. */
export interface Driver {
  input: AssumptionId;
  /** Spearman rank correlation between the input's draws and the output, in [−1, 1]. */
  rankCorrelation: number;
  /** Share of the output's rank variance this input explains alone (ρ², normalised over all inputs). */
  share: number;
}

/**
 * Ranks of a sample (1 = smallest), ties given their average rank. O(n log n).
 * See https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking).
 */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]] = rank;
    i = j + 1;
  }
  return out;
}

/**
 * Rank the uncertain inputs by how much of an output's spread each explains: Spearman's rank correlation
 * (Pearson correlation of the ranks, simple-statistics `sampleCorrelation`), computed from the same runs.
 * Inputs that did not vary (fixed) or an output that did not vary give no driver. Sorted by |ρ|.
 * Cost: O(k · n) given the ranks.
 *
 * @example rankDrivers(new Map([['wageGrowth', ranks(draws)]]), outputs) // [{ input: 'wageGrowth', … }]
 */
export function rankDrivers(inputRanks: Map<AssumptionId, Float64Array>, output: Float64Array): Driver[] {
  if (output.length < 3) return [];
  const outputRanks = ranks(output);
  if (outputRanks.every((r) => r === outputRanks[0])) return [];
  const found: { input: AssumptionId; rankCorrelation: number }[] = [];
  for (const [input, r] of inputRanks) {
    const rho = sampleCorrelation(r as unknown as number[], outputRanks as unknown as number[]);
    if (Number.isFinite(rho)) found.push({ input, rankCorrelation: rho });
  }
  const total = found.reduce((s, d) => s + d.rankCorrelation ** 2, 0) || 1;
  return found
    .map((d) => ({ ...d, share: d.rankCorrelation ** 2 / total }))
    .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation));
}
