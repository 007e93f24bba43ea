import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Capability,
  type CapabilityLevel,
  type Delivery,
  type Municipality,
  PATH_IDS,
  type Results,
  type Scenario,
  simulateAll,
} from '../../src/engine/index.js';
import { fyrbodal, model, municipalities, readJson, scenarioWith } from '../helpers.js';

/**
 * How a kommun's own figures enter the model (docs/model.md §14): the capability map decides what a
 * member holds itself, its own IT staff figure the size of its unit. Properties over generated scenarios.
 */
const catalogue = readJson('public/data/capabilities.json') as Capability[];
const poolable = catalogue.filter((c) => c.poolable).map((c) => c.id);
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const members = fc.uniqueArray(fc.constantFrom(...fyrbodal.members), { minLength: 2, maxLength: 4 });
const RUNS = 12;

/** Every capability of the catalogue at one level, or by a rule. */
function mapOf(level: (c: Capability) => CapabilityLevel): Record<string, { level: CapabilityLevel; by: 'own' }> {
  return Object.fromEntries(catalogue.map((c) => [c.id, { level: level(c), by: 'own' as const }]));
}

function run(scenario: Scenario): Results {
  return simulateAll(model({ ...scenario, runs: RUNS }, catalogue), RUNS);
}

const member = (r: Results, path: (typeof PATH_IDS)[number], code: string) =>
  r.paths[path].municipalities[r.scenario.members.findIndex((m) => m.code === code)];

const CONTRACT_PATHS = ['samverkan', 'omfordelning', 'asymmetrisk'] as const;
const transferable = catalogue.filter((c) => c.transferable).map((c) => c.id);
const level = fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<CapabilityLevel>;
const elsewhere = fc.constantFrom('supplier', 'collaboration') as fc.Arbitrary<Delivery>;

/** A member's figures on a path without its name: what must equal another path's or scenario's figures. */
const figures = (r: Results, path: (typeof PATH_IDS)[number], code: string) => {
  const { horizonCost, finalDevelopmentCapacity, finalCapacityGap, years, groupCoverage } = member(r, path, code);
  return { horizonCost, finalDevelopmentCapacity, finalCapacityGap, years, groupCoverage };
};

/** Every member's figures on every path, with the path-level summaries, for an exact comparison. */
const everything = (r: Results) =>
  PATH_IDS.map((path) => ({ years: r.paths[path].years, members: r.paths[path].municipalities }));

