import { probit } from 'simple-statistics';

/**
 * Lognormal distribution given by its median and the standard deviation `sigma` of its logarithm
 * (so the median is exp(μ) and about 68 % of draws lie within a factor exp(σ) of it).
 */
export interface Lognormal {
  median: number;
  sigma: number;
}

/**
 * The quantile function of a lognormal distribution: median · exp(σ · Φ⁻¹(u)).
 * See https://en.wikipedia.org/wiki/Log-normal_distribution. O(1).
 *
 * @throws RangeError unless median > 0 and sigma > 0
 * @example lognormalQuantile({ median: 5, sigma: 0.3 })(0.5) // 5
 */
export function lognormalQuantile({ median, sigma }: Lognormal): (u: number) => number {
  if (!(median > 0 && sigma > 0)) {
    throw new RangeError(`lognormal: need median > 0 and sigma > 0, got ${median}, ${sigma}`);
  }
  return (u) => median * Math.exp(sigma * probit(u));
}
