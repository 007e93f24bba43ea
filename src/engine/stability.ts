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
 */
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

/** The accumulator views stability reads: all runs received, or the first n (Accumulator.prefix). */
type RunsView = Pick<Accumulator, 'years' | 'discountRate' | 'runsDone' | 'totalSamples' | 'enabled'>;

/** Stability of the runs a view holds, for every enabled path. */
export function stabilityOf(acc: RunsView): Stability {
  const runs = acc.runsDone;
  const statusQuo = presentValue(acc, 'totalCost', 'status-quo');
  const paths = PATH_IDS.filter((p) => p !== 'status-quo' && acc.enabled(p)).map((p) =>
    pathStability(p, npvVsStatusQuo(acc, p), statusQuo),
  );
  return { runs, stable: runs >= MIN_STABLE_RUNS && paths.every((p) => p.stable), paths };
}

/** Stability is checked at every multiple of this many runs (a block: where a run may stop). */
export const STABILITY_STEP = 100;
