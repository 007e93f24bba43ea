import fc from 'fast-check';
import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  Accumulator,
  ASSUMPTION_IDS,
  type AssumptionId,
  analyseDecision,
  discountedDifference,
  evppiOf,
  mulberry32,
  PATH_IDS,
  type PreparedModel,
  pearsonForRank,
  quantileFunction,
  Simulator,
} from '../../src/engine/index.js';
import { model, readJson, scenarioWith } from '../helpers.js';

/** The product's capability catalogue: with the small fixture no input changes the best path. */
const catalogue = readJson('public/data/capabilities.json');

/** Fyrbodal over six years: the best path hangs on the merger's realised share (EVPPI well above 0). */
const small = (runs: number) =>
  model(
    scenarioWith((s) => {
      s.horizonYears = 6;
      s.runs = runs;
    }),
    catalogue,
  );

function collect(
  m: PreparedModel,
  runs: number,
  pins: Partial<Record<AssumptionId, number>> = {},
  from = 0,
): Accumulator {
  const simulator = new Simulator(m);
  simulator.pin(pins);
  const acc = new Accumulator(m, from + runs);
  acc.add(simulator.simulateChunk(from, runs));
  return acc;
}

describe('pinned re-runs (common random numbers)', () => {
  it('a pinned input takes its value in every run and every other input keeps its draws', () => {
    const m = small(100);
    const free = collect(m, 100);
    fc.assert(
      fc.property(fc.constantFrom(...ASSUMPTION_IDS), fc.double({ min: 0, max: 1, noNaN: true }), (id, u) => {
        const k = ASSUMPTION_IDS.indexOf(id);
        const value = Math.min(m.boundMax[k], Math.max(m.boundMin[k], quantileFunction(m.assumptions[id])(u)));
        if (!Number.isFinite(value)) return;
        const pinned = collect(m, 100, { [id]: value });
        for (const other of ASSUMPTION_IDS) {
          const a = pinned.drawSamples(other);
          if (other === id) expect(a.every((x) => x === value)).toBe(true);
          else expect(a).toEqual(free.drawSamples(other));
        }
      }),
      { numRuns: 10 },
    );
  });

  it('a pinned input that is correlated with another conditions it: the partner keeps the correlation', () => {
    const rho = -0.8;
    const r = pearsonForRank(rho);
    const m = model(
      scenarioWith((s) => {
        s.members = ['1488', '1485', '1487'];
        s.horizonYears = 2;
        s.assumptions = {
          realisationShared: { dist: 'uniform', low: 0, high: 0.4, source: 'antagande: test' },
          coordinationFte: { dist: 'uniform', low: 0.2, high: 1.2, source: 'antagande: test' },
        };
        s.correlations = [{ a: 'realisationShared', b: 'coordinationFte', rho }];
      }),
    );
    for (const u of [0.5, 0.9, 0.2]) {
      const acc = collect(m, 2000, { realisationShared: 0.4 * u });
      const scores = Array.from(acc.drawSamples('coordinationFte'), (x) => probit((x - 0.2) / 1.0));
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (scores.length - 1));
      // conditional normal: mean r·Φ⁻¹(u), sd √(1 − r²); 2 000 runs: se of the mean ≈ 0.013
      expect(mean).toBeCloseTo(r * probit(u), 1);
      expect(sd).toBeCloseTo(Math.sqrt(1 - r * r), 1);
      expect(acc.drawSamples('realisationShared').every((x) => x === 0.4 * u)).toBe(true);
    }
  });

  it('refuses a value outside the input’s bounds', () => {
    const simulator = new Simulator(small(100));
    expect(() => simulator.pin({ realisationShared: 1.5 })).toThrow(/outside/);
  });
});

