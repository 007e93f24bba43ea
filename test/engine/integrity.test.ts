import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Accumulator,
  ASSUMPTION_IDS,
  ASSUMPTIONS,
  type Assumption,
  type AssumptionId,
  BLOCK_RUNS,
  CAPABILITY_GROUPS,
  type ChunkResult,
  centralValue,
  loadModel,
  MEMBER_RUN_METRICS,
  MEMBER_YEAR_METRICS,
  PATH_IDS,
  type PathId,
  type PreparedModel,
  type Scenario,
  Simulator,
  TOTAL_METRICS,
} from '../../src/engine/index.js';
import { fixed, fyrbodal, model, municipalities, pert, readJson, scenarioWith } from '../helpers.js';

/**
 * Integrity of the paths against status quo (MODEL.md §7 and §8), checked on the raw per-run output of
 * the simulator: every number of every array of a ChunkResult, not summary means.
 */

/** The product's capability catalogue (≈55 capabilities), not the small test fixture. */
const catalogue = readJson('public/data/capabilities.json') as Record<string, unknown>[];

/** Monte Carlo runs per generated case, and generated cases per property. */
const RUNS = 20;
const CASES = 15;

type Overrides = Partial<Record<AssumptionId, Assumption>>;

const isAssumptionId = (id: string): id is AssumptionId => (ASSUMPTION_IDS as readonly string[]).includes(id);

/** The ids among `ids` that the engine still has (ids may be renamed or added by a rewrite), fixed at 0. */
const zeroed = (ids: string[]): Overrides => Object.fromEntries(ids.filter(isAssumptionId).map((id) => [id, fixed(0)]));

/** Transition, overhead and markup costs of a one-member arrangement (MODEL.md §7, second rule). */
const NO_ARRANGEMENT_COSTS = zeroed([
  'transitionShareShared',
  'transitionShareMerger',
  'migrationCostPerSystem',
  'governanceOverhead',
  'coordinationFte',
  'hostMarkup',
]);

/** A sensible range of an input: its default's support, or ±2 sd (normal) or a factor e^±2σ (lognormal). */
function rangeOf(d: Assumption): [number, number] | undefined {
  switch (d.dist) {
    case 'fixed':
      return undefined;
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [d.low, d.high];
    case 'normal':
      return [d.mean - 2 * d.sd, d.mean + 2 * d.sd];
    case 'lognormal':
      return [d.median * Math.exp(-2 * d.sigma), d.median * Math.exp(2 * d.sigma)];
  }
}

/** A fixed value or a narrow PERT (a twentieth of the range each side) within [low, high]. */
function overrideWithin(low: number, high: number): fc.Arbitrary<Assumption> {
  const width = (high - low) / 20;
  return fc.oneof(
    fc.double({ min: low, max: high, noNaN: true }).map(fixed),
    fc
      .double({ min: low + width, max: high - width, noNaN: true })
      .map((mode) => pert(mode - width, mode, mode + width)),
  );
}

/**
 * Any subset of the engine's uncertain inputs overridden within the range of its default, and within the
 * input's bounds where the engine declares them.
 */
