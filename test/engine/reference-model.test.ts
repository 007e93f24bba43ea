import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_IDS,
  ASSUMPTIONS,
  type Assumption,
  CAPABILITY_GROUPS,
  type Capability,
  type ChunkResult,
  MEMBER_RUN_METRICS,
  MEMBER_YEAR_METRICS,
  type Municipality,
  PATH_IDS,
  type PreparedModel,
  type Scenario,
  Simulator,
  TOTAL_METRICS,
} from '../../src/engine/index.js';
import { model, municipalities, readJson, scenarioWith, smallCatalogue } from '../helpers.js';
import { type MemberYear, type PathRun, type ReferenceRun, referenceRun } from './reference-model.js';

/**
 * The fast engine against the readable reference model written from docs/model.md (reference-model.ts).
 * Money, FTE and shares must agree to 1e−9 relative (scale max(1, |x|)); coverage and robust coverage
 * must be identical, compared as numbers of capabilities held (so that summing in another order does
 * not count as a difference, but one capability more or less does).
 */
const catalogue = readJson('public/data/capabilities.json') as Capability[];
const RUNS = 40;
const REL = 1e-9;

const profile = (code: string): Municipality =>
  structuredClone((municipalities as unknown as Municipality[]).find((m) => m.code === code) as Municipality);
const capability = (id: string): Capability => structuredClone(catalogue.find((c) => c.id === id) as Capability);

/** Map cells for one member: each listed capability at a level, delivered by `by` (docs/model.md §14). */
const cellsOf = (ids: string[], level: 0 | 1 | 2 | 3, by: 'own' | 'supplier' | 'collaboration') =>
  Object.fromEntries(ids.map((id) => [id, { level, by }]));
const poolableIds = catalogue.filter((c) => c.poolable).map((c) => c.id);
const transferableIds = catalogue.filter((c) => c.transferable).map((c) => c.id);

