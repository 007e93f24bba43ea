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
import { fyrbodal, model, scenarioWith, smallCatalogue } from '../helpers.js';

const fixed = (value: number): Assumption => ({ dist: 'fixed', value, source: 'antagande: test' });

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

  it('with β < 1 and no overheads the unit cost of a pooled capability falls as members are added', () => {
    const one = [{ ...smallCatalogue[0], minFte: 0, scale: { low: 0.8, mode: 0.8, high: 0.8 }, nonStaffScale: 0.8 }];
    const unitCost = (codes: string[]) => {
      const scenario = scenarioWith((sc) => {
        sc.members = codes;
        sc.assumptions = {
          ...NO_OVERHEADS,
          realisationShared: fixed(1),
          rampUpYears: fixed(0.5),
          populationGrowthShift: fixed(0),
        };
      });
      const m = model(scenario, one);
      const results = simulateAll(m, 10);
      // users in year 1: (employees + 0.25 · pupils) grown by each member's population growth
      const users = m.members.reduce(
        (sum, x) => sum + (x.employees + 0.25 * (x.pupils ?? 0)) * (1 + x.populationGrowth),
        0,
      );
      return results.paths.samverkan.years[1].totalCost.mean / users;
    };
    const order = fyrbodal.members;
    let previous = Number.POSITIVE_INFINITY;
    for (let n = 1; n <= order.length; n++) {
      const cost = unitCost(order.slice(0, n));
      expect(cost).toBeLessThan(previous);
      previous = cost;
    }
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