const randomAssumptions = fc.record(
  Object.fromEntries(
    ASSUMPTIONS.flatMap((def) => {
      const range = rangeOf(def.default);
      if (!range) return [];
      const bounds = (def as { bounds?: { min: number; max: number } }).bounds;
      const low = Math.max(range[0], bounds?.min ?? Number.NEGATIVE_INFINITY);
      const high = Math.min(range[1], bounds?.max ?? Number.POSITIVE_INFINITY);
      return low < high ? [[def.id, overrideWithin(low, high)]] : [];
    }),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<Overrides>;

const allCodes = municipalities.map((m) => m.code);
const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
/** Members: a subset of the Fyrbodal default or up to eight of the 290 municipalities. */
const memberCodes = (minLength: number) =>
  fc.oneof(
    fc.subarray(fyrbodal.members, { minLength }),
    fc.uniqueArray(fc.constantFrom(...allCodes), { minLength, maxLength: 8 }),
  );
const oneMember = fc.oneof(fc.constantFrom(...fyrbodal.members), fc.constantFrom(...allCodes));

/** The default scenario with other members, seed and assumptions. */
const scenarioOf = (codes: string[], s: number, assumptions: Overrides, change?: (sc: Scenario) => void): Scenario =>
  scenarioWith((sc) => {
    sc.members = codes;
    sc.seed = s;
    sc.assumptions = assumptions;
    change?.(sc);
  });

const build = (scenario: Scenario): PreparedModel => model(scenario, catalogue);

/**
 * `runs` runs, each simulated as its own chunk at the start of a block, so that every array of a
 * ChunkResult — block and group sums included — holds the values of exactly one run.
 */
function simulateRuns(m: PreparedModel, runs = RUNS): ChunkResult[] {
  const simulator = new Simulator(m);
  return Array.from({ length: runs }, (_, k) => simulator.simulateChunk(k * BLOCK_RUNS, 1));
}

/** One number of a ChunkResult for a path, beside status quo's in the same place (0 for an NPV against it). */
interface Entry {
  array: 'totals' | 'memberRuns' | 'blockSums' | 'groupSums';
  metric: string;
  where: string;
  run: string;
  actual: number;
  reference: number;
  /** The size of the numbers it is computed from, where that exceeds the reference (an NPV of differences). */
  scale: number;
}

/**
 * Every number the chunk holds for path p, read with the layouts of simulate.ts:
 * totals [metric][path][year][run], memberRuns [metric][path][member][run],
 * blockSums [block][metric][path][member][year], groupSums [block][held|robust][path][member][group].
 */
function* entries(m: PreparedModel, chunk: ChunkResult, p: number): Generator<Entry> {
  const P = PATH_IDS.length;
  const T = m.years.length;
  const M = m.members.length;
  const G = CAPABILITY_GROUPS.length;
  const n = chunk.runCount;
  const blocks = Math.ceil(n / BLOCK_RUNS);
  const sizes = {
    totals: TOTAL_METRICS.length * P * T * n,
    memberRuns: MEMBER_RUN_METRICS.length * P * M * n,
    blockSums: blocks * MEMBER_YEAR_METRICS.length * P * M * T,
    groupSums: blocks * 2 * P * M * G,
  };
  for (const [array, size] of Object.entries(sizes)) {
    const length = chunk[array as keyof typeof sizes].length;
    if (length !== size) throw new Error(`${array} has ${length} numbers, the documented layout ${size}`);
  }
  const year = (t: number) => `year ${m.years[t]}`;
  const member = (i: number) => `member ${m.members[i].code} ${m.members[i].name}`;
  const run = (r: number) => `run ${chunk.runStart + r}`;
  const block = (b: number) => {
    const first = chunk.runStart + b * BLOCK_RUNS;
    const last = chunk.runStart + Math.min(n, (b + 1) * BLOCK_RUNS) - 1;
    return first === last ? `run ${first}` : `runs ${first}–${last} (summed)`;
  };
  for (const [k, metric] of TOTAL_METRICS.entries()) {
    for (let t = 0; t < T; t++) {
      for (let r = 0; r < n; r++) {
        const at = (path: number) => chunk.totals[((k * P + path) * T + t) * n + r];
        yield { array: 'totals', metric, where: year(t), run: run(r), actual: at(p), reference: at(0), scale: 0 };
      }
    }
  }
  const horizon = MEMBER_RUN_METRICS.indexOf('horizonCost' as (typeof MEMBER_RUN_METRICS)[number]);
  if (horizon < 0) throw new Error('MEMBER_RUN_METRICS has no horizonCost to scale the NPV difference by');
  for (const [k, metric] of MEMBER_RUN_METRICS.entries()) {
    // not an output but a split of the same cost: what a member pays its provider, by definition 0 without one
    if (metric === 'sharedPayment') continue;
    for (let i = 0; i < M; i++) {
      for (let r = 0; r < n; r++) {
        const at = (path: number) => chunk.memberRuns[((k * P + path) * M + i) * n + r];
        // status quo's difference against itself is 0 by definition; the difference is one of horizon costs
        const npv = metric === 'npvVsStatusQuo';
        const reference = npv ? 0 : at(0);
        const scale = npv ? Math.abs(chunk.memberRuns[(horizon * P * M + i) * n + r]) : 0;
        yield { array: 'memberRuns', metric, where: member(i), run: run(r), actual: at(p), reference, scale };
      }
    }
  }
  for (let b = 0; b < blocks; b++) {
    for (const [k, metric] of MEMBER_YEAR_METRICS.entries()) {
      for (let i = 0; i < M; i++) {
        for (let t = 0; t < T; t++) {
          const at = (path: number) =>
            chunk.blockSums[(((b * MEMBER_YEAR_METRICS.length + k) * P + path) * M + i) * T + t];
          yield {
            array: 'blockSums',
            metric,
            where: `${member(i)}, ${year(t)}`,
            run: block(b),
            actual: at(p),
            reference: at(0),
            scale: 0,
          };
        }
      }
    }
    for (const [h, metric] of ['held', 'robust'].entries()) {
      for (let i = 0; i < M; i++) {
        for (let g = 0; g < G; g++) {
          const at = (path: number) => chunk.groupSums[(((b * 2 + h) * P + path) * M + i) * G + g];
          yield {
            array: 'groupSums',
            metric,
            where: `${member(i)}, group ${CAPABILITY_GROUPS[g]}`,
            run: block(b),
            actual: at(p),
            reference: at(0),
            scale: 0,
          };
        }
      }
    }
  }
}

/**
 * Equal to rounding: |a − b| ≤ 1e-9 · max(1, |b|, scale), where scale is the size of the numbers a
 * difference is computed from (an NPV of ~1e8 SEK costs is 0 only to ~1e-8 SEK). NaN is never equal.
 */
const close = (a: number, b: number, scale = 0) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b), scale);
const equalsReference = (e: Entry) => close(e.actual, e.reference, e.scale);