const cases: [string, Scenario, unknown?][] = [
  ['Fyrbodal', readJson('scenarios/fyrbodal.json') as Scenario],
  [
    'the example capability map: SML-IT keeps its operations in its collaboration, others keep bought services',
    readJson('scenarios/fyrbodal-formagekarta.json') as Scenario,
  ],
  [
    'who delivers (§14): a host that keeps some of what it provides, a member that moves nothing to samverkan, a capability nobody moves',
    scenarioWith((s) => {
      s.members = ['1460', '1438', '1439', '1484', '1461'];
      s.paths.asymmetrisk.host = '1484';
      const pooled = ['service-desk', 'hosting-operations', 'it-procurement', 'e-archive', 'innovation'];
      s.paths.samverkan.pooled = pooled;
      // a fixed exit of the member that moves nothing on samverkan: it has nothing to leave
      s.paths.samverkan.exit = { member: '1438', year: s.startYear + 2, strandedYears: 2 };
      s.paths.asymmetrisk.exit = { probability: 0.3, strandedYears: 2 };
      s.capabilityMap = {
        members: {
          // the host keeps half of what it provides (and a level-0 cell by a supplier: missing, not moved)
          '1484': {
            ...cellsOf(
              poolableIds.filter((_, k) => k % 2 === 0),
              2,
              'supplier',
            ),
            ...cellsOf(['security-operations'], 0, 'supplier'),
          },
          // keeps all that samverkan would pool: not in samverkan; a buyer of the rest from the host, where it
          // has a payment that a fixed exit from samverkan must not read
          '1438': cellsOf(pooled, 1, 'collaboration'),
          // keeps e-archive and half of the transferable ones, moves the rest; nobody else moves innovation
          '1439': {
            ...cellsOf(['e-archive', ...transferableIds.slice(0, 3)], 3, 'collaboration'),
            ...cellsOf(['service-desk'], 0, 'own'),
          },
          '1460': cellsOf(['innovation', 'e-archive'], 2, 'supplier'),
          '1461': cellsOf(['innovation', 'hosting-operations'], 1, 'supplier'),
        },
      };
      s.assumptions = { hostMarkup: { dist: 'pert', low: 0, mode: 0.05, high: 0.1, source: 'antagande: test' } };
    }),
  ],
  [
    'who delivers (§14): every member keeps all it would pool, the host alone moves what it provides',
    (() => {
      const s = readJson('scenarios/sml-it.json') as Scenario;
      const [host, ...buyers] = s.members;
      s.paths.asymmetrisk.host = host;
      s.capabilityMap = {
        members: {
          [host]: cellsOf(transferableIds, 2, 'collaboration'),
          ...Object.fromEntries(buyers.map((code) => [code, cellsOf(poolableIds, 2, 'supplier')])),
        },
      };
      return s;
    })(),
  ],
  ['Dalsland', readJson('scenarios/dalsland.json') as Scenario],
  ['Trestad', readJson('scenarios/trestad.json') as Scenario],
  ['SML-IT', readJson('scenarios/sml-it.json') as Scenario],
  [
    'exits: a fixed member leaves samverkan, a yearly probability on the host path',
    scenarioWith((s) => {
      s.paths.samverkan.exit = { member: '1460', year: s.startYear + 3, strandedYears: 3 };
      s.paths.asymmetrisk.exit = { probability: 0.3, strandedYears: 2 };
    }),
  ],
  [
    'exits: a yearly probability on samverkan, a fixed buyer leaves a host with a markup',
    (() => {
      const s = readJson('scenarios/sml-it.json') as Scenario;
      s.paths.samverkan.exit = { probability: 0.25, strandedYears: 4 };
      s.paths.asymmetrisk.exit = { member: '1427', year: s.startYear + 2, strandedYears: 1 };
      s.assumptions = {
        hostMarkup: { dist: 'pert', low: 0, mode: 0.04, high: 0.08, source: 'antagande: test' },
      };
      return s;
    })(),
  ],
  [
    'correlated inputs, a partial merger with a migration cost, omfördelning disabled',
    scenarioWith((s) => {
      s.correlations = [
        { a: 'wageGrowth', b: 'nonStaffPriceGrowth', rho: 0.6 },
        { a: 'realisationShared', b: 'realisationMerger', rho: 0.5 },
        { a: 'attrition', b: 'recruitment', rho: -0.4 },
      ];
      s.paths.sammanlaggning.members = s.members.slice(0, 5);
      s.paths.omfordelning.enabled = false;
      s.assumptions = {
        migrationCostPerSystem: { dist: 'pert', low: 50_000, mode: 150_000, high: 400_000, source: 'antagande: test' },
      };
    }),
  ],
  [
    'other selections: listed ids, transferable for the host, a small host path, gemensam nämnd, 15 years',
    scenarioWith((s) => {
      s.horizonYears = 15;
      s.paths.samverkan.form = 'gemensam-namnd';
      s.paths.samverkan.members = s.members.slice(3, 9);
      s.paths.samverkan.pooled = ['service-desk', 'hosting-operations', 'it-procurement', 'innovation', 'e-archive'];
      s.paths.omfordelning.transferred = ['network-operations', 'e-archive'];
      s.paths.asymmetrisk.provided = 'transferable';
      s.paths.asymmetrisk.members = s.members.slice(0, 4);
    }),
  ],
  [
    "'none' selections: every arrangement shares nothing",
    scenarioWith((s) => {
      s.paths.samverkan.pooled = 'none';
      s.paths.omfordelning.transferred = 'none';
      s.paths.asymmetrisk.provided = 'none';
      s.paths.samverkan.exit = { probability: 0.5, strandedYears: 3 };
    }),
  ],
  [
    'one member on every path',
    scenarioWith((s) => {
      s.members = ['1484'];
      s.paths.asymmetrisk.host = '1484';
      s.paths.samverkan.exit = { probability: 0.9, strandedYears: 3 };
    }),
  ],
  [
    'the small test catalogue (groups without capabilities), three members',
    scenarioWith((s) => {
      s.members = s.members.slice(0, 3);
      s.paths.asymmetrisk.exit = { probability: 0.4, strandedYears: 2 };
    }),
    smallCatalogue,
  ],
  [
    'clamped draws, a profile with its own IT cost, a fixed driver, a named host',
    scenarioWith((s) => {
      const src = 'antagande: test';
      s.members = ['1460', '1438', '1439', '1461', '1492', '1484'];
      s.paths.asymmetrisk.host = '1439';
      s.paths.asymmetrisk.exit = { probability: 0.2, strandedYears: 3 };
      s.assumptions = {
        legacyPenalty: { dist: 'normal', mean: 0.1, sd: 0.3, source: src },
        attrition: { dist: 'normal', mean: 0.1, sd: 0.3, source: src },
        recruitment: { dist: 'normal', mean: 0.6, sd: 0.4, source: src },
        realisationShared: { dist: 'normal', mean: 0.4, sd: 0.5, source: src },
        realisationMerger: { dist: 'normal', mean: 0.3, sd: 0.5, source: src },
        rampUpYears: { dist: 'normal', mean: 0.6, sd: 1, source: src },
        consolidationYears: { dist: 'normal', mean: 1, sd: 2, source: src },
        decisionDelay: { dist: 'normal', mean: 1, sd: 1.5, source: src },
        transitionShareShared: { dist: 'normal', mean: 0.2, sd: 0.2, source: src },
        transitionShareMerger: { dist: 'normal', mean: 0.2, sd: 0.2, source: src },
        governanceOverhead: { dist: 'normal', mean: 1, sd: 0.8, source: src },
        coordinationFte: { dist: 'normal', mean: 0.5, sd: 0.5, source: src },
        hostMarkup: { dist: 'normal', mean: 0.03, sd: 0.05, source: src },
        bodyMarkup: { dist: 'normal', mean: 0.1, sd: 0.1, source: src },
      };
      const ownBudget = profile('1438');
      ownBudget.itCost = 30_000_000;
      s.profiles = [ownBudget];
      const fixed = capability('it-leadership');
      fixed.driver = 'fixed';
      const flatLicences = capability('service-desk');
      flatLicences.nonStaffScale = 0.2;
      s.capabilities = [fixed, flatLicences];
    }),
  ],
];

