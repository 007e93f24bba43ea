/** Triangular distribution on [low, high] with its peak at `mode`. */
export interface Triangular {
  low: number;
  mode: number;
  high: number;
}

/**
 * The quantile function (inverse CDF) of a triangular distribution.
 * See https://en.wikipedia.org/wiki/Triangular_distribution. O(1) per call.
 *
 * @throws RangeError unless low ≤ mode ≤ high and low < high
 * @example triangularQuantile({ low: 0, mode: 1, high: 4 })(0.5) // ≈ 1.55
 */
export function triangularQuantile({ low, mode, high }: Triangular): (u: number) => number {
  if (!(low <= mode && mode <= high && low < high)) {
    throw new RangeError(`triangular: need low ≤ mode ≤ high and low < high, got ${low}, ${mode}, ${high}`);
  }
  const split = (mode - low) / (high - low);
  return (u) =>
    u < split
      ? low + Math.sqrt(u * (high - low) * (mode - low))
      : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
