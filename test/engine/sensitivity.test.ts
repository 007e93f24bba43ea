import { describe, expect, it } from 'vitest';
import {
  ASSUMPTIONS,
  type AssumptionId,
  assumptionDef,
  centralValue,
  mulberry32,
  oneAtATime,
  rankDrivers,
  ranks,
  type Scenario,
  simulateAll,
} from '../../src/engine/index.js';
import { model, readJson, scenarioWith } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json');

describe('sensitivity', () => {
  it('ranks with ties averaged', () => {
    expect([...ranks(Float64Array.from([10, 30, 20, 30]))]).toEqual([1, 3.5, 2, 3.5]);
  });

  it('gets the ranking of two independent inputs of known weight right', () => {
    const rng = mulberry32(3);
    const n = 5000;
    const x = Float64Array.from({ length: n }, () => rng());
    const y = Float64Array.from({ length: n }, () => rng());
    const out = x.map((xi, i) => 3 * xi + y[i]);
    const drivers = rankDrivers(
      new Map<AssumptionId, Float64Array>([
        ['wageGrowth', ranks(x)],
        ['inflation', ranks(y)],
      ]),
      out,
    );
    expect(drivers.map((d) => d.input)).toEqual(['wageGrowth', 'inflation']);
    // for a sum of uniforms with weights 3 and 1 the correlations are about 0.95 and 0.32
    expect(drivers[0].rankCorrelation).toBeGreaterThan(0.9);
    expect(drivers[1].rankCorrelation).toBeGreaterThan(0.2);
    expect(drivers[1].rankCorrelation).toBeLessThan(0.45);
  });

  it('finds that the one input that varies explains all of the spread', () => {
    const scenario = scenarioWith((s) => {
      s.runs = 300;
      s.assumptions = Object.fromEntries(
        ASSUMPTIONS.filter((a) => a.id !== 'transitionShareShared').map((a) => [
          a.id,
          { dist: 'fixed', value: centralValue(a.default), source: 'antagande: test' },
        ]),
      ) as Scenario['assumptions'];
    });
    const results = simulateAll(model(scenario, catalogue));
    const drivers = results.paths.samverkan.sensitivity.npvVsStatusQuo;
    expect(drivers).toHaveLength(1);
    expect(drivers[0].input).toBe('transitionShareShared');
    expect(drivers[0].share).toBe(1);
    // a higher transition cost makes the path dearer: a perfect positive rank correlation
    expect(drivers[0].rankCorrelation).toBeGreaterThan(0.999);
  });

  it('ranks the realised share of scale gains among the top drivers of collaboration’s net cost', () => {
    const results = simulateAll(
      model(
        scenarioWith((s) => {
          s.runs = 1000;
        }),
        catalogue,
      ),
    );
    const top = results.paths.samverkan.sensitivity.npvVsStatusQuo.slice(0, 3).map((d) => d.input);
    expect(top).toContain('realisationShared');
  });
});

describe('one-at-a-time swings', () => {
  it('moves a path’s net cost only through the inputs that act on it', () => {
    const m = model(
      scenarioWith((s) => {
        s.runs = 10;
      }),
      catalogue,
    );
    const [transition, delay] = oneAtATime(m, ['transitionShareShared', 'decisionDelay']);
    const t = transition.npv.samverkan!;
    expect(t.low).toBeLessThan(t.base);
    expect(t.base).toBeLessThan(t.high);
    const range = assumptionDef('transitionShareShared').default;
    expect(range.dist).toBe('pert');
    if (range.dist === 'pert') {
      expect(transition.lowValue).toBe(range.low);
      expect(transition.highValue).toBe(range.high);
    }
    // the decision delay belongs to omfördelning alone
    expect(delay.npv.samverkan!.low).toBe(delay.npv.samverkan!.high);
    expect(delay.npv.omfordelning!.low).not.toBe(delay.npv.omfordelning!.high);
  });
});