describe('decision analysis', () => {
  it('quadrant shares and acceptability shares each sum to one; EVPPI lies between 0 and about EVPI', () => {
    const d = analyseDecision(collect(small(400), 400));
    for (const plane of Object.values(d.plane)) {
      const q = plane.quadrants;
      expect(q.cheaperMore + q.cheaperSame + q.cheaperLess + q.dearerMore + q.dearerSame + q.dearerLess).toBeCloseTo(
        1,
        12,
      );
    }
    d.acceptability.lambdas.forEach((_, i) => {
      const sum = Object.values(d.acceptability.best).reduce((s, b) => s + b[i], 0);
      expect(sum).toBeCloseTo(1, 12);
    });
    for (const e of d.evppi) {
      expect(e.value).toBeGreaterThanOrEqual(0);
      expect(e.value).toBeLessThanOrEqual(d.evpi * 1.05 + 1);
    }
  });

  it('the regression EVPPI matches a brute-force nested Monte Carlo within the stated error', () => {
    const input: AssumptionId = 'realisationMerger';
    const runs = 2000;
    const m = small(runs);
    const d0 = collect(m, runs);
    const d = analyseDecision(d0);
    const found = d.evppi.find((e) => e.input === input);
    expect(found?.se).not.toBeNull();
    // nested: the input at J stratified values of its distribution, each with N pinned inner runs
    const J = 60;
    const N = 150;
    const q = quantileFunction(m.assumptions[input]);
    const options = PATH_IDS.filter((p) => m.enabled[PATH_IDS.indexOf(p)]);
    const outer = Array.from({ length: J }, (_, j) => {
      // inner runs 2000 … 2149: none of the regression's runs 0 … 1999
      const acc = collect(m, N, { [input]: q((j + 0.5) / J) }, 2000);
      return options.map((p) => {
        if (p === 'status-quo') return 0;
        const cost = discountedDifference(acc, 'totalCost', p);
        return -cost.reduce((s, x) => s + x, 0) / N;
      });
    });
    const bestEach = outer.reduce((s, row) => s + Math.max(...row), 0) / J;
    const meanPerOption = options.map((_, o) => outer.reduce((s, row) => s + row[o], 0) / J);
    const chosen = meanPerOption.indexOf(Math.max(...meanPerOption));
    const nested = bestEach - meanPerOption[chosen];
    // the nested estimate's own standard error: one value per stratum, so the collapsed-strata estimator
    // (adjacent strata paired, Cochran 1977 §5A.12): Var ≈ Σ_pairs (g_a − g_b)² / J²
    const gains = outer.map((row) => Math.max(...row) - row[chosen]);
    let pairs = 0;
    for (let j = 0; j + 1 < J; j += 2) pairs += (gains[j] - gains[j + 1]) ** 2;
    const nestedSe = Math.sqrt(pairs) / J;
    const se = found?.se ?? 0;
    console.info(
      `EVPPI ${input}: regression ${(found?.value ?? 0) / 1e6} ± ${se / 1e6} MSEK, nested ${nested / 1e6} ± ${nestedSe / 1e6} MSEK`,
    );
    expect(nested).toBeGreaterThan(0);
    // EVPPI can never exceed the value of knowing everything
    expect(found?.value ?? 0).toBeLessThan(d.evpi);
    // an input that cannot matter (independent noise) is worth nothing, within its error
    const benefits = PATH_IDS.filter((p) => m.enabled[PATH_IDS.indexOf(p)]).map((p) =>
      p === 'status-quo' ? new Float64Array(runs) : discountedDifference(d0, 'totalCost', p).map((x) => -x),
    );
    const rng = mulberry32(7);
    const placebo = evppiOf(
      Float64Array.from({ length: runs }, () => rng()),
      benefits,
      3,
    );
    expect(placebo.value).toBeLessThanOrEqual(3 * (placebo.se ?? 0) + 1);
    expect(placebo.value).toBeLessThan(0.1 * (found?.value ?? 0));
    expect(Math.abs((found?.value ?? 0) - nested)).toBeLessThanOrEqual(3 * Math.hypot(se, nestedSe));
  }, 120_000);
});
