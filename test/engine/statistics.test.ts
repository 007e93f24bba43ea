import fc from 'fast-check';
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { expect, describe as group, it } from 'vitest';
import { describe, ranks } from '../../src/engine/index.js';

/** The textbook way: sort a copy and read the percentiles off it. */
function sortedPercentiles(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95].map((p) => quantileSorted(sorted, p));
}

// few distinct values make ties (coverage shares, zero differences), many make order statistics matter
const samples = fc.oneof(
  fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 3000 }),
  fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 25 }),
  fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: 1, maxLength: 500 }),
);

group('summary statistics', () => {
  it('give exactly the percentiles of a sorted copy, the mean and the sd, and leave the input as it was', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const input = Float64Array.from(values);
        const stats = describe(input);
        expect([stats.p5, stats.p10, stats.p25, stats.p50, stats.p75, stats.p90, stats.p95]).toEqual(
          sortedPercentiles(values),
        );
        expect(stats.mean).toBe(mean(values));
        expect(stats.sd).toBe(values.length > 1 ? sampleStandardDeviation(values) : 0);
        expect([...input]).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('rank with ties given their average rank', () => {
    expect([...ranks(Float64Array.from([3, 1, 2, 2, 5]))]).toEqual([4, 1, 2.5, 2.5, 5]);
    fc.assert(
      fc.property(samples, (values) => {
        const r = ranks(Float64Array.from(values));
        // ranks sum to n(n + 1)/2 and follow the values' order
        const n = values.length;
        expect(r.reduce((s, x) => s + x, 0)).toBeCloseTo((n * (n + 1)) / 2, 6);
        for (let i = 0; i < Math.min(n, 50); i++)
          for (let j = 0; j < Math.min(n, 50); j++) if (values[i] < values[j]) expect(r[i]).toBeLessThan(r[j]);
      }),
      { numRuns: 200 },
    );
  });
});