/** The first number of path `path` that fails `ok`, described for a failure message; undefined if none. */
function firstFailure(m: PreparedModel, chunks: ChunkResult[], path: PathId, ok: (e: Entry) => boolean) {
  const p = PATH_IDS.indexOf(path);
  for (const chunk of chunks) {
    for (const e of entries(m, chunk, p)) {
      if (!ok(e)) {
        const reference =
          e.array === 'memberRuns' && e.metric === 'npvVsStatusQuo' ? '0 (by definition)' : 'status quo';
        return `${e.array}.${e.metric} of ${path}, ${e.where}, ${e.run}: ${e.actual} vs ${reference} ${e.reference}`;
      }
    }
  }
  return undefined;
}

/** The per-run values of one total metric of a path, year by year and run by run. */
function totalsOf(m: PreparedModel, chunks: ChunkResult[], path: PathId, metric: string): Entry[] {
  const p = PATH_IDS.indexOf(path);
  return chunks.flatMap((chunk) =>
    [...entries(m, chunk, p)].filter((e) => e.array === 'totals' && e.metric === metric),
  );
}

const shareNothing = (sc: Scenario) => {
  sc.paths.samverkan.pooled = 'none';
  sc.paths.asymmetrisk.provided = 'none';
  sc.paths.omfordelning.transferred = 'none';
};

