import { lognormalQuantile } from './lognormal.js';
import { normalQuantile } from './normal.js';
import { pertQuantile } from './pert.js';
import { triangularQuantile } from './triangular.js';
import { uniformQuantile } from './uniform.js';

export { lognormalQuantile, normalQuantile, pertQuantile, triangularQuantile, uniformQuantile };

/** A probability distribution as a scenario states it. `fixed` is a degenerate one (no uncertainty). */
export type Distribution =
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; low: number; high: number }
  | { dist: 'triangular'; low: number; mode: number; high: number }
  | { dist: 'pert'; low: number; mode: number; high: number }
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'lognormal'; median: number; sigma: number };

/**
 * Compile a distribution to its quantile function u ∈ (0, 1) → value. Every distribution uses exactly
 * one uniform per draw (inverse-CDF sampling), so each uncertain input has its own fixed position in a
 * run's random stream and correlations can later be imposed on the uniforms.
 *
 * @throws RangeError when the parameters are inconsistent (e.g. low > high)
 */
export function quantileFunction(d: Distribution): (u: number) => number {
  switch (d.dist) {
    case 'fixed':
      return () => d.value;
    case 'uniform':
      return uniformQuantile(d);
    case 'triangular':
      return triangularQuantile(d);
    case 'pert':
      return pertQuantile(d);
    case 'normal':
      return normalQuantile(d);
    case 'lognormal':
      return lognormalQuantile(d);
  }
}

/** The value a distribution is centred on: the mode where it has one, else the median. */
export function centralValue(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'triangular':
    case 'pert':
      return d.mode;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median;
  }
}

/**
 * A distribution's stated low and high: low/high where it has them, else its P5 and P95 (a fixed value:
 * that value twice). The range that swings and threshold searches start from.
 */
export function statedRange(d: Distribution): [number, number] {
  if (d.dist === 'pert' || d.dist === 'triangular' || d.dist === 'uniform') return [d.low, d.high];
  if (d.dist === 'fixed') return [d.value, d.value];
  const q = quantileFunction(d);
  return [q(0.05), q(0.95)];
}