/** The worst difference found for one kind of number, with where it was. */
interface Worst {
  diff: number;
  where: string;
  engine: number;
  reference: number;
  count: number;
}

/** Collects differences between the engine and the reference; reports the worst of each kind. */
class Differences {
  readonly worst = new Map<string, Worst>();

  private note(what: string, diff: number, where: string, engine: number, reference: number): void {
    const w = this.worst.get(what) ?? { diff: 0, where: '', engine: 0, reference: 0, count: 0 };
    w.count++;
    if (diff > w.diff || Number.isNaN(diff)) Object.assign(w, { diff, where, engine, reference });
    this.worst.set(what, w);
  }

  /** Money, FTE and shares: relative difference on the scale max(1, |reference|). */
  number(what: string, where: string, engine: number, reference: number): void {
    const diff = Math.abs(engine - reference) / Math.max(1, Math.abs(reference));
    if (!(diff <= REL)) this.note(what, Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff, where, engine, reference);
  }

  /** Coverage: the number of capabilities behind a share (share × capabilities) must be identical. */
  count(what: string, where: string, engine: number, reference: number, capabilities: number): void {
    const a = Math.round(engine * capabilities);
    const b = Math.round(reference * capabilities);
    if (a !== b || !Number.isFinite(engine)) this.note(what, Math.abs(a - b), where, a, b);
  }

  missing(what: string): void {
    this.note(what, Number.POSITIVE_INFINITY, 'the reference has no such output', Number.NaN, Number.NaN);
  }

  report(): string[] {
    return [...this.worst].map(
      ([what, w]) =>
        `${what}: ${w.count} differ; worst ${w.diff.toExponential(2)} at ${w.where}: engine ${w.engine}, reference ${w.reference}`,
    );
  }
}

const COVERAGE = new Set(['coverage', 'robustCoverage']);