describe('integrity of the paths against status quo (MODEL.md §7, §8)', () => {
  // §7: "An arrangement that shares nothing equals status quo: no coordination, governance or ordering
  // cost is charged for a function that does not exist." Default assumptions, overheads included.
  it.each(['samverkan', 'omfordelning', 'asymmetrisk'] as const)(
    '%s sharing nothing equals status quo in every output of every run',
    (path) => {
      let controlsDiffering = 0;
      fc.assert(
        fc.property(memberCodes(1), seed, (codes, s) => {
          const m = build(scenarioOf(codes, s, {}, shareNothing));
          expect(m.enabled[PATH_IDS.indexOf(path)]).toBe(true);
          expect(firstFailure(m, simulateRuns(m), path, equalsReference)).toBeUndefined();
          // non-vacuity: with the default selection the same scenario does differ from status quo
          const control = build(scenarioOf(codes, s, {}));
          if (firstFailure(control, simulateRuns(control, 2), path, equalsReference)) controlsDiffering++;
        }),
        { numRuns: CASES },
      );
      expect(controlsDiffering).toBeGreaterThan(0);
    },
  );

  // §7: "A collaboration, host arrangement or merger of a single municipality equals status quo when
  // transition, overhead and markup costs are zero." Every other input random.
  it.each(['samverkan', 'asymmetrisk', 'sammanlaggning'] as const)(
    'a one-member %s without transition, overhead and markup costs equals status quo in every output',
    (path) => {
      let controlsDiffering = 0;
      fc.assert(
        fc.property(oneMember, seed, randomAssumptions, (code, s, assumptions) => {
          const m = build(scenarioOf([code], s, { ...assumptions, ...NO_ARRANGEMENT_COSTS }));
          expect(m.enabled[PATH_IDS.indexOf(path)]).toBe(true);
          expect(firstFailure(m, simulateRuns(m), path, equalsReference)).toBeUndefined();
          // non-vacuity: with its default transition and overhead costs the arrangement does differ
          const control = build(scenarioOf([code], s, assumptions));
          if (firstFailure(control, simulateRuns(control, 2), path, equalsReference)) controlsDiffering++;
        }),
        { numRuns: CASES },
      );
      expect(controlsDiffering).toBeGreaterThan(0);
    },
  );

  // §7: "'Cheaper' means cheaper by more than a stated tolerance; a path equal to status quo is never
  // cheaper." The scenarios of the two rules above, summarised as simulateAll does.
  const ties = {
    'sharing nothing': {
      paths: ['samverkan', 'omfordelning', 'asymmetrisk'] as PathId[],
      params: fc.tuple(memberCodes(1), seed, fc.constant<Overrides>({})),
      scenario: (codes: string[], s: number, assumptions: Overrides) => scenarioOf(codes, s, assumptions, shareNothing),
    },
    'one member without arrangement costs': {
      paths: ['samverkan', 'asymmetrisk', 'sammanlaggning'] as PathId[],
      params: fc.tuple(
        oneMember.map((code) => [code]),
        seed,
        randomAssumptions,
      ),
      scenario: (codes: string[], s: number, assumptions: Overrides) =>
        scenarioOf(codes, s, { ...assumptions, ...NO_ARRANGEMENT_COSTS }),
    },
  };
  it.each(Object.keys(ties) as (keyof typeof ties)[])(
    'a path equal to status quo (%s) is never cheaper: probCheaper and every yearly probCheaper are 0',
    (name) => {
      const { paths, params, scenario } = ties[name];
      const tiesSeen = new Map(paths.map((path) => [path, 0]));
      fc.assert(
        fc.property(params, ([codes, s, assumptions]) => {
          const m = build(scenario(codes, s, assumptions));
          // simulateAll, keeping its chunk: runs 0 … RUNS − 1 in one chunk, summarised by the Accumulator
          const chunks = [new Simulator(m).simulateChunk(0, RUNS)];
          const accumulator = new Accumulator(m, RUNS);
          accumulator.add(chunks[0]);
          const results = accumulator.summarize();
          for (const path of paths) {
            const result = results.paths[path];
            expect(result.enabled).toBe(true);
            // the raw cost difference, to tell a rounding tie from a real difference in a failure
            const costs = totalsOf(m, chunks, path, 'totalCost');
            if (costs.every(equalsReference)) tiesSeen.set(path, (tiesSeen.get(path) ?? 0) + 1);
            const largest = Math.max(...costs.map((e) => Math.abs(e.actual - e.reference) / Math.abs(e.reference)));
            const context = `${path}: largest relative raw cost difference ${largest}`;
            expect(result.probCheaper, context).toBe(0);
            for (const y of result.years) expect(y.probCheaper, `${context}, year ${y.year}`).toBe(0);
          }
        }),
        { numRuns: CASES },
      );
      // non-vacuity: each path's raw costs did tie with status quo's in some case, so the rule was tested
      const untested = paths.filter((path) => tiesSeen.get(path) === 0);
      expect(untested, 'paths whose raw costs never equalled status quo in any case').toEqual([]);
    },
  );

  // §7: "Money that moves inside the coalition (a host's markup, cost shares) nets to zero in the
  // coalition's total"; §8: the markup is a transfer between members, visible per member.
  it("a host's markup changes what each member pays but not the coalition's total cost", () => {
    expect(isAssumptionId('hostMarkup')).toBe(true);
    fc.assert(
      fc.property(
        memberCodes(2),
        seed,
        randomAssumptions,
        fc.double({ min: 0.005, max: 0.3, noNaN: true }),
        (codes, s, assumptions, markup) => {
          const run = (value: number) => {
            const m = build(scenarioOf(codes, s, { ...assumptions, hostMarkup: fixed(value) }));
            return { m, chunks: simulateRuns(m) };
          };
          const withMarkup = run(markup);
          const atCost = run(0);
          expect(withMarkup.m.enabled[PATH_IDS.indexOf('asymmetrisk')]).toBe(true);
          const a = totalsOf(withMarkup.m, withMarkup.chunks, 'asymmetrisk', 'totalCost');
          const b = totalsOf(atCost.m, atCost.chunks, 'asymmetrisk', 'totalCost');
          const k = a.findIndex((e, j) => !close(e.actual, b[j].actual));
          const at = a[k];
          expect(
            k < 0 ? undefined : `${at.where}, ${at.run}: ${at.actual} with markup ${markup}, ${b[k].actual} at cost`,
          ).toBeUndefined();
          // non-vacuity: in every run some member pays more or earns something
          const p = PATH_IDS.indexOf('asymmetrisk');
          withMarkup.chunks.forEach((chunk, r) => {
            const memberCosts = (c: ChunkResult, m: PreparedModel) =>
              [...entries(m, c, p)].filter((e) => e.array === 'blockSums' && e.metric === 'totalCost');
            const x = memberCosts(chunk, withMarkup.m);
            const y = memberCosts(atCost.chunks[r], atCost.m);
            expect(
              x.some((e, j) => !close(e.actual, y[j].actual)),
              `run ${chunk.runStart}: no member's cost moved`,
            ).toBe(true);
          });
        },
      ),
      { numRuns: CASES },
    );
  });

  // §7: "Coverage cannot rise unless somebody pays for it: a capability bought from a provider counts as
  // held only as far as the member's budget pays its share, under the same rule as status quo." With no
  // IT budget at all, no path may hold more than status quo, for any member, year or key capability.
  it('without any IT budget no path covers more than status quo', () => {
    expect(isAssumptionId('budgetPerInhabitant')).toBe(true);
    // members whose profile states no IT cost of its own: their budget is budgetPerInhabitant · population
    const profiles = municipalities as { code: string; itCost?: number | null }[];
    const noOwnBudget = profiles.filter((x) => (x.itCost ?? null) === null).map((x) => x.code);
    const coverage = new Set(['coverage', 'robustCoverage', 'held', 'robust']);
    let sharing = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...noOwnBudget), { minLength: 1, maxLength: 8 }),
        seed,
        randomAssumptions,
        (codes, s, assumptions) => {
          const m = build(scenarioOf(codes, s, { ...assumptions, budgetPerInhabitant: fixed(0) }));
          const chunks = simulateRuns(m);
          for (const path of PATH_IDS.slice(1)) {
            expect(m.enabled[PATH_IDS.indexOf(path)]).toBe(true);
            const failure = firstFailure(
              m,
              chunks,
              path,
              (e) => !coverage.has(e.metric) || e.actual <= e.reference + 1e-9,
            );
            expect(failure).toBeUndefined();
          }
          const costs = (e: Entry) => e.metric !== 'totalCost' || equalsReference(e);
          if (PATH_IDS.slice(1).some((path) => firstFailure(m, chunks, path, costs))) sharing++;
        },
      ),
      { numRuns: CASES },
    );
    // non-vacuity: the arrangements were under way (their costs differ from status quo's) in some case
    expect(sharing).toBeGreaterThan(0);
  });

  // §7 ("every output … to rounding") read with §4: an arrangement's effect on coverage grows with its ramp
  // r(t) = t/R and may not jump at an arbitrary point of it. R puts r(t) just below and just above ½ in
  // year t; the mean scenario coverage (and robust coverage) of that year must differ by less than 0.02.
  it('coverage does not jump at any point of the ramp, on any contract path', () => {
    expect(isAssumptionId('rampUpYears')).toBe(true);
    const k = ASSUMPTION_IDS.indexOf('rampUpYears' as AssumptionId);
    const path = fc.constantFrom<PathId>('samverkan', 'asymmetrisk', 'omfordelning');
    // one half is where an earlier engine switched capabilities to the provider
    const point = fc.oneof(fc.constant(0.5), fc.double({ min: 0.05, max: 0.95, noNaN: true }));
    fc.assert(
      fc.property(
        memberCodes(2),
        seed,
        randomAssumptions,
        path,
        point,
        fc.constantFrom(1, 2),
        (codes, s, assumptions, id, q, t) => {
          // r(t) = t / rampUpYears just below and just above q (omfördelning's ramp starts without delay here)
          const at = (rampUpYears: number) => {
            const m = build(
              scenarioOf(codes, s, { ...assumptions, decisionDelay: fixed(0), rampUpYears: fixed(rampUpYears) }),
            );
            expect(m.enabled[PATH_IDS.indexOf(id)]).toBe(true);
            const chunks = simulateRuns(m);
            for (const chunk of chunks) expect(chunk.draws[k]).toBe(rampUpYears);
            const inYear = (metric: string) =>
              totalsOf(m, chunks, id, metric).filter((e) => e.where === `year ${m.years[t]}`);
            const running = inYear('totalCost').some((e) => !close(e.actual, e.reference));
            // the scenario's coverage is the mean over members of held/C: times M·C it counts capabilities
            const scale = m.members.length * m.capabilities.length;
            const counts = (metric: string) => inYear(metric).map((e) => e.actual * scale);
            return { coverage: counts('coverage'), robustCoverage: counts('robustCoverage'), running };
          };
          const below = at(t / (q * (1 - 1e-6)));
          const above = at(t / (q * (1 + 1e-6)));
          // non-vacuity: the arrangement is under way in that year
          expect(below.running && above.running).toBe(true);
          // a change of r by 1e-6 may move a capability that sits exactly at a threshold, never more than one
          const jumps = (['coverage', 'robustCoverage'] as const).flatMap((metric) =>
            below[metric]
              .map((b, run) => ({ run, b, a: above[metric][run] }))
              .filter(({ a, b }) => Math.abs(a - b) > 1 + 1e-6)
              .map(
                ({ run, a, b }) =>
                  `${id} ${metric} run ${run}: ${b} capabilities held just below r = ${q}, ${a} just above`,
              ),
          );
          expect(jumps).toEqual([]);
        },
      ),
      { numRuns: CASES },
    );
  });

  // §8: "a capability bought from a provider counts as held only as far as the member's budget pays its
  // share". A member that can just pay a sliver of its development share must not count the provider's
  // whole development team: coverage moves smoothly as its budget crosses the point where money is left.
  it('coverage grows smoothly with what a member pays: no whole provider team for a sliver of payment', () => {
    const central = Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, fixed(centralValue(a.default))])) as Overrides;
    const host = '1488'; // Trollhättan, the largest in Fyrbodal
    const small = fyrbodal.members.filter((code) => code !== host);
    const Y = (name: (typeof MEMBER_YEAR_METRICS)[number]) => MEMBER_YEAR_METRICS.indexOf(name);
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.constantFrom<PathId>('samverkan', 'asymmetrisk'), (code, id) => {
        const p = PATH_IDS.indexOf(id);
        /** The small member's final-year development capacity and held count on the path, at a given IT cost. */
        const at = (itCost: number) => {
          const data = municipalities.map((x) => (x.code === code ? { ...x, itCost } : x));
          const loaded = loadModel(scenarioOf([host, code], 1, central), data, catalogue);
          if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
          const m = loaded.value;
          const chunk = new Simulator(m).simulateChunk(0, 1);
          const M = m.members.length;
          const T = m.years.length;
          const i = m.members.findIndex((x) => x.code === code);
          const value = (metric: number) => chunk.blockSums[((metric * PATH_IDS.length + p) * M + i) * T + T - 1];
          return { devCap: value(Y('developmentCapacity')), held: value(Y('coverage')) * m.capabilities.length };
        };
        // bisect for the budget at which the member first has money left for development in the final year
        let lo = 0;
        let hi = 1e9;
        expect(at(lo).devCap).toBe(0);
        expect(at(hi).devCap).toBeGreaterThan(0);
        for (let k = 0; k < 60 && hi - lo > 1e-3; k++) {
          const mid = (lo + hi) / 2;
          if (at(mid).devCap > 0) hi = mid;
          else lo = mid;
        }
        const before = at(lo);
        const after = at(hi);
        expect(after.devCap).toBeLessThan(1e-6);
        // one capability may cross its threshold (the last one given up); a team bought with nothing may not
        expect(
          Math.abs(after.held - before.held),
          `${id}, ${code}: ${before.held} held, then ${after.held}`,
        ).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 6 },
    );
  });

  // §7 ("every output … in every run") needs outputs that are numbers: a wage cost of zero or below makes
  // every FTE free and divides by zero, so such a scenario is rejected, naming the field, not run into NaN.
  it('a wage cost of zero or below is rejected by validation, naming assumptions.wageCost', () => {
    expect(isAssumptionId('wageCost')).toBe(true);
    const nonPositive = fc.double({ min: -1e6, max: 0, noNaN: true });
    const positive = fc.double({ min: 1, max: 1e6, noNaN: true });
    const wageCost = fc.oneof(
      fc.constant(fixed(0)),
      nonPositive.map(fixed),
      fc.tuple(nonPositive, positive, positive).map(([low, a, b]) => pert(low, low + a, low + a + b)),
    );
    fc.assert(
      fc.property(memberCodes(1), seed, wageCost, (codes, s, wage) => {
        const result = loadModel(scenarioOf(codes, s, { wageCost: wage }), municipalities, catalogue);
        const detail = result.ok ? `accepted; ${nanCount(result.value)} NaN among one run's totals` : '';
        expect(result.ok, detail).toBe(false);
        if (!result.ok) {
          expect(result.issues.map((issue) => issue.path)).toContainEqual(
            expect.stringMatching(/(^|\.)assumptions\.wageCost(\.|$)/),
          );
        }
        // non-vacuity: the same scenario with its default wage cost is accepted
        expect(loadModel(scenarioOf(codes, s, {}), municipalities, catalogue).ok).toBe(true);
      }),
      { numRuns: CASES },
    );
  });
});

/** How many of one run's totals are NaN. */
const nanCount = (m: PreparedModel) => new Simulator(m).simulateChunk(0, 1).totals.filter(Number.isNaN).length;
