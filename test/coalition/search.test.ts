import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSTRAINTS, type Geography, type GroupConstraints } from '../../src/coalition/constraints.js';
import { CoalitionGame, type GroupOutcome, inThread } from '../../src/coalition/game.js';
import { type Evaluator, findCoalitions, PAUSE_EVERY } from '../../src/coalition/search.js';
import type { Capability, Municipality, Scenario } from '../../src/engine/index.js';
import { fyrbodal, municipalities, pert, scenarioWith, smallCatalogue } from '../helpers.js';

/**
 * The coalition finder (docs/model.md §16) against brute force: on up to eight kommuner every partition
 * is enumerated and the finder must return the best one.
 */

/** Every partition of the items (Bell number many; 4 140 for eight). */
function partitions(items: number[]): number[][][] {
  if (items.length === 0) return [[]];
  const [first, ...rest] = items;
  const out: number[][][] = [];
  for (const p of partitions(rest)) {
    out.push([[first], ...p]);
    p.forEach((_, k) => {
      out.push(p.map((g, j) => (j === k ? [first, ...g] : g)));
    });
  }
  return out;
}

const noGeography: Geography = { county: () => '14', neighbours: () => [] };

/** An evaluator over a table of group values: every run of a group gains the same. */
function tableEvaluator(values: (g: number[]) => number): Evaluator & { calls: number } {
  const evaluator = {
    calls: 0,
    async evaluate(groups: number[][], runs: number): Promise<GroupOutcome[]> {
      evaluator.calls += groups.length;
      return groups.map((g) => {
        const v = values(g);
        return {
          members: g,
          runs,
          forms: { samverkan: { gain: new Float64Array(runs).fill(v), meanGain: v, capacity: 0 } },
        };
      });
    },
  };
  return evaluator;
}

/** The value of a partition under the constraints, or −∞ where it breaks one. */
function bruteForceBest(n: number, values: (g: number[]) => number, rules: GroupConstraints, codes: string[]) {
  let best = -Infinity;
  for (const p of partitions([...Array(n).keys()])) {
    let v = 0;
    for (const g of p) {
      if (g.length === 1) {
        if (rules.mustJoin.includes(codes[g[0]])) v = -Infinity;
        continue;
      }
      if (g.length > rules.maxGroupSize || g.some((i) => rules.exclude.includes(codes[i]))) v = -Infinity;
      else v += values([...g].sort((a, b) => a - b));
    }
    best = Math.max(best, v);
  }
  return best;
}

const codes8 = fyrbodal.members.slice(0, 8);

const valueTable = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 256, maxLength: 256 });
const maskOf = (g: number[]) => g.reduce((m, i) => m | (1 << i), 0);

