import { mean, sampleRankCorrelation, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { Accumulator, cholesky, loadModel, Simulator, splitRuns } from '../../src/engine/index.js';
import { fyrbodal, model, municipalities, scenarioWith, smallCatalogue } from '../helpers.js';

const RUNS = 10_000;

function draws(correlations: { a: string; b: string; rho: number }[]) {
  const m = model(
    scenarioWith((s) => {
      s.runs = RUNS;
      s.members = ['1438'];
      (s as { correlations?: unknown }).correlations = correlations;
    }),
  );
  const simulator = new Simulator(m);
  const acc = new Accumulator(m, RUNS);
  for (const r of splitRuns(RUNS, 2000)) acc.add(simulator.simulateChunk(r.runStart, r.runCount));
  return (id: Parameters<Accumulator['drawSamples']>[0]) => [...acc.drawSamples(id)];
}

describe('correlated inputs (Gaussian copula)', () => {
  const wanted = [
    { a: 'wageGrowth', b: 'recruitment', rho: -0.5 },
    { a: 'demandGrowth', b: 'populationGrowthShift', rho: 0.6 },
  ];
  const correlated = draws(wanted);
  const independent = draws([]);

  it('gives the requested rank correlations within 0.03 at 10 000 runs', () => {
    for (const c of wanted) {
      const rho = sampleRankCorrelation(correlated(c.a as never), correlated(c.b as never));
      expect(Math.abs(rho - c.rho)).toBeLessThan(0.03);
    }
    // inputs not named stay independent
    expect(Math.abs(sampleRankCorrelation(correlated('wageGrowth'), correlated('demandGrowth')))).toBeLessThan(0.03);
  });

  it('leaves every input’s own distribution unchanged', () => {
    for (const id of ['wageGrowth', 'recruitment', 'demandGrowth', 'populationGrowthShift'] as const) {
      const a = correlated(id);
      const b = independent(id);
      const sd = sampleStandardDeviation(b);
      expect(Math.abs(mean(a) - mean(b))).toBeLessThan(0.05 * sd);
      expect(Math.abs(sampleStandardDeviation(a) - sd)).toBeLessThan(0.05 * sd);
    }
  });

  it('refuses correlations that contradict each other, naming the field', () => {
    const scenario = {
      ...fyrbodal,
      correlations: [
        { a: 'wageGrowth', b: 'inflation', rho: 0.9 },
        { a: 'inflation', b: 'demandGrowth', rho: 0.9 },
        { a: 'wageGrowth', b: 'demandGrowth', rho: -0.9 },
      ],
    };
    const result = loadModel(scenario, municipalities, smallCatalogue);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0].path).toBe('scenario.correlations');
      expect(result.issues[0].message).toContain('positive semi-definite');
    }
    const self = loadModel(
      { ...fyrbodal, correlations: [{ a: 'wageGrowth', b: 'wageGrowth', rho: 0.5 }] },
      municipalities,
      smallCatalogue,
    );
    expect(self.ok ? [] : self.issues.map((i) => i.path)).toEqual(['scenario.correlations.0']);
  });

  it('factors a positive definite matrix and rejects an indefinite one', () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect([...l]).toEqual([2, 0, 1, Math.sqrt(2)]);
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
