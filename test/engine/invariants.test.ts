import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTIONS,
  type Assumption,
  type AssumptionId,
  centralValue,
  PATH_IDS,
  type Results,
  type Scenario,
  type Stats,
  simulateAll,
} from '../../src/engine/index.js';
import { fixed, fyrbodal, model, scenarioWith, smallCatalogue } from '../helpers.js';

/** Every overhead, transition and markup set to zero. */
const NO_OVERHEADS: Partial<Record<AssumptionId, Assumption>> = {
  transitionShareShared: fixed(0),
  transitionShareMerger: fixed(0),
  migrationCostPerSystem: fixed(0),
  governanceOverhead: fixed(0),
  coordinationFte: fixed(0),
  hostMarkup: fixed(0),
  bodyMarkup: fixed(0),
};

const members = fc.subarray(fyrbodal.members, { minLength: 1 });
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

function costs(results: Results, path: (typeof PATH_IDS)[number]): number[] {
  return results.paths[path].years.map((y) => y.totalCost.mean);
}

function expectClose(actual: number[], expected: number[], relative = 1e-9) {
  actual.forEach((a, t) => {
    expect(Math.abs(a - expected[t])).toBeLessThanOrEqual(relative * Math.abs(expected[t]));
  });
}

describe('model invariants (MODEL.md §7)', () => {
  it('a collaboration, host arrangement or merger of one municipality costs what status quo costs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fyrbodal.members), seed, (code, s) => {
        const scenario = scenarioWith((sc) => {
          sc.members = [code];
          sc.seed = s;
          sc.assumptions = { ...NO_OVERHEADS };
        });
        const results = simulateAll(model(scenario), 20);
        const sq = costs(results, 'status-quo');
        for (const path of ['samverkan', 'sammanlaggning', 'asymmetrisk'] as const)
          expectClose(costs(results, path), sq);
      }),
      { numRuns: 20 },
    );
  });

  it('with β = 1, no minimum staffing, no consolidation and no overheads every path costs what status quo costs', () => {
    // Capabilities with the `fixed` driver act as minimum staffing, so the linear catalogue has none.
    const linear = smallCatalogue.map((c) => ({
      ...c,
      minFte: 0,
      scale: { low: 1, mode: 1, high: 1 },
      nonStaffScale: 1,
    }));
    fc.assert(
      fc.property(members, seed, (codes, s) => {
        const scenario = scenarioWith((sc) => {
          sc.members = codes;
          sc.seed = s;
          sc.assumptions = { ...NO_OVERHEADS, consolidationYears: fixed(1e9), nonStaffScaleShift: fixed(0) };
        });
        const results = simulateAll(model(scenario, linear), 20);
        const sq = costs(results, 'status-quo');
        for (const path of PATH_IDS) expectClose(costs(results, path), sq, 1e-6);
      }),
      { numRuns: 15 },
    );
  });

  it('with every scale exponent ≤ 1, more members sharing never raises the provider’s cost per unit of volume', () => {
    // One pooled capability with generated staffing, minimum, driver and exponents β, γ ≤ 1. With full
    // realisation and no overheads, the members' summed payments are the provider's cost, so the path's
    // cost divided by the provider's volume is its unit cost; members join one at a time.
    const capability = fc.record({
      fteAtRef: fc.double({ min: 0.1, max: 5, noNaN: true }),
      minFte: fc.double({ min: 0, max: 3, noNaN: true }),
      beta: fc.double({ min: 0.3, max: 1, noNaN: true }),
      gamma: fc.double({ min: 0.3, max: 1, noNaN: true }),
      nonStaffCost: fc.double({ min: 0, max: 2e6, noNaN: true }),
      driver: fc.constantFrom('users', 'systems', 'inhabitants', 'fixed'),
      kind: fc.constantFrom('drift', 'styrning', 'utveckling'),
    });
    const order = fc.shuffledSubarray(fyrbodal.members, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(capability, order, seed, (cap, codes, s) => {
        const one = [
          {
            ...smallCatalogue[0],
            kind: cap.kind,
            driver: cap.driver,
            fteAtRef: cap.fteAtRef,
            minFte: cap.minFte,
            scale: { low: cap.beta, mode: cap.beta, high: cap.beta },
            nonStaffCost: cap.nonStaffCost,
            nonStaffScale: cap.gamma,
            poolable: true,
          },
        ];
        const unitCost = (members: string[]) => {
          const scenario = scenarioWith((sc) => {
            sc.members = members;
            sc.seed = s;
            sc.assumptions = {
              ...NO_OVERHEADS,
              realisationShared: fixed(1),
              rampUpYears: fixed(0.5),
              populationGrowthShift: fixed(0),
            };
          });
          const m = model(scenario, one);
          const year = simulateAll(m, 3).paths.samverkan.years[1];
          const volume = m.members.reduce((sum, x) => {
            const grown = 1 + x.populationGrowth;
            if (cap.driver === 'users') return sum + (x.employees + 0.25 * (x.pupils ?? 0)) * grown;
            if (cap.driver === 'systems') return sum + x.systems;
            return sum + x.population * grown;
          }, 0);
          return year.totalCost.mean / volume;
        };
        let previous = unitCost(codes.slice(0, 1));
        for (let n = 2; n <= codes.length; n++) {
          const cost = unitCost(codes.slice(0, n));
          expect(cost).toBeLessThanOrEqual(previous * (1 + 1e-12));
          previous = cost;
        }
      }),
      { numRuns: 12 },
    );
  });

  it('costs are never negative, coverage lies in [0, 1] and percentiles are ordered', () => {
    fc.assert(
      fc.property(
        members,
        seed,
        fc.record({
          samverkan: fc.boolean(),
          omfordelning: fc.boolean(),
          sammanlaggning: fc.boolean(),
          asymmetrisk: fc.boolean(),
        }),
        (codes, s, enabled) => {
          const scenario = scenarioWith((sc) => {
            sc.members = codes;
            sc.seed = s;
            for (const [path, on] of Object.entries(enabled)) sc.paths[path as keyof Scenario['paths']].enabled = on;
          });
          const results = simulateAll(model(scenario), 30);
          for (const path of PATH_IDS) {
            for (const year of results.paths[path].years) {
              expect(year.totalCost.p5).toBeGreaterThanOrEqual(0);
              expect(year.coverage.p5).toBeGreaterThanOrEqual(0);
              expect(year.coverage.p95).toBeLessThanOrEqual(1);
              expect(year.robustCoverage.p95).toBeLessThanOrEqual(year.coverage.p95 + 1e-12);
            }
            for (const m of results.paths[path].municipalities) {
              expect(m.horizonCost.p5).toBeGreaterThanOrEqual(0);
              for (const g of m.groupCoverage) expect(g.held).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
          forEachStats(results, (stats) => {
            const q = [stats.p5, stats.p10, stats.p25, stats.p50, stats.p75, stats.p90, stats.p95];
            for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
          });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('removing uncertainty makes every run identical', () => {
    const scenario = scenarioWith((sc) => {
      sc.assumptions = Object.fromEntries(
        ASSUMPTIONS.map((a) => [a.id, fixed(centralValue(a.default))]),
      ) as Scenario['assumptions'];
    });
    const results = simulateAll(model(scenario), 50);
    let checked = 0;
    forEachStats(results, (stats) => {
      expect(stats.sd).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(stats.mean)));
      expect(stats.p95).toBe(stats.p5);
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });
});

function forEachStats(value: unknown, visit: (s: Stats) => void): void {
  if (value === null || typeof value !== 'object') return;
  if ('p50' in value && 'sd' in value) {
    visit(value as Stats);
    return;
  }
  for (const child of Object.values(value)) forEachStats(child, visit);
}
