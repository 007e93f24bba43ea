import { describe, expect, it } from 'vitest';
import {
  MIN_STABLE_RUNS,
  mulberry32,
  type PathId,
  PROBABILITY_TOLERANCE,
  pathStability,
  probabilityHalfWidth,
  QUANTILE_TOLERANCE,
  stabilityOf,
} from '../../src/engine/index.js';

/**
 * The stability criterion (src/engine/stability.ts) on synthetic runs whose true answer is known: status
 * quo costs 1 000 MSEK in every run, a path's net effect is normal with mean μ and sd σ, so its true
 * percentiles are μ + σ·Φ⁻¹(q) and its true probability of being cheaper Φ(−μ/σ).
 */
const SQ = 1e9;

function normals(seed: number, n: number, mu: number, sigma: number): Float64Array {
  const rng = mulberry32(seed);
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const u = Math.max(rng(), 1e-12);
    out[r] = mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  }
  return out;
}

/** An accumulator view of one year, no discounting, with the given per-run path costs. */
function view(costs: Partial<Record<PathId, Float64Array>>, n: number) {
  return {
    years: 1,
    discountRate: 0,
    runsDone: n,
    enabled: (p: PathId) => p === 'status-quo' || costs[p] !== undefined,
    totalSamples: (_metric: string, path: PathId) =>
      path === 'status-quo' ? new Float64Array(n).fill(SQ) : (costs[path] as Float64Array),
  };
}

const erf = (x: number) => {
  // Abramowitz–Stegun 7.1.26, |error| < 1.5e-7
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));

describe('the stability criterion', () => {
  it('when it says stable, each percentile and the probability are within tolerance of the truth in ≥ 90 % of cases, whatever the spread', () => {
    // spreads from easily stable to never stable at this many runs: the borderline ones test the criterion
    const n = 12_000;
    const mu = -3e6;
    const z = { 0.1: -1.2815516, 0.5: 0, 0.9: 1.2815516 };
    let stable = 0;
    let within = 0;
    for (const sigma of [100e6, 150e6, 165e6, 180e6, 260e6, 320e6]) {
      for (let seed = 1; seed <= 40; seed++) {
        const npv = normals(seed * 7919 + sigma / 1e6, n, mu, sigma);
        const s = pathStability('samverkan', npv, new Float64Array(n).fill(SQ));
        if (!s.stable) continue;
        stable++;
        const sorted = Float64Array.from(npv).sort();
        const at = (q: number) => sorted[Math.round(q * (n - 1))];
        let cheaper = 0;
        for (const x of npv) if (x < 0) cheaper++;
        const ok =
          [0.1, 0.5, 0.9].every(
            (q) => Math.abs(at(q) - (mu + sigma * z[q as 0.1 | 0.5 | 0.9])) <= QUANTILE_TOLERANCE * SQ,
          ) && Math.abs(cheaper / n - phi(-mu / sigma)) <= PROBABILITY_TOLERANCE;
        if (ok) within++;
      }
    }
    expect(stable).toBeGreaterThan(40);
    expect(stable).toBeLessThan(240);
    expect(within / stable).toBeGreaterThanOrEqual(0.9);
  });

  it('is not stable when the runs are too few for the spread, and becomes so with more', () => {
    const sigma = 60e6;
    const few = pathStability('samverkan', normals(7, 1000, 0, sigma), new Float64Array(1000).fill(SQ));
    expect(few.stable).toBe(false);
    // a percentile's error falls as 1/√n: four times the runs, about half the error
    const more = pathStability('samverkan', normals(7, 4000, 0, sigma), new Float64Array(4000).fill(SQ));
    expect(more.quantileError / few.quantileError).toBeGreaterThan(0.35);
    expect(more.quantileError / few.quantileError).toBeLessThan(0.65);
    expect(probabilityHalfWidth(2000, 4000) / probabilityHalfWidth(500, 1000)).toBeCloseTo(0.5, 1);
  });

  it('never calls fewer than MIN_STABLE_RUNS runs stable, even when every run is the same', () => {
    const same = (n: number) => new Float64Array(n).fill(SQ + 1e6);
    expect(stabilityOf(view({ samverkan: same(MIN_STABLE_RUNS - 1) }, MIN_STABLE_RUNS - 1)).stable).toBe(false);
    expect(stabilityOf(view({ samverkan: same(MIN_STABLE_RUNS) }, MIN_STABLE_RUNS)).stable).toBe(true);
  });

  it('needs every enabled path stable, and a probability near ½ needs the most runs', () => {
    const n = 2000;
    const narrow = normals(3, n, 30e6, 1e6); // never cheaper, tight
    const even = normals(4, n, 0, 1e6); // half the runs cheaper: ±1 pp needs ≈ 9 600 runs
    const both = stabilityOf(
      view({ samverkan: narrow.map((x) => SQ + x), sammanlaggning: even.map((x) => SQ + x) }, n),
    );
    expect(both.paths.find((p) => p.path === 'samverkan')?.stable).toBe(true);
    expect(both.paths.find((p) => p.path === 'sammanlaggning')?.stable).toBe(false);
    expect(both.stable).toBe(false);
    expect(both.paths.map((p) => p.path)).toEqual(['samverkan', 'sammanlaggning']);
  });
});