function compare(m: PreparedModel, fast: ChunkResult, refs: ReferenceRun[]): string[] {
  const n = fast.runCount;
  const P = PATH_IDS.length;
  const T = m.years.length;
  const M = m.members.length;
  const C = m.capabilities.length;
  const G = CAPABILITY_GROUPS.length;
  const K = ASSUMPTION_IDS.length;
  const blocks = Math.ceil(n / 100);
  const d = new Differences();
  const memberName = (i: number) => `${m.members[i].name} (${i})`;
  const at = (r: number, p: number, rest: string) => `run ${r}, ${PATH_IDS[p]}, ${rest}`;

  // draws: [assumption][run]
  refs.forEach((ref, r) => {
    for (let k = 0; k < K; k++) d.number(`draws.${ASSUMPTION_IDS[k]}`, `run ${r}`, fast.draws[k * n + r], ref.draws[k]);
  });

  // totals: [metric][path][year][run]
  for (const name of TOTAL_METRICS) {
    const metric = TOTAL_METRICS.indexOf(name);
    if (!(name in refs[0].paths[0].totals[0])) {
      d.missing(`totals.${name}`);
      continue;
    }
    refs.forEach((ref, r) => {
      for (let p = 0; p < P; p++) {
        for (let t = 0; t < T; t++) {
          const totals = ref.paths[p].totals[t] as Record<string, number>;
          const engine = fast.totals[((metric * P + p) * T + t) * n + r];
          const where = at(r, p, `year ${m.years[t]}`);
          if (COVERAGE.has(name)) d.count(`totals.${name}`, where, engine, totals[name], M * C);
          else d.number(`totals.${name}`, where, engine, totals[name]);
        }
      }
    });
  }

  // memberRuns: [metric][path][member][run]
  for (const name of MEMBER_RUN_METRICS) {
    const metric = MEMBER_RUN_METRICS.indexOf(name);
    if (!(name in refs[0].paths[0])) {
      d.missing(`memberRuns.${name}`);
      continue;
    }
    refs.forEach((ref, r) => {
      for (let p = 0; p < P; p++) {
        const values = (ref.paths[p] as unknown as Record<string, number[]>)[name];
        for (let i = 0; i < M; i++) {
          const engine = fast.memberRuns[((metric * P + p) * M + i) * n + r];
          d.number(`memberRuns.${name}`, at(r, p, memberName(i)), engine, values[i]);
        }
      }
    });
  }

  // blockSums: [block][metric][path][member][year], sums over the runs of each block of 100
  const MY = MEMBER_YEAR_METRICS.length;
  for (const name of MEMBER_YEAR_METRICS) {
    const metric = MEMBER_YEAR_METRICS.indexOf(name);
    if (!(name in refs[0].paths[0].members[0][0])) {
      d.missing(`blockSums.${name}`);
      continue;
    }
    for (let b = 0; b < blocks; b++) {
      const inBlock = refs.slice(b * 100, (b + 1) * 100);
      for (let p = 0; p < P; p++) {
        for (let i = 0; i < M; i++) {
          for (let t = 0; t < T; t++) {
            let reference = 0;
            for (const ref of inBlock) reference += ref.paths[p].members[i][t][name as keyof MemberYear] as number;
            const engine = fast.blockSums[(((b * MY + metric) * P + p) * M + i) * T + t];
            const where = `block ${b}, ${PATH_IDS[p]}, ${memberName(i)}, year ${m.years[t]}`;
            if (COVERAGE.has(name)) d.count(`blockSums.${name}`, where, engine, reference, C);
            else d.number(`blockSums.${name}`, where, engine, reference);
          }
        }
      }
    }
  }
  // groupSums: [block][held|robust][path][member][group], final-year group coverage summed per block
  const groupSize = CAPABILITY_GROUPS.map((g) => m.capabilities.filter((c) => c.group === g).length);
  for (let b = 0; b < blocks; b++) {
    const inBlock = refs.slice(b * 100, (b + 1) * 100);
    for (const [h, label] of ['held', 'robust'].entries()) {
      for (let p = 0; p < P; p++) {
        for (let i = 0; i < M; i++) {
          for (let g = 0; g < G; g++) {
            let reference = 0;
            for (const ref of inBlock) {
              const path: PathRun = ref.paths[p];
              reference += (h === 0 ? path.groupHeld : path.groupRobust)[i][g];
            }
            const engine = fast.groupSums[(((b * 2 + h) * P + p) * M + i) * G + g];
            const where = `block ${b}, ${PATH_IDS[p]}, ${memberName(i)}, ${CAPABILITY_GROUPS[g]}`;
            d.count(`groupSums.${label}`, where, engine, reference, Math.max(1, groupSize[g]));
          }
        }
      }
    }
  }
  return d.report();
}

