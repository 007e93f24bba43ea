/**
 * When is the answer stable? (issue #20) A run's answer is each path's net effect against status quo —
 * its P10, P50 and P90 — and the probability that the path is cheaper. The answer is **stable** when, for
 * every enabled path, the Monte Carlo error of each of these is within its tolerance at 95 % confidence:
 *
 * - a percentile within ±0.5 % of status quo's cost over the horizon (present value, the net effect's own
 *   scale), by the distribution-free order-statistic interval: the q-quantile of n runs lies between the
 *   order statistics n·q ∓ z·√(n·q·(1 − q)) (Conover, Practical Nonparametric Statistics, §3.2);
 * - the probability within ±1 percentage point, by the Agresti–Coull interval (which does not collapse to
 *   zero width when no run, or every run, is cheaper).
 *
 * Cheap enough to check at every partial result: one sort per path, O(P·n log n). Not a guarantee: each
 * interval holds with 95 % confidence on its own, and the runs must be independent draws (they are: run i
 * depends only on the seed and i).
 *
 * With quasi-random inputs (`sampling: 'rqmc'`) the runs are not independent and these formulas do not
 * hold (they would overstate the error many times over). There the runs are R independently scrambled
 * replicates, interleaved (simulate.ts RQMC_REPLICATES), and each quantity's error is read from the
 * spread of the replicates' own estimates: half-width t_{R−1} · sd / √R (`replicateStability`).
 */

import { quantileSorted } from 'simple-statistics';
import type { Accumulator } from './accumulator.js';
import { npvVsStatusQuo, presentValue } from './npv.js';
import { PATH_IDS, type PathId } from './schema.js';
import { isCheaper } from './statistics.js';

/** A percentile of the net effect is stable within this share of status quo's horizon cost (PV). */
export const QUANTILE_TOLERANCE = 0.005;
/** The probability of being cheaper is stable within this (1 percentage point). */
export const PROBABILITY_TOLERANCE = 0.01;
/** Two-sided 95 % normal quantile. */
export const STABILITY_Z = 1.959964;
/** No answer is called stable before this many runs: early order statistics can agree by accident. */
export const MIN_STABLE_RUNS = 400;
/** The percentiles the answer reports. */
const QUANTILES = [0.1, 0.5, 0.9];

export interface PathStability {
  path: PathId;
  /** The widest half-interval of P10, P50 and P90 of the net effect (SEK, present value). */
  quantileError: number;
  /** QUANTILE_TOLERANCE × status quo's mean horizon cost (present value), SEK. */
  quantileTolerance: number;
  /** Half-width of the 95 % interval of the probability of being cheaper. */
  probabilityError: number;
  stable: boolean;
}

export interface Stability {
  /** Runs the check used. */
  runs: number;
  /** Every enabled path stable, and at least MIN_STABLE_RUNS runs. */
  stable: boolean;
  /**
   * Once every run is in: the first multiple of 100 runs (from MIN_STABLE_RUNS) at which the runs from run 0
   * gave a stable answer, or null when none did (Accumulator.stableAt). Absent from partial summaries.
   */
  stableAt?: number | null;
  paths: PathStability[];
}

/** Half-width of the order-statistic 95 % interval of the q-quantile of `sorted` (ascending). */
export function quantileHalfWidth(sorted: Float64Array, q: number, z = STABILITY_Z): number {
  const n = sorted.length;
  if (n < 2) return Number.POSITIVE_INFINITY;
  const spread = z * Math.sqrt(n * q * (1 - q));
  const lo = Math.floor(n * q - spread);
  const hi = Math.ceil(n * q + spread);
  // an interval reaching past the sample cannot be bounded by it
  if (lo < 0 || hi > n - 1) return Number.POSITIVE_INFINITY;
  return (sorted[hi] - sorted[lo]) / 2;
}

/** Half-width of the Agresti–Coull 95 % interval of a share `cheaper` of `n`. */
export function probabilityHalfWidth(cheaper: number, n: number, z = STABILITY_Z): number {
  const m = n + z * z;
  const p = (cheaper + (z * z) / 2) / m;
  return z * Math.sqrt((p * (1 - p)) / m);
}

/**
 * One path's stability from its runs: `npv` the net effect against status quo per run, `statusQuo` status
 * quo's own present value per run (the same runs, in the same order).
 */