describe('the capability map and own figures (docs/model.md §14)', () => {
  it('changes what the money delivers, never what the full engine costs: total cost is the same on every path', () => {
    fc.assert(
      fc.property(members, seed, fc.subarray(poolable, { minLength: 1 }), fc.nat(3), (codes, s, pooled, lv) => {
        const base = scenarioWith((sc) => {
          sc.members = codes;
          sc.seed = s;
          sc.paths.samverkan.pooled = pooled;
        });
        const withMap = structuredClone(base);
        withMap.capabilityMap = { members: { [codes[0]]: mapOf((c) => ((c.id.length + lv) % 4) as CapabilityLevel) } };
        const [a, b] = [run(base), run(withMap)];
        for (const path of PATH_IDS)
          a.paths[path].years.forEach((y, t) => {
            const other = b.paths[path].years[t].totalCost.mean;
            expect(Math.abs(y.totalCost.mean - other)).toBeLessThanOrEqual(1e-9 * y.totalCost.mean);
          });
      }),
      { numRuns: 12 },
    );
  });

  it('holds what the map says in status quo, whatever the budget: all at level ≥ 1 held, all at 0 none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fyrbodal.members),
        seed,
        fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
        (code, s, level) => {
          const scenario = scenarioWith((sc) => {
            sc.members = [code];
            sc.seed = s;
            sc.capabilityMap = { members: { [code]: mapOf(() => level) } };
          });
          const held = member(run(scenario), 'status-quo', code);
          for (const y of held.years) {
            expect(y.coverage).toBe(1);
            expect(y.robustCoverage).toBe(level >= 2 ? 1 : 0);
          }
          const none = structuredClone(scenario);
          none.capabilityMap = { members: { [code]: mapOf(() => 0) } };
          const nothing = member(run(none), 'status-quo', code);
          for (const y of nothing.years) expect(y.coverage).toBe(0);
          // what it does not hold it does not pay: all of today's budget is free for development
          expect(nothing.years[0].developmentCapacity).toBeGreaterThan(held.years[0].developmentCapacity);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('a kommun at level 3 everywhere gains less capability from sharing than one with gaps in what is shared', () => {
    fc.assert(
      fc.property(members, seed, fc.subarray(poolable, { minLength: 1 }), (codes, s, pooled) => {
        const scenario = (gaps: boolean) =>
          scenarioWith((sc) => {
            sc.members = codes;
            sc.seed = s;
            sc.paths.samverkan.pooled = pooled;
            sc.capabilityMap = {
              members: { [codes[0]]: mapOf((c) => (gaps && pooled.includes(c.id) ? 0 : 3)) },
            };
          });
        const gain = (r: Results, metric: 'coverage' | 'robustCoverage') => {
          const sq = member(r, 'status-quo', codes[0]).years;
          const path = member(r, 'samverkan', codes[0]).years;
          return path.reduce((sum, y, t) => sum + y[metric] - sq[t][metric], 0);
        };
        const [strong, weak] = [run(scenario(false)), run(scenario(true))];
        expect(gain(strong, 'coverage')).toBeLessThanOrEqual(1e-12);
        expect(gain(weak, 'coverage')).toBeGreaterThanOrEqual(gain(strong, 'coverage'));
        expect(gain(weak, 'robustCoverage')).toBeGreaterThanOrEqual(gain(strong, 'robustCoverage'));
      }),
      { numRuns: 12 },
    );
  });

  it('what every member holds today stays held on the contract paths, whatever the budget: sharing never loses it', () => {
    fc.assert(
      fc.property(members, seed, fc.subarray(poolable, { minLength: 1 }), fc.nat(2), (codes, s, pooled, lv) => {
        const scenario = scenarioWith((sc) => {
          sc.members = codes;
          sc.seed = s;
          sc.paths.samverkan.pooled = pooled;
          sc.paths.asymmetrisk.provided = pooled;
          sc.capabilityMap = {
            members: Object.fromEntries(
              codes.map((code) => [code, mapOf((c) => (((c.id.length + lv) % 3) + 1) as CapabilityLevel)]),
            ),
          };
        });
        const r = run(scenario);
        for (const path of ['status-quo', 'samverkan', 'omfordelning', 'asymmetrisk'] as const)
          for (const code of codes) for (const y of member(r, path, code).years) expect(y.coverage).toBe(1);
      }),
      { numRuns: 10 },
    );
  });

  it('who delivers (§14): a member whose map says everything a contract path would move is delivered by a supplier or an existing collaboration has exactly its status-quo figures on that path', () => {
    fc.assert(
      fc.property(
        members,
        seed,
        fc.subarray(poolable, { minLength: 1 }),
        fc.array(level, { minLength: 64, maxLength: 64 }),
        fc.array(elsewhere, { minLength: 64, maxLength: 64 }),
        (codes, s, pooled, levels, bys) => {
          // the last member is the host, so the first is a buyer; it keeps all that samverkan pools, all that the
          // host provides and all that omfördelning transfers where it is; the others assess nothing
          const kept = [...new Set([...pooled, ...transferable])];
          const scenario = scenarioWith((sc) => {
            sc.members = codes;
            sc.seed = s;
            sc.paths.samverkan.pooled = pooled;
            sc.paths.asymmetrisk.provided = pooled;
            sc.paths.asymmetrisk.host = codes[codes.length - 1];
            sc.capabilityMap = {
              members: { [codes[0]]: Object.fromEntries(kept.map((id, k) => [id, { level: levels[k], by: bys[k] }])) },
            };
          });
          const r = run(scenario);
          const statusQuo = figures(r, 'status-quo', codes[0]);
          for (const path of CONTRACT_PATHS) {
            expect(figures(r, path, codes[0])).toEqual(statusQuo);
            expect(member(r, path, codes[0]).npvVsStatusQuo.mean).toBe(0);
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('who delivers (§14): what every member keeps where it is, a path treats exactly as if it did not move it', () => {
    fc.assert(
      fc.property(
        members,
        seed,
        fc.subarray(poolable, { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(level, { minLength: 64, maxLength: 64 }),
        elsewhere,
        (codes, s, pooled, cut, levels, by) => {
          // every member keeps the first part of what samverkan pools (and what of it omfördelning transfers)
          const keptIds = pooled.slice(0, Math.max(1, Math.floor(cut * pooled.length)));
          const rest = (ids: string[]) => {
            const left = ids.filter((id) => !keptIds.includes(id));
            return left.length > 0 ? left : 'none';
          };
          const scenario = (delivered: Delivery) =>
            scenarioWith((sc) => {
              sc.members = codes;
              sc.seed = s;
              sc.paths.samverkan.pooled = delivered === 'own' ? rest(pooled) : pooled;
              sc.paths.asymmetrisk.provided = delivered === 'own' ? rest(pooled) : pooled;
              sc.paths.omfordelning.transferred = delivered === 'own' ? rest(transferable) : 'transferable';
              sc.capabilityMap = {
                members: Object.fromEntries(
                  codes.map((code) => [
                    code,
                    Object.fromEntries(keptIds.map((id, k) => [id, { level: levels[k], by: delivered }])),
                  ]),
                ),
              };
            });
          // kept where it is by everyone = not selected at all (with the same levels, assessed as held today)
          expect(everything(run(scenario(by)))).toEqual(everything(run(scenario('own'))));
        },
      ),
      { numRuns: 10 },
    );
  });

  it('who delivers (§14): when a member keeps capabilities where they are, no other member pays less on a contract path (the provider loses scale, β ≤ 1 in the catalogue)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...fyrbodal.members), { minLength: 3, maxLength: 4 }),
        seed,
        fc.subarray(poolable, { minLength: 1 }),
        fc.array(elsewhere, { minLength: 64, maxLength: 64 }),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        (codes, s, pooled, bys, keeps) => {
          const candidates = [...new Set([...pooled, ...transferable])];
          const scenario = (keeping: boolean) =>
            scenarioWith((sc) => {
              sc.members = codes;
              sc.seed = s;
              sc.paths.samverkan.pooled = pooled;
              sc.paths.asymmetrisk.provided = pooled;
              sc.capabilityMap = {
                members: {
                  [codes[0]]: Object.fromEntries(
                    candidates.map((id, k) => [id, { level: 2, by: keeping && keeps[k] ? bys[k] : 'own' }]),
                  ),
                },
              };
            });
          const [moving, keeping] = [run(scenario(false)), run(scenario(true))];
          for (const path of CONTRACT_PATHS)
            for (const code of codes.slice(1)) {
              const before = member(moving, path, code).horizonCost.mean;
              const after = member(keeping, path, code).horizonCost.mean;
              expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
            }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('who delivers (§14) changes nothing in status quo and the merger, nor where no contract path would move the capability', () => {
    fc.assert(
      fc.property(
        members,
        seed,
        fc.subarray(poolable, { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ member: fc.nat(3), id: fc.constantFrom(...catalogue.map((c) => c.id)), level }), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.array(elsewhere, { minLength: 80, maxLength: 80 }),
        (codes, s, pooled, cells, bys) => {
          const scenario = (delivered: (id: string, k: number) => Delivery) =>
            scenarioWith((sc) => {
              sc.members = codes;
              sc.seed = s;
              sc.paths.samverkan.pooled = pooled;
              sc.paths.asymmetrisk.provided = pooled;
              const map: NonNullable<Scenario['capabilityMap']>['members'] = {};
              cells.forEach((cell, k) => {
                const code = codes[cell.member % codes.length];
                map[code] ??= {};
                map[code][cell.id] = { level: cell.level, by: delivered(cell.id, k) };
              });
              sc.capabilityMap = { members: map };
            });
          const own = run(scenario(() => 'own'));
          const anywhere = run(scenario((_, k) => bys[k]));
          for (const path of ['status-quo', 'sammanlaggning'] as const)
            expect(anywhere.paths[path]).toEqual(own.paths[path]);
          // 'supplier' or 'collaboration' only where no contract path moves the capability: nothing changes
          const moved = new Set([...pooled, ...transferable]);
          const outside = run(scenario((id, k) => (moved.has(id) ? 'own' : bys[k])));
          expect(everything(outside)).toEqual(everything(own));
        },
      ),
      { numRuns: 8 },
    );
  });

  it('own figures override derived ones: an own IT cost sets the budget, more own IT staff never fewer robust capabilities', () => {
    const profiles = municipalities as unknown as Municipality[];
    fc.assert(
      fc.property(
        fc.constantFrom(...fyrbodal.members),
        seed,
        fc.integer({ min: 1_000_000, max: 400_000_000 }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (code, s, itCost, staff, more) => {
          const own = (extra: Partial<Municipality>) =>
            scenarioWith((sc) => {
              sc.members = [code];
              sc.seed = s;
              sc.profiles = [{ ...(profiles.find((m) => m.code === code) as Municipality), itCost, ...extra }];
            });
          const few = member(run(own({ itStaff: staff })), 'status-quo', code);
          const many = member(run(own({ itStaff: staff + more })), 'status-quo', code);
          expect(few.years[0].budget).toBe(itCost);
          few.years.forEach((y, t) => {
            expect(many.years[t].robustCoverage).toBeGreaterThanOrEqual(y.robustCoverage - 1e-12);
            expect(many.years[t].developmentCapacity).toBeGreaterThanOrEqual(y.developmentCapacity - 1e-9);
          });
        },
      ),
      { numRuns: 10 },
    );
  });

  it('names a capability id the catalogue does not have', () => {
    const scenario = scenarioWith((sc) => {
      sc.capabilityMap = { members: { [sc.members[0]]: { 'no-such-capability': { level: 2, by: 'own' } } } };
    });
    expect(() => model(scenario, catalogue)).toThrow(/capabilityMap\.members\.\d{4}\.no-such-capability/);
  });
});
