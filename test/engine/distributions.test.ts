import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { type Distribution, mulberry32, quantileFunction } from '../../src/engine/index.js';

const draws = (d: Distribution, n = 50_000, seed = 42) => {
  const q = quantileFunction(d);
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => q(rng()));
};

describe('samplers', () => {
  it('PERT has mean (low + 4·mode + high)/6 and the beta variance', () => {
    const [low, mode, high] = [1, 2, 7];
    const xs = draws({ dist: 'pert', low, mode, high });
    const mu = (low + 4 * mode + high) / 6;
    // variance of PERT: (mu - low)(high - mu)/7
    const sd = Math.sqrt(((mu - low) * (high - mu)) / 7);
    expect(mean(xs)).toBeCloseTo(mu, 1.5); // SE ≈ 0.005: tolerance 0.016 ≈ 3 SE
    expect(sampleStandardDeviation(xs)).toBeCloseTo(sd, 1.5);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(low);
    expect(Math.max(...xs)).toBeLessThanOrEqual(high);
  });

  it('PERT with mode at an end stays in range and keeps its mean', () => {
    const xs = draws({ dist: 'pert', low: 0, mode: 0, high: 1 });
    expect(mean(xs)).toBeCloseTo(1 / 6, 2);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('triangular has mean (low + mode + high)/3', () => {
    expect(mean(draws({ dist: 'triangular', low: 0, mode: 1, high: 5 }))).toBeCloseTo(2, 1.5);
  });

  it('normal has its mean and standard deviation', () => {
    const xs = draws({ dist: 'normal', mean: 10, sd: 2 });
    expect(mean(xs)).toBeCloseTo(10, 1);
    expect(sampleStandardDeviation(xs)).toBeCloseTo(2, 1);
  });

  it('lognormal has its median and log-sd', () => {
    const xs = draws({ dist: 'lognormal', median: 5, sigma: 0.3 });
    expect(median(xs)).toBeCloseTo(5, 1);
    expect(sampleStandardDeviation(xs.map(Math.log))).toBeCloseTo(0.3, 2);
  });

  it('uniform has mean (low + high)/2', () => {
    expect(mean(draws({ dist: 'uniform', low: 2, high: 4 }))).toBeCloseTo(3, 1.5);
  });

  it('fixed always gives its value', () => {
    expect(new Set(draws({ dist: 'fixed', value: 3 }, 100))).toEqual(new Set([3]));
  });

  it('is reproducible for a given seed', () => {
    const d: Distribution = { dist: 'pert', low: 0, mode: 1, high: 5 };
    expect(draws(d, 5, 7)).toEqual(draws(d, 5, 7));
    expect(draws(d, 5, 7)).not.toEqual(draws(d, 5, 8));
  });

  it('rejects inconsistent parameters', () => {
    expect(() => quantileFunction({ dist: 'pert', low: 2, mode: 1, high: 0 })).toThrow(RangeError);
    expect(() => quantileFunction({ dist: 'triangular', low: 1, mode: 1, high: 1 })).toThrow(RangeError);
    expect(() => quantileFunction({ dist: 'normal', mean: 0, sd: 0 })).toThrow(RangeError);
    expect(() => quantileFunction({ dist: 'lognormal', median: -1, sigma: 1 })).toThrow(RangeError);
    expect(() => quantileFunction({ dist: 'uniform', low: 1, high: 1 })).toThrow(RangeError);
  });
});