export function pathStability(path: PathId, npv: Float64Array, statusQuo: Float64Array): PathStability {
  const n = npv.length;
  let cheaper = 0;
  let scale = 0;
  for (let r = 0; r < n; r++) {
    if (isCheaper(npv[r], statusQuo[r])) cheaper++;
    scale += statusQuo[r];
  }
  const sorted = Float64Array.from(npv).sort();
  const quantileError = Math.max(...QUANTILES.map((q) => quantileHalfWidth(sorted, q)));
  const quantileTolerance = (QUANTILE_TOLERANCE * Math.abs(scale)) / Math.max(n, 1);
  const probabilityError = probabilityHalfWidth(cheaper, n);
  return {
    path,
    quantileError,
    quantileTolerance,
    probabilityError,
    stable: quantileError <= quantileTolerance && probabilityError <= PROBABILITY_TOLERANCE,
  };
}

/**
 * The 97.5 % quantile of Student's t with `df` degrees of freedom, by the Cornish–Fisher expansion about
 * the normal quantile (Abramowitz & Stegun 26.7.5, four terms): 2.2619 at df = 9 against the table's 2.2622,
within 0.003 of the table for df ≥ 5.
 */
export function studentT975(df: number): number {
  const z = STABILITY_Z;
  const [z3, z5, z7] = [z ** 3, z ** 5, z ** 7];
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/** Half-width t_{R−1}·sd/√R of the 95 % interval of the mean of R replicate estimates. */
function replicateHalfWidth(estimates: Float64Array): number {
  const R = estimates.length;
  let mean = 0;
  for (const x of estimates) mean += x / R;
  let ss = 0;
  for (const x of estimates) ss += (x - mean) ** 2;
  return (studentT975(R - 1) * Math.sqrt(ss / (R - 1))) / Math.sqrt(R);
}

/**
 * One path's stability from R interleaved replicates (run r belongs to replicate r mod R): each replicate's
 * P10, P50, P90 and share cheaper, and the half-width of their mean's 95 % interval (Student's t with R − 1
 * degrees of freedom; as in L'Ecuyer, "Randomized quasi-Monte Carlo: an introduction for practitioners", 2018).
 * The answer itself is still read from all runs together. Where the replicates agree exactly (a spread of
 * zero, e.g. no run cheaper in any of them) the iid interval of `pathStability` is taken instead, so a
 * probability near 0 or 1 is never called exact.
 */
export function replicateStability(
  path: PathId,
  npv: Float64Array,
  statusQuo: Float64Array,
  replicates: number,
): PathStability {
  const iid = pathStability(path, npv, statusQuo);
  const m = Math.floor(npv.length / replicates);
  if (replicates < 2 || m < 2) return { ...iid, quantileError: Number.POSITIVE_INFINITY, stable: false };
  const quantiles = QUANTILES.map(() => new Float64Array(replicates));
  const shares = new Float64Array(replicates);
  const sample = new Float64Array(m);
  for (let r = 0; r < replicates; r++) {
    let cheaper = 0;
    for (let j = 0; j < m; j++) {
      const run = j * replicates + r;
      sample[j] = npv[run];
      if (isCheaper(npv[run], statusQuo[run])) cheaper++;
    }
    shares[r] = cheaper / m;
    sample.sort();
    QUANTILES.forEach((q, k) => {
      quantiles[k][r] = quantileSorted(sample as unknown as number[], q);
    });
  }
  const spread = (estimates: Float64Array, fallback: number) => {
    const h = replicateHalfWidth(estimates);
    return h > 0 ? h : fallback;
  };
  const quantileError = Math.max(...quantiles.map((x) => spread(x, iid.quantileError)));
  const probabilityError = spread(shares, iid.probabilityError);
  return {
    path,
    quantileError,
    quantileTolerance: iid.quantileTolerance,
    probabilityError,
    stable: quantileError <= iid.quantileTolerance && probabilityError <= PROBABILITY_TOLERANCE,
  };
}

/**
 * The accumulator views stability reads: all runs received, or the first n (Accumulator.prefix), and how
 * many interleaved replicates the runs are (1 or absent: independent runs).
 */
type RunsView = Pick<Accumulator, 'years' | 'discountRate' | 'runsDone' | 'totalSamples' | 'enabled'> & {
  replicates?: number;
};

/** Stability of the runs a view holds, for every enabled path. */
export function stabilityOf(acc: RunsView): Stability {
  const runs = acc.runsDone;
  const statusQuo = presentValue(acc, 'totalCost', 'status-quo');
  const R = acc.replicates ?? 1;
  const paths = PATH_IDS.filter((p) => p !== 'status-quo' && acc.enabled(p)).map((p) =>
    R > 1
      ? replicateStability(p, npvVsStatusQuo(acc, p), statusQuo, R)
      : pathStability(p, npvVsStatusQuo(acc, p), statusQuo),
  );
  return { runs, stable: runs >= MIN_STABLE_RUNS && paths.every((p) => p.stable), paths };
}

/** Stability is checked at every multiple of this many runs (a block: where a run may stop). */
export const STABILITY_STEP = 100;
