/** Uniform distribution on [low, high]. */
export interface Uniform {
  low: number;
  high: number;
}

/**
 * The quantile function of a uniform distribution. O(1).
 *
 * @throws RangeError unless low < high
 * @example uniformQuantile({ low: 2, high: 4 })(0.25) // 2.5
 */
export function uniformQuantile({ low, high }: Uniform): (u: number) => number {
  if (!(low < high)) throw new RangeError(`uniform: need low < high, got ${low}, ${high}`);
  return (u) => low + u * (high - low);
}