describe('the coalition finder (docs/model.md §16)', () => {
  it('finds the best partition of up to eight kommuner, as brute force does, under any constraints', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 8 }),
        valueTable,
        fc.integer({ min: 2, max: 8 }),
        fc.subarray(codes8, { maxLength: 2 }),
        fc.subarray(codes8, { maxLength: 2 }),
        async (n, table, maxGroupSize, mustJoin, exclude) => {
          const codes = codes8.slice(0, n);
          const rules: GroupConstraints = {
            ...DEFAULT_CONSTRAINTS,
            maxGroupSize,
            mustJoin: mustJoin.filter((c) => codes.includes(c) && !exclude.includes(c)),
            exclude: exclude.filter((c) => codes.includes(c)),
          };
          // superadditive-ish values would make the grand coalition win every time: use the table as is
          const values = (g: number[]) => table[maskOf(g)] * 1e6;
          const expected = bruteForceBest(n, values, rules, codes);
          const result = await findCoalitions(
            {
              codes,
              forms: ['samverkan'],
              constraints: rules,
              geography: noGeography,
              settings: { screeningRuns: 2, refineRuns: 2 },
            },
            tableEvaluator(values),
          );
          expect(result?.method).toBe('exhaustive');
          if (expected === -Infinity) return; // no grouping meets the constraints (e.g. one must join, all others excluded)
          expect(result?.groupings[0].meanGain).toBe(expected);
          // the grouping keeps the rules
          for (const g of result?.groupings[0].groups ?? []) {
            expect(g.members.length).toBeLessThanOrEqual(maxGroupSize);
            expect(g.members.some((c) => rules.exclude.includes(c))).toBe(false);
          }
          for (const c of rules.mustJoin) expect(result?.groupings[0].alone).not.toContain(c);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('searching heuristically returns a grouping that keeps the rules and beats both ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 8 }),
        valueTable,
        fc.integer({ min: 2, max: 8 }),
        async (n, table, max) => {
          const codes = codes8.slice(0, n);
          const rules: GroupConstraints = { ...DEFAULT_CONSTRAINTS, maxGroupSize: max };
          const values = (g: number[]) => table[maskOf(g)] * 1e6;
          const result = await findCoalitions(
            {
              codes,
              forms: ['samverkan'],
              constraints: rules,
              geography: noGeography,
              settings: { screeningRuns: 2, refineRuns: 2, exhaustiveLimit: 0 },
            },
            tableEvaluator(values),
          );
          expect(result?.method).toBe('heuristic');
          const best = result?.groupings[0];
          expect(best?.meanGain).toBeGreaterThanOrEqual(0); // everyone alone is always a candidate
          if (n <= max) expect(best?.meanGain).toBeGreaterThanOrEqual(values([...Array(n).keys()]));
          const seen = new Set<string>();
          for (const g of best?.groups ?? []) {
            expect(g.members.length).toBeLessThanOrEqual(max);
            for (const c of g.members) {
              expect(seen.has(c)).toBe(false);
              seen.add(c);
            }
          }
          expect(seen.size + (best?.alone.length ?? 0)).toBe(n);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps groups to neighbours: connected through borders between their own members', async () => {
    // a path 0–1–2–3–4: every group must be a run of consecutive kommuner
    const codes = codes8.slice(0, 5);
    const geography: Geography = {
      county: () => '14',
      neighbours: (c) => {
        const i = codes.indexOf(c);
        return [codes[i - 1], codes[i + 1]].filter((x): x is string => x !== undefined);
      },
    };
    const values = (g: number[]) => g.length * 1e6 - (g.includes(0) && g.includes(4) ? 0 : 1e5);
    const result = await findCoalitions(
      {
        codes,
        forms: ['samverkan'],
        constraints: { ...DEFAULT_CONSTRAINTS, neighbours: 'adjacent' },
        geography,
        settings: { screeningRuns: 2, refineRuns: 2 },
      },
      tableEvaluator(values),
    );
    expect(result?.allowedGroups).toBe(10); // runs of 2–5 consecutive kommuner: 4 + 3 + 2 + 1
    for (const grouping of result?.groupings ?? []) {
      for (const g of grouping.groups) {
        const idx = g.members.map((c) => codes.indexOf(c)).sort((a, b) => a - b);
        expect(idx[idx.length - 1] - idx[0]).toBe(idx.length - 1);
      }
    }
  });

  it('on simulated groups, finds the best grouping of five kommuner that brute force finds on the same runs', async () => {
    const capabilities = smallCatalogue as Capability[];
    const data = { municipalities: municipalities as Municipality[], capabilities };
    const scenario: Scenario = scenarioWith((s) => {
      s.members = ['1438', '1460', '1461', '1492', '1439'];
      s.assumptions = { realisationShared: pert(0.3, 0.6, 0.9) };
    });
    const game = new CoalitionGame(scenario, data);
    const runs = 20;
    const value = (g: number[]) => {
      const o = game.evaluate(g, runs);
      return Math.max(o.forms.samverkan?.meanGain ?? -Infinity, o.forms.asymmetrisk?.meanGain ?? -Infinity);
    };
    const expected = bruteForceBest(5, value, DEFAULT_CONSTRAINTS, scenario.members);
    const result = await findCoalitions(
      {
        codes: scenario.members,
        forms: ['samverkan', 'asymmetrisk'],
        constraints: DEFAULT_CONSTRAINTS,
        geography: noGeography,
        settings: { screeningRuns: runs, refineRuns: runs },
      },
      inThread(game),
    );
    // exact on the screening runs: the best screened value among the ranked groupings is brute force's best
    // (the ranking itself is on fresh runs)
    expect(Math.max(...(result?.groupings ?? []).map((g) => g.screenedGain))).toBeCloseTo(expected, 3);
  });

  it('ranks the runner-up exactly too (the k best groupings), so the lead is the true one', async () => {
    const codes = codes8.slice(0, 4);
    const table = new Map([
      ['0,1', 10],
      ['2,3', 10],
      ['0,2', 9.9],
      ['1,3', 9.9],
    ]);
    const values = (g: number[]) => (table.get(g.join(',')) ?? -100) * 1e6;
    const result = await findCoalitions(
      {
        codes,
        forms: ['samverkan'],
        constraints: DEFAULT_CONSTRAINTS,
        geography: noGeography,
        settings: { screeningRuns: 2, refineRuns: 2 },
      },
      tableEvaluator(values),
    );
    expect(result?.groupings[0].meanGain).toBeCloseTo(20e6, 0);
    expect(result?.groupings[1].meanGain).toBeCloseTo(19.8e6, 0);
    expect(result?.lead?.mean).toBeCloseTo(0.2e6, 0);
  });

  it('with more kommuner than its screening limit covers, still finds gaining groups and says it stopped', async () => {
    const codes = municipalities.slice(0, 60).map((m) => m.code);
    // pairs 2k, 2k+1 gain; every other group loses
    const values = (g: number[]) => (g.length === 2 && g[0] % 2 === 0 && g[1] === g[0] + 1 ? 10e6 : -1e6 * g.length);
    const result = await findCoalitions(
      {
        codes,
        forms: ['samverkan'],
        constraints: DEFAULT_CONSTRAINTS,
        geography: noGeography,
        settings: { screeningRuns: 2, refineRuns: 2 },
      },
      tableEvaluator(values),
    );
    expect(result?.method).toBe('heuristic');
    expect(result?.stoppedAtLimit).toBe(true);
    expect(result?.groupings[0].meanGain).toBeGreaterThan(0);
    expect(result?.screenedGroups).toBeLessThanOrEqual(1_500 + 1);
  });

  it('gives its caller a turn every PAUSE_EVERY subsets it counts or splits, with the same answer, and stops there when cancelled', async () => {
    // 18 kommuner in pairs only: 153 groups, so every subset is counted and split exactly (2 × 2^18)
    const codes = municipalities.slice(0, 18).map((m) => m.code);
    const values = (g: number[]) => ((g[0] * 7 + g[1] * 3) % 11) - 5;
    const input = {
      codes,
      forms: ['samverkan' as const],
      constraints: { ...DEFAULT_CONSTRAINTS, maxGroupSize: 2 },
      geography: noGeography,
      settings: { screeningRuns: 2, refineRuns: 2 },
    };
    const straight = await findCoalitions(input, tableEvaluator(values));
    let pauses = 0;
    const paced = await findCoalitions(input, tableEvaluator(values), {
      pause: async () => {
        pauses++;
      },
    });
    expect(paced?.method).toBe('exhaustive');
    expect(pauses).toBeGreaterThanOrEqual(2 * Math.floor((2 ** 18 - 1) / PAUSE_EVERY));
    expect(JSON.stringify(paced)).toBe(JSON.stringify(straight));
    // cancelled while counting, and while splitting (after every pause of the count)
    for (const at of [1, Math.floor((2 ** 18 - 1) / PAUSE_EVERY) + 5]) {
      let seen = 0;
      const cancelled = await findCoalitions(input, tableEvaluator(values), {
        pause: async () => {
          seen++;
        },
        cancelled: () => seen >= at,
      });
      expect(cancelled).toBeNull();
      expect(seen).toBe(at);
    }
  });

  it('returns no grouping when the constraints cannot be met', async () => {
    const codes = codes8.slice(0, 3);
    const result = await findCoalitions(
      {
        codes,
        forms: ['samverkan'],
        constraints: { ...DEFAULT_CONSTRAINTS, mustJoin: codes, maxGroupSize: 2 },
        geography: noGeography,
        settings: { screeningRuns: 2, refineRuns: 2 },
      },
      tableEvaluator(() => 1e6),
    );
    expect(result?.groupings).toEqual([]);
  });
});