describe('the engine equals the reference model of docs/model.md', () => {
  for (const [name, scenario, capabilities = catalogue] of cases) {
    it(name, () => {
      const m = model({ ...scenario, runs: RUNS }, capabilities);
      const fast = new Simulator(m).simulateChunk(0, RUNS);
      const refs = Array.from({ length: RUNS }, (_, r) => referenceRun(m, r));
      expect(compare(m, fast, refs)).toEqual([]);
    });
  }

  it('on generated scenarios: members, selections, forms, hosts, exits, assumptions, capability maps and own staff', () => {
    const codes = municipalities.map((x) => x.code);
    const poolable = catalogue.filter((c) => c.poolable).map((c) => c.id);
    const transferable = catalogue.filter((c) => c.transferable).map((c) => c.id);
    const selection = (ids: string[]) =>
      fc.oneof(fc.constant('none' as const), fc.constant('poolable' as const), fc.subarray(ids, { minLength: 1 }));
    /** Each input's default, or a PERT drawn inside its default's range (so inside its bounds). */
    const assumption = (a: (typeof ASSUMPTIONS)[number]): fc.Arbitrary<Assumption | undefined> => {
      const d = a.default;
      if (d.dist !== 'pert' && d.dist !== 'triangular') return fc.constant(undefined);
      const { low, high } = d;
      return fc.option(
        fc
          .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([x, y]) => {
            const [a0, b0] = x < y ? [x, y] : [y, x];
            const lo = low + a0 * (high - low);
            const hi = Math.max(low + b0 * (high - low), lo + 1e-6 * (high - low + 1));
            return { dist: 'pert' as const, low: lo, mode: (lo + hi) / 2, high: hi, source: 'antagande: test' };
          }),
        { nil: undefined },
      );
    };
    const assumptions = fc.record(
      Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, assumption(a)])) as Record<
        string,
        fc.Arbitrary<Assumption | undefined>
      >,
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        selection(poolable),
        selection(poolable),
        fc.oneof(fc.constant('transferable' as const), fc.subarray(transferable, { minLength: 1 })),
        fc.constantFrom('avtalssamverkan', 'gemensam-namnd', 'kommunalforbund', 'bolag'),
        fc.boolean(),
        fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
        assumptions,
        // a capability map over some cells of some members (docs/model.md §14), and own IT staff figures
        fc.option(
          fc.array(
            fc.record({
              member: fc.nat(5),
              capability: fc.constantFrom(...catalogue.map((c) => c.id)),
              level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
              // who delivers: mostly own staff, sometimes a supplier or an existing collaboration (§14)
              by: fc.constantFrom('own' as const, 'own' as const, 'supplier' as const, 'collaboration' as const),
            }),
            { maxLength: 60 },
          ),
          { nil: undefined },
        ),
        fc.option(fc.double({ min: 0, max: 80, noNaN: true }), { nil: undefined }),
        (members, seed, pooled, provided, transferred, form, namedHost, exitProbability, overrides, cells, staff) => {
          const scenario = scenarioWith((s) => {
            s.members = members;
            s.seed = seed;
            s.horizonYears = 8;
            s.paths.samverkan.pooled = pooled;
            s.paths.samverkan.form = form as Scenario['paths']['samverkan']['form'];
            s.paths.asymmetrisk.provided = provided;
            s.paths.omfordelning.transferred = transferred;
            if (namedHost) s.paths.asymmetrisk.host = members[members.length - 1];
            if (exitProbability !== undefined) {
              s.paths.samverkan.exit = { probability: exitProbability, strandedYears: 2 };
              s.paths.asymmetrisk.exit = { probability: exitProbability, strandedYears: 3 };
            }
            s.assumptions = Object.fromEntries(
              Object.entries(overrides).filter(([, a]) => a !== undefined),
            ) as Scenario['assumptions'];
            if (cells) {
              const map: NonNullable<Scenario['capabilityMap']>['members'] = {};
              for (const cell of cells) {
                const code = members[cell.member % members.length];
                map[code] ??= {};
                map[code][cell.capability] = { level: cell.level, by: cell.by };
              }
              s.capabilityMap = { members: map };
            }
            if (staff !== undefined) {
              s.profiles = [{ ...profile(members[0]), itStaff: staff }];
            }
          });
          const runs = 6;
          const m = model({ ...scenario, runs }, catalogue);
          const fast = new Simulator(m).simulateChunk(0, runs);
          const refs = Array.from({ length: runs }, (_, r) => referenceRun(m, r));
          expect(compare(m, fast, refs)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
