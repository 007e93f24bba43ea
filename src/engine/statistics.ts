/**
 * The statistics a results file reports, each a pure function of per-run samples: `describe` (mean,
 * spread and percentiles), `isCheaper` (what "cheaper than status quo" means) and `breakEven` (the year
 * a path's cumulative cost falls below status quo's for good).
 */
import { mean, quantileSorted, quickselect, sampleStandardDeviation } from 'simple-statistics';
import type { BreakEven, Stats } from './results.js';

const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];

/**
 * Rearrange `a` so that a[k] is the k-th smallest value for each k of the ascending `positions[lo…hi]`,
 * all within [left, right]: the middle position by simple-statistics' `quickselect` (Floyd–Rivest),
 * then the positions below it within the part before it and those above within the part after it.
 */
function placeOrderStatistics(
  a: Float64Array,
  positions: number[],
  lo: number,
  hi: number,
  left: number,
  right: number,
): void {
  // a single element is in place (and quickselect would read a right bound of 0 as "the whole array")
  if (lo > hi || left >= right) return;
  const mid = (lo + hi) >> 1;
  const k = positions[mid];
  quickselect(a as unknown as number[], k, left, right);
  let below = mid - 1;
  while (below >= lo && positions[below] === k) below--;
  let above = mid + 1;
  while (above <= hi && positions[above] === k) above++;
  placeOrderStatistics(a, positions, lo, below, left, k - 1);
  placeOrderStatistics(a, positions, above, hi, k + 1, right);
}

/** Reused for sorting: a summary describes ~1 000 samples, and allocating each copy is slow in browsers. */
let scratch = new Float64Array(0);

/**
 * Mean, standard deviation, standard error of the mean and percentiles of a sample.
 * Percentiles: simple-statistics' `quantileSorted` (linear interpolation between order statistics)
 * reading a copy in which only the order statistics it reads are in place (see `placeOrderStatistics`).
 * O(n log 14), and no allocation (a reused buffer), which matters in browsers.
 */
export function describe(values: Float64Array): Stats {
  const n = values.length;
  const list = values as unknown as number[];
  const sd = n > 1 ? sampleStandardDeviation(list) : 0;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const sorted = scratch.subarray(0, n);
  sorted.set(values);
  const positions: number[] = [];
  for (const p of PERCENTILES) positions.push(Math.floor((n - 1) * p), Math.ceil((n - 1) * p));
  placeOrderStatistics(sorted, positions, 0, positions.length - 1, 0, n - 1);
  const [p5, p10, p25, p50, p75, p90, p95] = PERCENTILES.map((p) => quantileSorted(sorted as unknown as number[], p));
  return { mean: mean(list), sd, se: sd / Math.sqrt(n), p5, p10, p25, p50, p75, p90, p95 };
}

/**
 * "Cheaper" means cheaper by more than rounding: a difference against status quo below
 * −CHEAPER_TOLERANCE × status quo's cost over the same span (docs/model.md §9). A path equal to status
 * quo is never cheaper, whatever order its sums were taken in.
 */
export const CHEAPER_TOLERANCE = 1e-9;

/** Whether a difference against status quo means cheaper, given status quo's cost over the same span. */
export function isCheaper(difference: number, statusQuoCost: number): boolean {
  return difference < -CHEAPER_TOLERANCE * Math.abs(statusQuoCost);
}

/**
 * Break-even year of each run: the first year from which the cumulative difference against status quo
 * stays cheaper (isCheaper) to the end of the horizon. Runs without one count as "after the horizon".
 * `cumulativeByYear[t][r]` is run r's cumulative difference (path − status quo) up to year t,
 * `sqCumulativeByYear[t][r]` status quo's own cumulative cost. Percentiles are order statistics
 * (no interpolation), null where they fall after the horizon. O(n·T + n log n).
 */
export function breakEven(
  cumulativeByYear: Float64Array[],
  sqCumulativeByYear: Float64Array[],
  years: number[],
): BreakEven {
  const T = years.length;
  const n = cumulativeByYear[0].length;
  const byYear = new Array<number>(T).fill(0);
  const found: number[] = [];
  for (let r = 0; r < n; r++) {
    let first = -1;
    for (let t = T - 1; t >= 0; t--) {
      if (isCheaper(cumulativeByYear[t][r], sqCumulativeByYear[t][r])) first = t;
      else break;
    }
    if (first >= 0) {
      byYear[first] += 1 / n;
      found.push(years[first]);
    }
  }
  // runs without break-even sort after every year of the horizon
  const all = Float64Array.from({ length: n }, (_, k) =>
    k < found.length ? found[k] : Number.POSITIVE_INFINITY,
  ).sort();
  const pick = (q: number) => {
    const v = all[Math.min(n - 1, Math.floor(q * n))];
    return Number.isFinite(v) ? v : null;
  };
  return { probWithinHorizon: found.length / n, median: pick(0.5), p10: pick(0.1), p90: pick(0.9), byYear };
}
