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
 * Ranks of a sample (1 = smallest), ties given their average rank. O(n log n): one native sort of a
 * copy, then each value's first and last position among equals by binary search.
 * See https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking).
 */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // first index with sorted[k] >= v, and first with sorted[k] > v
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = n;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (sorted[mid] <= v) end = mid + 1;
      else hi = mid;
    }
    out[i] = (lo + end - 1) / 2 + 1;
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
