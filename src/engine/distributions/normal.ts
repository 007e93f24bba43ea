import { probit } from 'simple-statistics';

/** Normal distribution with mean `mean` and standard deviation `sd`. */
export interface Normal {
  mean: number;
  sd: number;
}

/**
 * The quantile function of a normal distribution, through simple-statistics' `probit` (the standard
 * normal quantile). O(1).
 *
 * @throws RangeError unless sd > 0
 * @example normalQuantile({ mean: 10, sd: 2 })(0.5) // 10
 */
export function normalQuantile({ mean, sd }: Normal): (u: number) => number {
  if (!(sd > 0)) throw new RangeError(`normal: need sd > 0, got ${sd}`);
  return (u) => mean + sd * probit(u);
}
