import { ASSUMPTION_IDS, type AssumptionId, HOST_ADMINISTRATION } from './assumptions.js';
import { correlatePinned, correlateUniforms, type PinnedCopula, pinnedCopula } from './copula.js';
import { DRIVER, KIND, type PreparedModel } from './model.js';
import { runStream } from './rng.js';
import { CAPABILITY_GROUPS, PATH_IDS } from './schema.js';
import { ScrambledSobol } from './sobol.js';
import { drain } from './steps.js';

/**
 * With `sampling: 'rqmc'`: independent scrambles of the Sobol sequence, interleaved run by run (run i is
 * point ⌊i/R⌋ of scramble i mod R); a divisor of BLOCK_RUNS, so every checkpoint holds as many points of each.
 */
export const RQMC_REPLICATES = 10;

/** Runs per block: the unit in which per-municipality means are summed, so sums never depend on chunking. */
export const BLOCK_RUNS = 100;

/** Size (in FTE) at which an IT unit has overcome half of a small unit's recruitment handicap (antagande). */
export const RECRUITMENT_HALF_SIZE = 30;

/** Per path × year × run: totals over all members. */
export const TOTAL_METRICS = [
  'totalCost',
  'developmentCapacity',
  'capacityGap',
  'coverage',
  'robustCoverage',
  'driftShare',
  'transitionCost',
  'budget',
  'developmentDemand',
  'population',
] as const;
/** Per path × member × run: one number per run and municipality. */
export const MEMBER_RUN_METRICS = [
  'horizonCost',
  'npvVsStatusQuo',
  'finalDevelopmentCapacity',
  'finalCapacityGap',
  /**
   * Present value of the member's part of the arrangement's joint cost under the model's own allocation (by
   * volume): r·(1 + μ_i)·Σ_{c∈K_i} π_ic plus its governance, a host minus its markup income. What a
   * cost-sharing key re-divides (docs/model.md §16); the unrealised part of the member's own former cost,
   * e_ic − π_ic, stays its own. 0 on status quo, outside the arrangement and after an exit.
   */
  'sharedPayment',
] as const;
/** Per path × member × year: summed per block (for means only). */
export const MEMBER_YEAR_METRICS = [
  'totalCost',
  'developmentCapacity',
  'capacityGap',
  'coverage',
  'robustCoverage',
  'driftShare',
  'budget',
] as const;

export type TotalMetric = (typeof TOTAL_METRICS)[number];
export type MemberRunMetric = (typeof MEMBER_RUN_METRICS)[number];
export type MemberYearMetric = (typeof MEMBER_YEAR_METRICS)[number];

/** Index of each metric in its list, so that the code names metrics instead of numbering them. */
const indexOf = <T extends string>(list: readonly T[]) =>
  Object.fromEntries(list.map((name, i) => [name, i])) as Record<T, number>;
const TOT = indexOf(TOTAL_METRICS);
const RUN = indexOf(MEMBER_RUN_METRICS);
const Y = indexOf(MEMBER_YEAR_METRICS);

const P = PATH_IDS.length;
const G = CAPABILITY_GROUPS.length;
const TM = TOTAL_METRICS.length;
const MR = MEMBER_RUN_METRICS.length;
const MY = MEMBER_YEAR_METRICS.length;
const K = ASSUMPTION_IDS.length;
const A = indexOf(ASSUMPTION_IDS) as Record<AssumptionId, number>;
/**
 * The uniform u at which a quantile function reaches x (its CDF at x), by bisection: 60 halvings, so
 * within 1e-18 of the smallest such u. Quantile functions are non-decreasing.
 */
function cdfOf(quantile: (u: number) => number, x: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (quantile(mid) < x) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The draw that shifts each kind's β position, indexed by KIND. */
const KIND_SHIFT = [A.scaleShiftDrift, A.scaleShiftGovernance, A.scaleShiftDevelopment];

/** Status quo sums per member-year (docs/model.md §4–§5). */
const SQ_COST = 0;
const SQ_HOLDING = 1;
const SQ_DRIFT = 2;
const SQ_DEMAND = 3;
/** FTE of the operations and governance capabilities: the staff a unit employs to hold the engine (§7). */
const SQ_STAFF = 4;
const SQ = 5;

/** Below this, a capability's FTE counts as reaching its minimum staffing (rounding only). */
const HELD_TOLERANCE = 1e-12;

/** What `blendMember` sums over the shared capabilities: differences from status quo, and totals. */
const B_COST = 0;
const B_HOLDING = 1;
const B_DRIFT = 2;
const B_DEMAND = 3;
const B_STAFF = 4;
const B_PROVIDER = 5;
const B_PROVIDER_PAY = 6;
const B_SIZE = 7;

/**
 * The raw output of a contiguous range of runs. Arrays are flat and run-minor, so that chunks are
 * concatenated by copying and can be transferred between threads without copying.
 */
export interface ChunkResult {
  runStart: number;
  runCount: number;
  /** [metric][path][year][run] */
  totals: Float64Array;
  /** [metric][path][member][run] */
  memberRuns: Float64Array;
  /** [block][metric][path][member][year]: sums over the runs of each block. */
  blockSums: Float64Array;
  /** [block][held|robust][path][member][group]: final-year coverage per group, summed per block. */
  groupSums: Float64Array;
  /** [assumption][run]: the value each uncertain input took. */
  draws: Float64Array;
}

/** The shape of one scenario's result arrays. */
export interface Layout {
  paths: number;
  years: number;
  members: number;
  groups: number;
}

export const layoutOf = (model: PreparedModel): Layout => ({
  paths: P,
  years: model.years.length,
  members: model.members.length,
  groups: G,
});

const clamp01 = (x: number) => (x < 0 ? 0 : Math.min(x, 1));

/**
 * What one member moves to a path's provider, K_i ⊆ K (docs/model.md §5.1, §14), and the lists the hot
 * loops read: the same object for every member that moves all of K.
 */
interface MemberMask {
  capabilities: Uint8Array;
  /** The indices of `capabilities`, and of its operations/governance and its development capabilities. */
  index: Int32Array;
  nonDev: Int32Array;
  dev: Int32Array;
  /** Operations/governance and development capabilities the member holds itself (outside the mask). */
  localNonDev: Int32Array;
  localDev: Int32Array;
  /** Per group: operations and governance capabilities in the mask. */
  nonDevCount: Float64Array;
  /** Whether the member moves less than the path's K (the map keeps some of K where it is). */
  partial: boolean;
}

/**
 * Members of an arrangement that move the same capabilities: the provider serves those capabilities at
 * the sum of these members' volumes (one cohort, all of A, unless the capability map keeps some where
 * they are; §14).
 */
interface Cohort {
  members: Uint8Array;
  capabilities: Int32Array;
}

/** How an arrangement other than status quo is set up in one run (docs/model.md §5.1). */
interface PathSpec {
  /** A: the members that move something (and a host while anyone does). */
  members: Uint8Array;
  /** K: what at least one member moves. */
  capabilities: Uint8Array;
  /** The indices of `capabilities`, and of its operations/governance and its development capabilities. */
  maskIndex: Int32Array;
  maskNonDev: Int32Array;
  maskDev: Int32Array;
  /** Per member: K_i, what it moves (§14). */
  memberMasks: MemberMask[];
  /** The provider's volume cohorts, and per capability its slot in the volume and share arrays (cohort·4 + driver). */
  cohorts: Cohort[];
  slot: Int32Array;
  /** An arrangement exists only if it shares something. */
  anyShared: boolean;
  merged: boolean;
  /** Provider volume multiple (a regional body serves more than the members). */
  volumeFactor: number;
  realisation: number;
  ramp: Float64Array;
  transition: Float64Array;
  transitionShare: number;
  /** Governance cost per member as a share of its part of the provider's cost (joint body, or a host's administration for buyers). */
  governanceShare: Float64Array;
  /** Who pays an ordering function, and from which year index. */
  orderingPayers: Uint8Array;
  orderingFrom: number;
  /** Price factor above cost on the member's part of the provider (markup), per member. */
  markup: Float64Array;
  /** Member index of a host that earns the markup and serves itself first, or −1. */
  host: number;
}

/**
 * Runs the Monte Carlo model of docs/model.md §3–§9. One instance holds the scratch memory for one
 * thread; `simulateChunk` fills a ChunkResult for runs [runStart, runStart + runCount). Pure: no DOM,
 * no I/O, no globals. test/engine/reference-model.ts computes the same from the document, plainly.
 */
export class Simulator {
  private readonly m: PreparedModel;
  private readonly T: number;
  private readonly M: number;
  private readonly C: number;
  private readonly draw = new Float64Array(K);
  private readonly uniforms = new Float64Array(K);
  private readonly copulaScratch = new Float64Array(K);
  private readonly beta: Float64Array;
  private readonly gamma: Float64Array;
  private readonly wage: Float64Array;
  private readonly priceIndex: Float64Array;
  private readonly demand: Float64Array;
  private readonly discount: Float64Array;
  private readonly pop: Float64Array;
  private readonly users: Float64Array;
  private readonly budget: Float64Array;
  private readonly legacyFactor: Float64Array;
  /** [member][year][capability]: own FTE n and own cost k (§4). */
  private readonly sqFte: Float64Array;
  private readonly sqCost: Float64Array;
  /**
   * [member][year][slot]: the member's share of the current provider's volume, per slot = cohort·4 + driver
   * (one cohort unless the capability map keeps capabilities where they are; §14). 0 outside the cohort.
   */
  private readonly shareD: Float64Array;
  /** Slots per member-year in shareD and per year in provVol: 4 × the most cohorts of any path. */
  private readonly slots: number;
  /** [year][capability]: the current provider's FTE, non-staff cost and cost. */
  private readonly provFte: Float64Array;
  private readonly provNs: Float64Array;
  private readonly provCost: Float64Array;
  /** [year][slot]: the current provider's volume. */
  private readonly provVol: Float64Array;
  /** Per member: own cost in the start year of the shared capabilities, and of all capabilities. */
  private readonly sharedCost0: Float64Array;
  private readonly totalCost0: Float64Array;
  private readonly phiStar: Float64Array;
  /** [member][year][SQ_*]: status quo sums. */
  private readonly sqSum: Float64Array;
  /** Per capability: a member's need in the current year, and its growth factor per year (memberNeeds). */
  private readonly workNow: Float64Array;
  private readonly otherNow: Float64Array;
  private readonly workStep: Float64Array;
  private readonly otherStep: Float64Array;
  /** [member][capability] of the current path-year: x (cost) and ε (provider staff for the member's part). */
  private readonly memberCost: Float64Array;
  private readonly memberEps: Float64Array;
  /**
   * Per member: how many capabilities of `shortfallOrder` it gave up this year (a shortfall gives up a
   * prefix of that order); capability c is given up when 0 ≤ rank[c] < given[i].
   */
  private readonly given: Int32Array;
  private readonly rank: Int32Array;
  /** [member][year][group]: status quo FTE of the operations and governance capabilities per group. */
  private readonly sqGroupFte: Float64Array;
  /** Per group: operations and governance capabilities. */
  private readonly nonDevCount = new Float64Array(G);
  /** Per member, current path-year: holding cost, drift cost, development demand, staff (§7), κ, own φ, provider φ seen. */
  private readonly holdingNow: Float64Array;
  private readonly driftNow: Float64Array;
  private readonly demandNow: Float64Array;
  private readonly staffNow: Float64Array;
  private readonly kappa: Float64Array;
  private readonly localPhi: Float64Array;
  /** Per member: part of the provider's cost this year (r·Σπ), and what it paid for shared provision. */
  private readonly providerPart: Float64Array;
  private readonly payment: Float64Array;
  /** [path][member] of the current run: present value of the shared payment (RUN.sharedPayment). */
  private readonly sharedPv: Float64Array;
  /** Per capability: the provider's staff as paid by its members (P_c), and if all paid in full (E_c). */
  private readonly fullStaff: Float64Array;
  /** Per capability: a merged municipality's figures. */
  private readonly paidStaff: Float64Array;
  private readonly mergedCost: Float64Array;
  private readonly mergedFte: Float64Array;
  private readonly mergedX: Float64Array;
  private readonly mergedY: Float64Array;
  private readonly retired: Float64Array;
  /** Per group, with the ramp complete: shared operations/governance capabilities the provider holds, and their staff. */
  private readonly providerHeldG = new Float64Array(G);
  private readonly providerStaffG = new Float64Array(G);
  private readonly noMask: Uint8Array;
  /** Per member: 1 while it takes part in the current path-year. */
  private readonly present: Uint8Array;
  /** What `blendMember` sums for one member-year. */
  private readonly blendSums = new Float64Array(B_SIZE);
  /** Per group: held count and team FTE of one member-year. */
  private readonly heldG = new Float64Array(G);
  private readonly teamG = new Float64Array(G);
  /**
   * Per group, of one member-year: held capabilities whose robustness the capability map states — level 1
   * (never robust) and level 2–3 (always robust) — counted in heldG too (§14).
   */
  private readonly fragileG = new Float64Array(G);
  private readonly sturdyG = new Float64Array(G);
  /** Per member: the capabilities the capability map assesses (§14). */
  private readonly assessed: Int32Array[];
  /**
   * [path][member]: the operations and governance capabilities the path would newly buy for the member —
   * moved to its provider, and missing by the map — in shortfall order; a shortfall gives them up first
   * (§14). [path][member × capability]: a capability's place in that list, or −1.
   */
  private readonly newBuys: Int32Array[][];
  private readonly newRank: Int32Array[];
  /** Per member, this path-year: how many of its new buys a shortfall gave up (a prefix of its list). */
  private readonly givenNew: Int32Array;
  /**
   * A merged municipality's new buys: operations and governance capabilities that every member of the
   * merger that assessed them says are missing (at least one did), in shortfall order; given up first (§14).
   */
  private readonly mergedNewBuys: Int32Array;
  private readonly isMergedNewBuy: Uint8Array;
  private readonly mergedNewRank: Int32Array;
  /** Per member: the size of its IT unit at the start (its own staff figure, or its holding FTE; §7). */
  private readonly unitSize0: Float64Array;
  /** [path][member][year][metric] of the current run. */
  private readonly out: Float64Array;
  /** [path][member][held|robust][group] of the current run's final year. */
  private readonly groups: Float64Array;
  /** [path][year][metric] of the current run. */
  private readonly tot: Float64Array;
  private readonly specs: PathSpec[];
  /** Per year: the uniforms that decide a probabilistic member exit (drawn every run, used when configured). */
  private readonly exitDraws: Float64Array;
  /**
   * Inputs held at a fixed value in every run (threshold search, docs/model.md §13): index and value.
   * Every uniform is still drawn, so all other inputs take exactly the values they take unpinned.
   */
  private pinned: [number, number][] = [];
  /** When a pinned input is correlated with others: the copula conditional on it (docs/model.md §13). */
  private pinnedCopula: PinnedCopula | null = null;
  /** With `sampling: 'rqmc'`: the inputs' uniforms of run i are point i of a scrambled Sobol sequence. */
  private readonly points: ScrambledSobol | null;

  constructor(model: PreparedModel) {
    this.m = model;
    this.points =
      model.scenario.sampling === 'rqmc' ? new ScrambledSobol(model.scenario.seed, K, RQMC_REPLICATES) : null;
    const T = model.years.length;
    const M = model.members.length;
    const C = model.capabilities.length;
    this.T = T;
    this.M = M;
    this.C = C;
    this.beta = new Float64Array(C);
    this.gamma = new Float64Array(C);
    this.wage = new Float64Array(T);
    this.priceIndex = new Float64Array(T);
    this.demand = new Float64Array(T);
    this.discount = new Float64Array(T);
    this.pop = new Float64Array(M * T);
    this.users = new Float64Array(M * T);
    this.budget = new Float64Array(M * T);
    this.legacyFactor = new Float64Array(M);
    this.sqFte = new Float64Array(M * T * C);
    this.sqCost = new Float64Array(M * T * C);
    this.provFte = new Float64Array(T * C);
    this.provNs = new Float64Array(T * C);
    this.provCost = new Float64Array(T * C);
    this.sharedCost0 = new Float64Array(M);
    this.totalCost0 = new Float64Array(M);
    this.phiStar = new Float64Array(M);
    this.unitSize0 = new Float64Array(M);
    this.assessed = Array.from({ length: M }, (_, i) => {
      const cells: number[] = [];
      for (let c = 0; c < C; c++) if (model.mapLevel[i * C + c] >= 0) cells.push(c);
      return Int32Array.from(cells);
    });
    this.sqSum = new Float64Array(M * T * SQ);
    this.workNow = new Float64Array(C);
    this.otherNow = new Float64Array(C);
    this.workStep = new Float64Array(C);
    this.otherStep = new Float64Array(C);
    this.memberCost = new Float64Array(M * C);
    this.memberEps = new Float64Array(M * C);
    this.given = new Int32Array(M);
    this.present = new Uint8Array(M);
    this.noMask = new Uint8Array(C);
    this.rank = new Int32Array(C).fill(-1);
    model.shortfallOrder.forEach((c, k) => {
      this.rank[c] = k;
    });
    this.sqGroupFte = new Float64Array(M * T * G);
    for (let c = 0; c < C; c++) if (model.kind[c] !== KIND.utveckling) this.nonDevCount[model.group[c]]++;
    this.holdingNow = new Float64Array(M);
    this.driftNow = new Float64Array(M);
    this.demandNow = new Float64Array(M);
    this.staffNow = new Float64Array(M);
    this.kappa = new Float64Array(M);
    this.localPhi = new Float64Array(M);
    this.providerPart = new Float64Array(M);
    this.payment = new Float64Array(M);
    this.sharedPv = new Float64Array(P * M);
    this.paidStaff = new Float64Array(C);
    this.fullStaff = new Float64Array(C);
    this.mergedCost = new Float64Array(C);
    this.mergedFte = new Float64Array(C);
    this.mergedX = new Float64Array(C);
    this.mergedY = new Float64Array(C);
    this.retired = new Float64Array(T);
    this.out = new Float64Array(P * M * T * MY);
    this.groups = new Float64Array(P * M * 2 * G);
    this.tot = new Float64Array(P * T * TM);
    this.exitDraws = new Float64Array(2 * T);
    const none = new Uint8Array(C);
    const all = new Uint8Array(C).fill(1);
    const allMembers = new Uint8Array(M).fill(1);
    const isDev = (c: number) => model.kind[c] === KIND.utveckling;
    const maskOf = (capabilities: Uint8Array, partial: boolean): MemberMask => {
      const index = Int32Array.from(Array.from(capabilities).flatMap((x, c) => (x ? [c] : [])));
      const nonDevCount = new Float64Array(G);
      for (const c of index) if (!isDev(c)) nonDevCount[model.group[c]]++;
      const local = Int32Array.from({ length: C }, (_, c) => c).filter((c) => !capabilities[c]);
      return {
        capabilities,
        index,
        nonDev: index.filter((c) => !isDev(c)),
        dev: index.filter(isDev),
        localNonDev: local.filter((c) => !isDev(c)),
        localDev: local.filter(isDev),
        nonDevCount,
        partial,
      };
    };
    const spec = (over: Partial<PathSpec>): PathSpec => {
      const capabilities = over.capabilities ?? none;
      const members = over.members ?? allMembers;
      const mask = maskOf(capabilities, false);
      return {
        members,
        capabilities,
        maskIndex: mask.index,
        maskNonDev: mask.nonDev,
        maskDev: mask.dev,
        memberMasks: Array.from({ length: M }, () => mask),
        cohorts: [{ members, capabilities: Int32Array.from({ length: C }, (_, c) => c) }],
        slot: Int32Array.from(model.driver),
        anyShared: mask.index.length > 0,
        merged: false,
        volumeFactor: 1,
        realisation: 1,
        ramp: new Float64Array(T),
        transition: new Float64Array(T),
        transitionShare: 0,
        governanceShare: new Float64Array(M),
        orderingPayers: new Uint8Array(M),
        orderingFrom: 0,
        markup: new Float64Array(M),
        host: -1,
        ...over,
      };
    };
    /**
     * A contract path with the capability map applied (§14): what a member's map says a supplier or an
     * existing collaboration delivers stays there, outside K_i. A member that moves nothing is not in the
     * arrangement (a host stays its provider while anyone moves anything); K is what someone moves; the
     * provider serves each capability at the volume of the members that move it.
     */
    const keepDelivered = (sp: PathSpec): PathSpec => {
      let keeps = false;
      for (let i = 0; i < M && !keeps; i++) {
        if (!sp.members[i]) continue;
        for (let c = 0; c < C && !keeps; c++) if (sp.capabilities[c] && model.mapKept[i * C + c]) keeps = true;
      }
      if (!keeps) return sp;
      const moves = Array.from({ length: M }, (_, i) =>
        Uint8Array.from({ length: C }, (_, c) =>
          sp.members[i] && sp.capabilities[c] && !model.mapKept[i * C + c] ? 1 : 0,
        ),
      );
      const capabilities = Uint8Array.from({ length: C }, (_, c) => (moves.some((row) => row[c]) ? 1 : 0));
      const anyone = capabilities.some((x) => x === 1);
      const members = Uint8Array.from(moves, (row, i) =>
        row.some((x) => x === 1) || (i === sp.host && sp.members[i] && anyone) ? 1 : 0,
      );
      const whole = maskOf(capabilities, false);
      const memberMasks = moves.map((row) => (row.every((x, c) => x === capabilities[c]) ? whole : maskOf(row, true)));
      // one cohort per distinct set of members that move a capability, in the order capabilities first appear
      const cohorts: Cohort[] = [];
      const keys: string[] = [];
      const slot = Int32Array.from(model.driver);
      const lists: number[][] = [];
      for (let c = 0; c < C; c++) {
        if (!capabilities[c]) continue;
        const who = Uint8Array.from(moves, (row) => row[c]);
        const key = who.join('');
        let q = keys.indexOf(key);
        if (q < 0) {
          q = keys.length;
          keys.push(key);
          cohorts.push({ members: who, capabilities: new Int32Array(0) });
          lists.push([]);
        }
        lists[q].push(c);
        slot[c] = q * 4 + model.driver[c];
      }
      cohorts.forEach((cohort, q) => {
        cohort.capabilities = Int32Array.from(lists[q]);
      });
      return {
        ...sp,
        members,
        capabilities,
        maskIndex: whole.index,
        maskNonDev: whole.nonDev,
        maskDev: whole.dev,
        memberMasks,
        cohorts,
        slot,
        anyShared: anyone,
        orderingPayers: Uint8Array.from(sp.orderingPayers, (x, i) => x & members[i]),
      };
    };
    const specs = [
      spec({}),
      keepDelivered(
        spec({ members: model.samverkanMember, capabilities: model.pooled, orderingPayers: model.samverkanMember }),
      ),
      keepDelivered(spec({ capabilities: model.transferred, orderingPayers: allMembers })),
      // a merger decides anew what it holds and takes over its members' contracts: the map keeps nothing (§14)
      spec({
        members: model.mergerMember,
        capabilities: all,
        merged: true,
        slot: new Int32Array(C).fill(DRIVER.inhabitants),
      }),
      keepDelivered(
        spec({
          members: model.asymMember,
          capabilities: model.provided,
          host: model.host,
          orderingPayers: model.asymMember.map((x, i) => (x && i !== model.host ? 1 : 0)),
        }),
      ),
    ];
    this.specs = specs;
    this.slots = 4 * Math.max(...specs.map((sp) => sp.cohorts.length));
    this.shareD = new Float64Array(M * T * this.slots);
    this.provVol = new Float64Array(T * this.slots);
    this.givenNew = new Int32Array(M);
    this.isMergedNewBuy = new Uint8Array(C);
    for (const c of model.shortfallOrder) {
      let assessed = 0;
      let missing = 0;
      for (let i = 0; i < M; i++) {
        if (!model.mergerMember[i] || model.mapLevel[i * C + c] < 0) continue;
        assessed++;
        if (model.mapLevel[i * C + c] === 0) missing++;
      }
      if (assessed > 0 && missing === assessed) this.isMergedNewBuy[c] = 1;
    }
    this.mergedNewBuys = Int32Array.from(Array.from(model.shortfallOrder).filter((c) => this.isMergedNewBuy[c] === 1));
    this.mergedNewRank = new Int32Array(C).fill(-1);
    this.mergedNewBuys.forEach((c, k) => {
      this.mergedNewRank[c] = k;
    });
    this.newRank = specs.map(() => new Int32Array(M * C).fill(-1));
    this.newBuys = specs.map((sp, p) =>
      Array.from({ length: M }, (_, i) => {
        const moved = sp.memberMasks[i].capabilities;
        const list = Array.from(model.shortfallOrder).filter((c) => moved[c] === 1 && model.mapLevel[i * C + c] === 0);
        list.forEach((c, k) => {
          this.newRank[p][i * C + c] = k;
        });
        return Int32Array.from(list);
      }),
    );
  }

  /** Simulate runs [runStart, runStart + runCount). runStart must be a multiple of BLOCK_RUNS. */
  /**
   * Hold the given inputs at fixed values in every following run (none: an empty object). All other
   * inputs keep their draws run by run (common random numbers), so a pinned re-run differs from the
   * ordinary run only through the pinned inputs. Values outside an input's bounds are refused.
   */
  pin(values: Partial<Record<AssumptionId, number>>): void {
    const pinned: [number, number][] = [];
    for (const [id, value] of Object.entries(values) as [AssumptionId, number][]) {
      const k = ASSUMPTION_IDS.indexOf(id);
      if (k < 0) throw new RangeError(`unknown input ${id}`);
      if (!(value >= this.m.boundMin[k] && value <= this.m.boundMax[k]))
        throw new RangeError(`${id} = ${value} is outside [${this.m.boundMin[k]}, ${this.m.boundMax[k]}]`);
      pinned.push([k, value]);
    }
    this.pinned = pinned;
    // a correlated input's pinned value fixes its normal score; its partners follow conditionally
    const { correlated, copulaFactor, quantiles } = this.m;
    const uniforms = new Map<number, number>();
    // (held within its P0.1–P99.9: a value beyond the assumed range conditions the partners on its edge,
    // not on an ever more extreme normal score)
    for (const [k, value] of pinned)
      if (correlated.includes(k)) uniforms.set(k, Math.min(0.999, Math.max(0.001, cdfOf(quantiles[k], value))));
    this.pinnedCopula = uniforms.size > 0 ? pinnedCopula(correlated, copulaFactor, uniforms) : null;
  }

  simulateChunk(runStart: number, runCount: number): ChunkResult {
    // in one step: as fast as a plain loop (200 runs of the default, medians 200 / 206 and 192 / 190 ms)
    return drain(this.chunkSteps(runStart, runCount, runCount));
  }

  /**
   * simulateChunk as steps (steps.ts): yields after every `every` runs, returns the same chunk. For work
   * that must give its thread's event loop a turn within a chunk (the threshold search, src/runner/apis.ts).
   */
  *chunkSteps(runStart: number, runCount: number, every: number): Generator<undefined, ChunkResult> {
    if (runStart % BLOCK_RUNS !== 0) throw new RangeError(`runStart ${runStart} is not a multiple of ${BLOCK_RUNS}`);
    const { T, M } = this;
    const blocks = Math.ceil(runCount / BLOCK_RUNS);
    const result: ChunkResult = {
      runStart,
      runCount,
      totals: new Float64Array(TM * P * T * runCount),
      memberRuns: new Float64Array(MR * P * M * runCount),
      blockSums: new Float64Array(blocks * MY * P * M * T),
      groupSums: new Float64Array(blocks * 2 * P * M * G),
      draws: new Float64Array(K * runCount),
    };
    const seed = this.m.scenario.seed;
    for (let r = 0; r < runCount; r++) {
      this.runOne(seed, runStart + r);
      this.record(result, r, Math.floor(r / BLOCK_RUNS));
      if ((r + 1) % every === 0 && r + 1 < runCount) yield;
    }
    return result;
  }

  private record(res: ChunkResult, r: number, block: number): void {
    const { T, M, out, tot, groups, draw } = this;
    const n = res.runCount;
    for (let k = 0; k < K; k++) res.draws[k * n + r] = draw[k];
    for (let metric = 0; metric < TM; metric++) {
      for (let p = 0; p < P; p++) {
        for (let t = 0; t < T; t++) res.totals[((metric * P + p) * T + t) * n + r] = tot[(p * T + t) * TM + metric];
      }
    }
    const blockBase = block * MY * P * M * T;
    const memberRun = (metric: number, p: number, i: number) => ((metric * P + p) * M + i) * n + r;
    for (let p = 0; p < P; p++) {
      for (let i = 0; i < M; i++) {
        let horizonCost = 0;
        let npv = 0;
        for (let t = 0; t < T; t++) {
          const o = ((p * M + i) * T + t) * MY;
          const sq = (i * T + t) * MY; // path 0
          horizonCost += out[o + Y.totalCost];
          npv += (out[o + Y.totalCost] - out[sq + Y.totalCost]) * this.discount[t];
          for (let metric = 0; metric < MY; metric++) {
            res.blockSums[blockBase + ((metric * P + p) * M + i) * T + t] += out[o + metric];
          }
        }
        const last = ((p * M + i) * T + T - 1) * MY;
        res.memberRuns[memberRun(RUN.horizonCost, p, i)] = horizonCost;
        res.memberRuns[memberRun(RUN.npvVsStatusQuo, p, i)] = npv;
        res.memberRuns[memberRun(RUN.finalDevelopmentCapacity, p, i)] = out[last + Y.developmentCapacity];
        res.memberRuns[memberRun(RUN.finalCapacityGap, p, i)] = out[last + Y.capacityGap];
        res.memberRuns[memberRun(RUN.sharedPayment, p, i)] = this.sharedPv[p * M + i];
        for (let h = 0; h < 2; h++) {
          for (let g = 0; g < G; g++) {
            res.groupSums[(((block * 2 + h) * P + p) * M + i) * G + g] += groups[((p * M + i) * 2 + h) * G + g];
          }
        }
      }
    }
  }

  /** Draw the run's inputs (common to all paths) and evaluate every path (docs/model.md §3, §10). */
  private runOne(seed: number, runIndex: number): void {
    const { m, T, M, C, draw } = this;
    const rng = runStream(seed, runIndex);
    const u = this.uniforms;
    for (let k = 0; k < K; k++) u[k] = rng();
    // (the pseudo-random uniforms are drawn either way, so the exit draws below are the same in both)
    if (this.points) this.points.point(runIndex, u);
    if (this.pinnedCopula) correlatePinned(u, this.pinnedCopula, this.copulaScratch);
    else if (m.correlated.length > 0) correlateUniforms(u, m.correlated, m.copulaFactor, this.copulaScratch);
    for (let k = 0; k < K; k++) {
      const x = m.quantiles[k](u[k]);
      // every value lies inside its input's bounds (§11)
      draw[k] = x < m.boundMin[k] ? m.boundMin[k] : x > m.boundMax[k] ? m.boundMax[k] : x;
    }
    for (const [k, value] of this.pinned) draw[k] = value;
    // after the inputs, so that adding them changed no existing draw
    for (let k = 0; k < 2 * T; k++) this.exitDraws[k] = rng();

    const inflation = draw[A.inflation];
    const realWage = (1 + draw[A.wageGrowth]) / (1 + inflation) - 1;
    const realPrice = (1 + draw[A.nonStaffPriceGrowth]) / (1 + inflation) - 1;
    const demandGrowth = draw[A.demandGrowth];
    const budgetGrowth = draw[A.budgetGrowth];
    const rate = m.scenario.discountRate;
    for (let t = 0; t < T; t++) {
      this.wage[t] = draw[A.wageCost] * (1 + realWage) ** t;
      this.priceIndex[t] = (1 + realPrice) ** t;
      this.demand[t] = (1 + demandGrowth) ** t;
      this.discount[t] = 1 / (1 + rate) ** t;
    }
    const common = draw[A.scaleShift];
    const gammaShift = draw[A.nonStaffScaleShift];
    for (let c = 0; c < C; c++) {
      const s = Math.max(-1, Math.min(1, common + draw[KIND_SHIFT[m.kind[c]]]));
      this.beta[c] =
        s >= 0
          ? m.betaMode[c] + s * (m.betaHigh[c] - m.betaMode[c])
          : m.betaMode[c] + s * (m.betaMode[c] - m.betaLow[c]);
      this.gamma[c] = Math.max(0.3, Math.min(1, m.nonStaffScale[c] + gammaShift));
    }
    const pupilWeight = draw[A.pupilWeight];
    const attrition = draw[A.attrition];
    const recruitment = draw[A.recruitment];
    for (let i = 0; i < M; i++) {
      const g = m.growth[i] + draw[A.populationGrowthShift];
      const users0 = m.employees[i] + pupilWeight * m.pupils[i];
      const budget0 = Number.isNaN(m.itCost[i]) ? draw[A.budgetPerInhabitant] * m.pop0[i] : m.itCost[i];
      this.legacyFactor[i] = 1 + draw[A.legacyPenalty] * m.legacy[i];
      for (let t = 0; t < T; t++) {
        const growth = (1 + g) ** t;
        this.pop[i * T + t] = m.pop0[i] * growth;
        this.users[i * T + t] = users0 * growth;
        this.budget[i * T + t] = budget0 * (1 + budgetGrowth) ** t;
      }
      this.memberNeeds(i, users0, g);
      // the unit's own staff figure where the kommun gives one, else the staff its holding needs (§7, §14)
      const staff0 = m.itStaff[i];
      this.unitSize0[i] = Number.isNaN(staff0) ? this.sqSum[i * T * SQ + SQ_STAFF] : staff0;
      this.phiStar[i] = steadyStaffing(this.unitSize0[i], attrition, recruitment);
    }

    this.configure(draw);
    this.evaluatePath(0, attrition, recruitment);
    for (let p = 1; p < P; p++) {
      // a disabled path, or an arrangement that shares nothing, is status quo in every output
      if (m.enabled[p] && this.specs[p].anyShared) this.evaluatePath(p, attrition, recruitment);
      else this.copyStatusQuo(p);
    }
  }

  /** Set the run-dependent parts of each path's specification (§5). */
  private configure(draw: Float64Array): void {
    const { m, T, M } = this;
    const rampYears = draw[A.rampUpYears];
    const shared = draw[A.realisationShared];
    const rampFrom = (start: number, ramp: Float64Array, transition: Float64Array) => {
      for (let t = 0; t < T; t++) {
        ramp[t] = clamp01((t - start) / rampYears);
        transition[t] = clamp01((t + 1 - start) / rampYears) - ramp[t];
      }
    };
    const [, samverkan, omfordelning, merger, asym] = this.specs;
    rampFrom(0, samverkan.ramp, samverkan.transition);
    samverkan.realisation = shared;
    samverkan.transitionShare = draw[A.transitionShareShared];
    samverkan.governanceShare.fill(m.formOverhead * draw[A.governanceOverhead]);

    const delay = draw[A.decisionDelay];
    rampFrom(delay, omfordelning.ramp, omfordelning.transition);
    omfordelning.realisation = shared;
    omfordelning.transitionShare = samverkan.transitionShare;
    omfordelning.orderingFrom = Math.ceil(delay);
    let membersPop = 0;
    for (let i = 0; i < M; i++) membersPop += m.pop0[i];
    omfordelning.volumeFactor = Math.max(1, m.bodyPopulation / membersPop);
    omfordelning.markup.fill(draw[A.bodyMarkup]);

    rampFrom(0, merger.ramp, merger.transition);
    merger.realisation = draw[A.realisationMerger];
    merger.transitionShare = draw[A.transitionShareMerger];

    rampFrom(0, asym.ramp, asym.transition);
    asym.realisation = shared;
    asym.transitionShare = samverkan.transitionShare;
    const administration = HOST_ADMINISTRATION * draw[A.governanceOverhead];
    for (let i = 0; i < M; i++) {
      const buyer = i !== m.host;
      asym.markup[i] = buyer ? draw[A.hostMarkup] : 0;
      asym.governanceShare[i] = buyer ? administration : 0;
    }
  }

  /**
   * Staffing need (FTE) and non-staff cost (SEK) of the given capabilities for a provider serving the
   * given volumes in year t (§4): fte = max(minFte, fteAtRef · (D/ref)^β), grown by development demand
   * for development capabilities and by the legacy factor for system-driven ones.
   */
  private needs(
    lnUsers: number,
    lnSystems: number,
    lnPop: number,
    legacy: number,
    t: number,
    capabilities: Int32Array,
  ): void {
    const { m, C, beta, gamma, provFte, provNs } = this;
    const demand = this.demand[t];
    const price = this.priceIndex[t];
    const offset = t * C;
    for (let k = 0; k < capabilities.length; k++) {
      const c = capabilities[k];
      const d = m.driver[c];
      const x =
        d === DRIVER.users
          ? lnUsers - m.lnRef[c]
          : d === DRIVER.systems
            ? lnSystems - m.lnRef[c]
            : d === DRIVER.inhabitants
              ? lnPop - m.lnRef[c]
              : 0;
      let work = m.fteAtRef[c] * Math.exp(beta[c] * x);
      let other = m.nonStaffCost[c] * Math.exp(gamma[c] * x) * price;
      if (m.kind[c] === KIND.utveckling) work *= demand;
      if (d === DRIVER.systems) {
        work *= legacy;
        other *= legacy;
      }
      provFte[offset + c] = Math.max(work, m.minFte[c]);
      provNs[offset + c] = other;
    }
  }

  /**
   * Status quo needs of member i for every year and capability. Same formula as `needs`, but since a
   * member's volumes grow geometrically, (D_t/ref)^β = (D_0/ref)^β · ((1+g)^β)^t: two exponentials per
   * capability instead of two per capability and year.
   */
  private memberNeeds(i: number, users0: number, g: number): void {
    const { m, T, C, beta, gamma, sqFte, sqCost, sqSum, sqGroupFte, workNow, otherNow, workStep, otherStep } = this;
    sqGroupFte.fill(0, i * T * G, (i + 1) * T * G);
    const lnUsers = Math.log(users0);
    const lnSystems = Math.log(m.systems[i]);
    const lnPop = Math.log(m.pop0[i]);
    const lnGrowth = Math.log(1 + g);
    const legacy = this.legacyFactor[i];
    for (let c = 0; c < C; c++) {
      const d = m.driver[c];
      const x =
        d === DRIVER.users
          ? lnUsers - m.lnRef[c]
          : d === DRIVER.systems
            ? lnSystems - m.lnRef[c]
            : d === DRIVER.inhabitants
              ? lnPop - m.lnRef[c]
              : 0;
      const grows = d === DRIVER.users || d === DRIVER.inhabitants ? lnGrowth : 0;
      const factor = d === DRIVER.systems ? legacy : 1;
      workNow[c] = m.fteAtRef[c] * Math.exp(beta[c] * x) * factor;
      otherNow[c] = m.nonStaffCost[c] * Math.exp(gamma[c] * x) * factor;
      workStep[c] = Math.exp(beta[c] * grows);
      otherStep[c] = Math.exp(gamma[c] * grows);
    }
    // year by year, so that writes are contiguous and the sums stay in registers
    const { kind, minFte, group, mapLevel } = m;
    const lb = i * C;
    for (let t = 0; t < T; t++) {
      const W = this.wage[t];
      const price = this.priceIndex[t];
      const demand = this.demand[t];
      const base = (i * T + t) * C;
      const gq = (i * T + t) * G;
      let cost = 0;
      let holding = 0;
      let drift = 0;
      let development = 0;
      let staff = 0;
      for (let c = 0; c < C; c++) {
        const k = kind[c];
        const work = workNow[c];
        const need = k === KIND.utveckling ? work * demand : work;
        const fte = need > minFte[c] ? need : minFte[c];
        const value = fte * W + otherNow[c] * price;
        sqFte[base + c] = fte;
        sqCost[base + c] = value;
        cost += value;
        if (k === KIND.utveckling) development += fte;
        else if (mapLevel[lb + c] !== 0) {
          // a capability the map assesses as missing is neither paid nor staffed today (§14)
          holding += value;
          staff += fte;
          sqGroupFte[gq + group[c]] += fte;
          if (k === KIND.drift) drift += value;
        }
        workNow[c] = work * workStep[c];
        otherNow[c] *= otherStep[c];
      }
      const q = (i * T + t) * SQ;
      sqSum[q + SQ_COST] = cost;
      sqSum[q + SQ_HOLDING] = holding;
      sqSum[q + SQ_DRIFT] = drift;
      sqSum[q + SQ_DEMAND] = development;
      sqSum[q + SQ_STAFF] = staff;
    }
  }

  private copyStatusQuo(p: number): void {
    const { M, T } = this;
    const size = M * T * MY;
    this.out.copyWithin(p * size, 0, size);
    this.tot.copyWithin(p * T * TM, 0, T * TM);
    this.groups.copyWithin(p * M * 2 * G, 0, M * 2 * G);
    this.sharedPv.fill(0, p * M, (p + 1) * M);
  }

  /**
   * Which member leaves path p in this run, and when: [member, year index, stranded years], or [−1, …]
   * for none. A probabilistic exit takes the first year whose draw falls below the probability and picks
   * the member with the year's second draw.
   */
  private exitOf(p: number, spec: PathSpec): [number, number, number] {
    const plan = this.m.exits[p];
    if (!plan) return [-1, -1, 0];
    // (a member the capability map leaves with nothing to move is not in the arrangement to leave it, §14)
    if (plan.member >= 0)
      return spec.members[plan.member] ? [plan.member, plan.yearIndex, plan.strandedYears] : [-1, -1, 0];
    const candidates: number[] = [];
    for (let i = 0; i < this.M; i++) if (spec.members[i] && i !== spec.host) candidates.push(i);
    if (candidates.length < 2) return [-1, -1, 0];
    for (let t = 1; t < this.T; t++) {
      if (this.exitDraws[2 * t] < plan.probability) {
        const pick =
          candidates[Math.min(candidates.length - 1, Math.floor(this.exitDraws[2 * t + 1] * candidates.length))];
        return [pick, t, plan.strandedYears];
      }
    }
    return [-1, -1, 0];
  }

  /**
   * The shared provider's volumes and needs for a path (§5.1; a merger's systems by §5.5): per cohort, the
   * capabilities its members move at the sum of their volumes (§14).
   */
  private providerNeeds(spec: PathSpec): void {
    const { m, T, M, slots } = this;
    const consolidation = this.draw[A.consolidationYears];
    const target = m.mergedSystems;
    const f = spec.volumeFactor;
    for (let q = 0; q < spec.cohorts.length; q++) {
      const { members, capabilities } = spec.cohorts[q];
      let systemsSum = 0;
      let legacyWeighted = 0;
      for (let i = 0; i < M; i++) {
        if (!members[i]) continue;
        systemsSum += m.systems[i];
        legacyWeighted += m.systems[i] * this.legacyFactor[i];
      }
      const legacy = legacyWeighted / systemsSum;
      for (let t = 0; t < T; t++) {
        let u = 0;
        let pop = 0;
        for (let i = 0; i < M; i++) {
          if (!members[i]) continue;
          u += this.users[i * T + t];
          pop += this.pop[i * T + t];
        }
        // a merger consolidates systems from the sum toward the model's systems rule
        const systems = spec.merged ? target + (systemsSum - target) * Math.max(0, 1 - t / consolidation) : systemsSum;
        const v = t * slots + q * 4;
        this.provVol[v + DRIVER.users] = u * f;
        this.provVol[v + DRIVER.systems] = systems * f;
        this.provVol[v + DRIVER.inhabitants] = pop * f;
        this.provVol[v + DRIVER.fixed] = pop * f;
        this.needs(Math.log(u * f), Math.log(systems * f), Math.log(pop * f), legacy, t, capabilities);
      }
    }
  }

  /**
   * Each member's share of the provider's volume, per year and slot (fixed capabilities are split by
   * inhabitants; 0 in a cohort the member is not in), the provider's cost per capability, and each member's
   * start-year own costs.
   */
  private prepareShares(spec: PathSpec): void {
    const { m, T, M, C, slots, provVol, shareD, provCost, provFte, provNs, sqCost } = this;
    for (let t = 0; t < T; t++) {
      const W = this.wage[t];
      for (let c = 0; c < C; c++) provCost[t * C + c] = provFte[t * C + c] * W + provNs[t * C + c];
    }
    for (let i = 0; i < M; i++) {
      let shared0 = 0;
      let total0 = 0;
      const moved = spec.memberMasks[i].capabilities;
      for (let c = 0; c < C; c++) {
        const own = sqCost[i * T * C + c];
        total0 += own;
        if (moved[c]) shared0 += own;
      }
      this.sharedCost0[i] = shared0;
      this.totalCost0[i] = total0;
      if (!spec.members[i]) continue;
      for (let q = 0; q < spec.cohorts.length; q++) {
        const inCohort = spec.cohorts[q].members[i] === 1;
        for (let t = 0; t < T; t++) {
          const k = (i * T + t) * slots + q * 4;
          const v = t * slots + q * 4;
          if (!inCohort) {
            shareD.fill(0, k, k + 4);
            continue;
          }
          const pop = this.pop[i * T + t] / provVol[v + DRIVER.inhabitants];
          shareD[k + DRIVER.users] = this.users[i * T + t] / provVol[v + DRIVER.users];
          shareD[k + DRIVER.systems] = m.systems[i] / provVol[v + DRIVER.systems];
          shareD[k + DRIVER.inhabitants] = pop;
          shareD[k + DRIVER.fixed] = pop;
        }
      }
    }
  }

  /**
   * One path in one run. Status quo (p = 0) is the path whose arrangement shares nothing. Every year:
   * (1) each member's cost and FTE per capability and its extras (§5); (2) the host's markup income;
   * (3) each organisation's budget, shortfall and development capacity (§6); (4) coverage (§8);
   * (5) staffing for next year (§7).
   */
  private evaluatePath(p: number, attrition: number, recruitment: number): void {
    const { m, T, M, C, out, tot } = this;
    const spec = this.specs[p];
    const merged = spec.merged;
    const maskIndex = spec.maskIndex;
    if (spec.anyShared) {
      this.providerNeeds(spec);
      this.prepareShares(spec);
    }
    tot.fill(0, p * T * TM, (p + 1) * T * TM);
    this.sharedPv.fill(0, p * M, (p + 1) * M);

    // provider staffing starts at the members' steady states, weighted by their staff
    let provPhi = 0;
    let provWeight = 0;
    for (let i = 0; i < M; i++) {
      if (!spec.members[i]) continue;
      const n0 = this.unitSize0[i];
      provPhi += this.phiStar[i] * n0;
      provWeight += n0;
    }
    // a provider whose members all give an own IT staff of 0 starts at their mean steady state
    if (provWeight > 0) provPhi /= provWeight;
    else {
      let count = 0;
      for (let i = 0; i < M; i++) {
        if (!spec.members[i]) continue;
        provPhi += this.phiStar[i];
        count++;
      }
      provPhi = count > 0 ? provPhi / count : 0;
    }
    this.localPhi.set(this.phiStar);
    if (merged) this.retiredSystems(spec);
    const ordering = this.draw[A.coordinationFte];
    const [exitMember, exitYear, strandedYears] = this.exitOf(p, spec);
    let strandedBase = 0;
    let remainingPayment = 0;
    const present = this.present;

    for (let t = 0; t < T; t++) {
      const W = this.wage[t];
      const r = spec.ramp[t];
      // who takes part this year: members of the arrangement that have not left it
      for (let i = 0; i < M; i++) present[i] = spec.members[i] === 1 && !(i === exitMember && t >= exitYear) ? 1 : 0;
      if (merged) this.realiseMerged(spec, t);
      if (exitMember >= 0 && t === exitYear) {
        strandedBase = this.payment[exitMember];
        remainingPayment = 0;
        for (let j = 0; j < M; j++) if (present[j]) remainingPayment += this.payment[j];
      }

      // (1) costs; blendMember also sums the provider's staff for every present member (P_c before payment)
      for (let k = 0; k < maskIndex.length; k++) this.paidStaff[maskIndex[k]] = 0;
      if (merged) {
        this.mergedX.fill(0);
        this.mergedY.fill(0);
      }
      let markupIncome = 0;
      for (let i = 0; i < M; i++) {
        const o = ((p * M + i) * T + t) * MY;
        if (!present[i]) {
          // outside the arrangement, or gone from it: the member is back on its own
          const sq = (i * T + t) * MY;
          for (let k = 0; k < MY; k++) out[o + k] = out[sq + k];
          if (t === T - 1) this.groups.copyWithin((p * M + i) * 2 * G, i * 2 * G, (i + 1) * 2 * G);
          continue;
        }
        const it = i * T + t;
        const q = it * SQ;
        let cost = this.sqSum[q + SQ_COST];
        let holding = this.sqSum[q + SQ_HOLDING];
        let drift = this.sqSum[q + SQ_DRIFT];
        let demand = this.sqSum[q + SQ_DEMAND];
        let staff = this.sqSum[q + SQ_STAFF];
        let extra = 0;
        let transition = 0;
        if (spec.anyShared) {
          blendMember(
            spec.memberMasks[i].index,
            i * C,
            it * C,
            it * this.slots,
            t * C,
            r,
            1 - spec.realisation,
            spec.markup[i],
            merged,
            this.sqFte,
            this.sqCost,
            this.shareD,
            this.provCost,
            this.provFte,
            this.mergedCost,
            this.mergedFte,
            spec.slot,
            m.kind,
            m.mapLevel,
            this.memberCost,
            this.memberEps,
            merged ? this.mergedX : this.paidStaff,
            this.mergedY,
            this.blendSums,
          );
          const sums = this.blendSums;
          cost += sums[B_COST];
          holding += sums[B_HOLDING];
          drift += sums[B_DRIFT];
          demand += sums[B_DEMAND];
          staff += sums[B_STAFF];
          const part = r * sums[B_PROVIDER];
          this.providerPart[i] = part;
          const governance = spec.governanceShare[i] * part;
          const orderingCost = spec.orderingPayers[i] && t >= spec.orderingFrom ? ordering * W : 0;
          transition = spec.transitionShare * (merged ? this.totalCost0[i] : this.sharedCost0[i]) * spec.transition[t];
          if (merged) transition += this.retired[t] * this.shareD[it * this.slots + DRIVER.inhabitants];
          if (i !== spec.host) markupIncome += spec.markup[i] * part;
          // what it pays the provider (not the part it still runs itself), for stranded cost after an exit
          if (exitMember >= 0 && t === exitYear - 1) this.payment[i] = r * sums[B_PROVIDER_PAY] + governance;
          // its part of the joint cost: the provider's cost of its part at the provider's scale, with markup and
          // governance; the unrealised rest of its own former cost is its own (§16)
          // (a merger has no contract: its members' parts of the merged organisation, as realised)
          const joint = merged ? r * sums[B_PROVIDER_PAY] : part * (1 + spec.markup[i]) + governance;
          this.sharedPv[p * M + i] += joint * this.discount[t];
          // after an exit the others carry the leaver's former payment, falling to zero over strandedYears
          const stranded =
            exitMember >= 0 && t >= exitYear && t - exitYear < strandedYears && remainingPayment > 0
              ? strandedBase * (1 - (t - exitYear) / strandedYears) * (this.payment[i] / remainingPayment)
              : 0;
          extra = governance + orderingCost + transition + stranded;
        }
        out[o + Y.totalCost] = cost + extra;
        out[o + Y.budget] = this.budget[it];
        this.holdingNow[i] = holding + extra;
        this.driftNow[i] = drift;
        this.demandNow[i] = demand;
        this.staffNow[i] = staff;
        tot[(p * T + t) * TM + TOT.transitionCost] += transition;
      }
      // (2) the host receives what its present buyers pay as markup
      if (spec.host >= 0 && present[spec.host]) {
        const o = ((p * M + spec.host) * T + t) * MY;
        out[o + Y.totalCost] -= markupIncome;
        this.holdingNow[spec.host] -= markupIncome;
        this.sharedPv[p * M + spec.host] -= markupIncome * this.discount[t];
      }

      // (3) budgets, shortfall, development capacity; (4) coverage
      if (merged) this.mergedYear(p, spec, t, provPhi);
      else this.membersYear(p, spec, t, r, provPhi);

      // (5) staffing for next year; a regional body also employs the staff serving the rest of its region
      let provStaff = 0;
      if (spec.volumeFactor > 1) {
        let body = 0;
        for (let k = 0; k < maskIndex.length; k++) {
          const c = maskIndex[k];
          if (m.kind[c] !== KIND.utveckling) body += this.provFte[t * C + c];
        }
        provStaff += (1 - 1 / spec.volumeFactor) * body;
      }
      for (let i = 0; i < M; i++) {
        if (!present[i]) continue;
        provStaff += this.staffNow[i];
        if (!merged) this.localPhi[i] = nextStaffing(this.localPhi[i], this.staffNow[i], attrition, recruitment);
      }
      provPhi = nextStaffing(provPhi, provStaff, attrition, recruitment);
    }
    this.totals(p, spec);
  }

  /** Systems a merger retires each year, times the extra migration cost per system (§5.5). */
  private retiredSystems(spec: PathSpec): void {
    const { m, T, M } = this;
    let prev = 0;
    for (let i = 0; i < M; i++) if (spec.members[i]) prev += m.systems[i];
    const perSystem = this.draw[A.migrationCostPerSystem];
    for (let t = 0; t < T; t++) {
      const systems = this.provVol[t * this.slots + DRIVER.systems];
      this.retired[t] = Math.max(0, prev - systems) * perSystem;
      prev = systems;
    }
  }

  /**
   * A merger's cost and staffing per capability in year t: the merged organisation's need plus the
   * unrealised part of the members' combined saving (realisation applies to the merged whole, §5.5).
   */
  private realiseMerged(spec: PathSpec, t: number): void {
    const { C, M, T } = this;
    const rho = spec.realisation;
    for (let c = 0; c < C; c++) {
      let ownCost = 0;
      let ownFte = 0;
      for (let i = 0; i < M; i++) {
        if (!spec.members[i]) continue;
        const k = (i * T + t) * C + c;
        ownFte += this.sqFte[k];
        ownCost += this.sqCost[k];
      }
      const prov = this.provCost[t * C + c];
      const provFte = this.provFte[t * C + c];
      this.mergedCost[c] = prov < ownCost ? prov + (1 - rho) * (ownCost - prov) : prov;
      this.mergedFte[c] = provFte < ownFte ? provFte + (1 - rho) * (ownFte - provFte) : provFte;
    }
  }

  /**
   * Members on their own (status quo and the contract paths) in year t: budget, shortfall and
   * development capacity per member (§6), then coverage (§8), which needs every member's payments first.
   */
  private membersYear(p: number, spec: PathSpec, t: number, r: number, provPhi: number): void {
    const present = this.present;
    const { m, T, M, C, out, sqCost, memberCost, memberEps, given, kappa } = this;
    const W = this.wage[t];
    const { shortfallOrder, mapLevel } = m;
    for (let i = 0; i < M; i++) {
      if (!present[i]) continue;
      const it = i * T + t;
      const o = ((p * M + i) * T + t) * MY;
      const phi = this.localPhi[i];
      const holding = this.holdingNow[i];
      const demand = this.demandNow[i];
      const free = this.budget[it] - holding;
      const devCap = free > 0 ? (phi * free) / W : 0;
      kappa[i] = demand > 0 ? Math.min(1, devCap / demand) : 1;
      // a shortfall gives up governance first, then operations, shared ones included (§6)
      const g0 = i * C;
      const mask = spec.memberMasks[i].capabilities;
      let missing = -free;
      // first what the path would newly buy: capabilities the map says are missing, moved to the provider
      // (before the ramp starts nothing is bought) (§14)
      const buys = this.newBuys[p][i];
      let n0 = 0;
      if (r > 0) for (; n0 < buys.length && missing > 0; n0++) missing -= memberCost[g0 + buys[n0]];
      this.givenNew[i] = n0;
      let k = 0;
      for (; k < shortfallOrder.length && missing > 0; k++) {
        const c = shortfallOrder[k];
        // what the map says the member holds today it keeps, wherever it is provided; what it says is
        // missing is not paid while it is the member's own, and was given up above once bought (§14)
        if (mapLevel[g0 + c] >= 0) continue;
        missing -= mask[c] ? memberCost[g0 + c] : sqCost[it * C + c];
      }
      given[i] = k;
      out[o + Y.developmentCapacity] = devCap;
      out[o + Y.capacityGap] = demand - devCap;
      out[o + Y.driftShare] = this.driftNow[i] / (holding + Math.max(free, 0));
      this.staffNow[i] += devCap;
    }

    // the provider's staff for each shared capability, as far as its members pay for it (P_c)
    // blendMember summed every present member's ε (E_c); a regional body also has the staff that serve the
    // rest of its region, paid by others (§8)
    const paid = this.paidStaff;
    const full = this.fullStaff;
    const { maskNonDev, maskIndex } = spec;
    if (r > 0) {
      const rest = 1 - 1 / spec.volumeFactor;
      for (let k = 0; k < maskIndex.length; k++) {
        const c = maskIndex[k];
        if (rest > 0) paid[c] += rest * this.provFte[t * C + c];
        full[c] = paid[c];
      }
    }
    // take out what members do not pay for: P_c
    // before the ramp starts the provider holds nothing for anybody
    for (let j = 0; j < M && r > 0; j++) {
      if (!present[j]) continue;
      const unpaid = 1 - kappa[j];
      const row = j * C;
      const { capabilities: mask, dev: maskDev } = spec.memberMasks[j];
      for (let k = 0; k < given[j]; k++) {
        const c = shortfallOrder[k];
        if (mask[c] && m.mapLevel[row + c] < 0) paid[c] -= memberEps[row + c];
      }
      const buys = this.newBuys[p][j];
      for (let k = 0; k < this.givenNew[j]; k++) paid[buys[k]] -= memberEps[row + buys[k]];
      // a development capability the map says the member holds is paid in full (§14)
      if (unpaid > 0)
        for (let k = 0; k < maskDev.length; k++)
          if (m.mapLevel[row + maskDev[k]] < 1) paid[maskDev[k]] -= unpaid * memberEps[row + maskDev[k]];
    }
    // with the ramp complete, the shared operations and governance capabilities the provider holds, per group
    if (spec.ramp[t] === 1) {
      const { providerHeldG, providerStaffG } = this;
      providerHeldG.fill(0);
      providerStaffG.fill(0);
      for (let k = 0; k < maskNonDev.length; k++) {
        const c = maskNonDev[k];
        if (paid[c] < m.minFte[c] - HELD_TOLERANCE) continue;
        providerHeldG[m.group[c]]++;
        providerStaffG[m.group[c]] += paid[c];
      }
    }
    // the provider's filled share as each member sees it (host first under asymmetrisk)
    let hostShare = 0;
    if (spec.host >= 0) {
      let own = 0;
      let all = 0;
      // (the host's share of a capability its map keeps where it is is 0: it serves only the buyers, §14)
      const hostBase = (spec.host * T + t) * this.slots;
      for (let k = 0; k < maskIndex.length; k++) {
        const c = maskIndex[k];
        const f = this.provFte[t * C + c];
        own += f * this.shareD[hostBase + spec.slot[c]];
        all += f;
      }
      hostShare = all > 0 ? own / all : 0;
    }
    for (let i = 0; i < M; i++) {
      if (!present[i]) continue;
      const seen =
        spec.host < 0
          ? provPhi
          : i === spec.host
            ? Math.min(1, provPhi / Math.max(hostShare, 1e-9))
            : clamp01((provPhi - hostShare) / Math.max(1 - hostShare, 1e-9));
      this.memberCoverage(p, spec, i, t, r, seen);
    }
  }

  /**
   * Coverage and robust coverage of member i in year t (§8), and per group in the final year. A
   * capability is held when the FTE that hold it for the member reach its minimum staffing; held
   * robustly when the filled FTE of its group that work for the member (own and provider's) reach two.
   */
  private memberCoverage(p: number, spec: PathSpec, i: number, t: number, r: number, providerPhi: number): void {
    const { m, T, sqFte, given, rank, kappa, paidStaff, heldG, teamG, sqGroupFte, fragileG, sturdyG } = this;
    const { minFte, group, shortfallOrder, mapLevel, kind } = m;
    const lb = i * this.C;
    const phi = this.localPhi[i];
    const it = i * T + t;
    const base = it * this.C;
    const nGiven = given[i];
    // Own operations and governance capabilities: held unless given up, counted per group. Before the
    // ramp starts (r = 0) the shared ones are still entirely the member's own and are counted here too.
    const shared = spec.anyShared && r > 0;
    // what this member moves (K_i: the map may keep some of K where it is delivered today, §14)
    const moved = spec.memberMasks[i];
    const mask = shared ? moved.capabilities : this.noMask;
    const maskCount = moved.nonDevCount;
    for (let g = 0; g < G; g++) heldG[g] = this.nonDevCount[g] - (shared ? maskCount[g] : 0);
    const { localNonDev, nonDev: maskNonDev, dev: maskDev } = moved;
    if (shared && localNonDev.length < maskNonDev.length) {
      // few capabilities stay local: sum them
      for (let g = 0; g < G; g++) teamG[g] = 0;
      for (let k = 0; k < localNonDev.length; k++) {
        const c = localNonDev[k];
        if (mapLevel[lb + c] !== 0) teamG[group[c]] += sqFte[base + c];
      }
    } else {
      // few are shared: take them out of the member's status-quo group sums (which leave out the missing)
      for (let g = 0; g < G; g++) teamG[g] = sqGroupFte[it * G + g];
      if (shared)
        for (let k = 0; k < maskNonDev.length; k++) {
          const c = maskNonDev[k];
          if (mapLevel[lb + c] !== 0) teamG[group[c]] -= sqFte[base + c];
        }
    }
    for (let g = 0; g < G; g++) teamG[g] *= phi;
    // what the map assesses among the capabilities the member holds itself is held as assessed (§14)
    const kap = kappa[i];
    fragileG.fill(0);
    sturdyG.fill(0);
    const cells = this.assessed[i];
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (mask[c]) continue;
      const level = mapLevel[lb + c];
      const g = group[c];
      if (level === 0) {
        if (kind[c] !== KIND.utveckling) heldG[g]--;
        continue;
      }
      if (level === 1) fragileG[g]++;
      else sturdyG[g]++;
      // development capabilities are counted here, not by development capacity below
      if (kind[c] === KIND.utveckling) {
        heldG[g]++;
        // what the map says the member holds, it staffs in full
        teamG[g] += sqFte[base + c];
      }
    }
    // what the shortfall gave up: own ones, and (once the ramp is complete) those bought from the provider
    const complete = r === 1;
    for (let k = 0; k < nGiven; k++) {
      const c = shortfallOrder[k];
      if (!mask[c]) {
        if (mapLevel[lb + c] >= 0) continue;
        heldG[group[c]]--;
        teamG[group[c]] -= phi * sqFte[base + c];
      } else if (complete && mapLevel[lb + c] < 0 && paidStaff[c] >= minFte[c] - HELD_TOLERANCE) {
        heldG[group[c]]--;
        teamG[group[c]] -= providerPhi * paidStaff[c];
      }
    }
    // new buys the shortfall gave up (they are only ever bought once the ramp has started)
    const buys = this.newBuys[p][i];
    for (let k = 0; complete && k < this.givenNew[i]; k++) {
      const c = buys[k];
      if (paidStaff[c] < minFte[c] - HELD_TOLERANCE) continue;
      heldG[group[c]]--;
      teamG[group[c]] -= providerPhi * paidStaff[c];
    }
    // own development capabilities: held as far as development capacity meets demand
    const dev = moved.localDev;
    for (let k = 0; k < dev.length; k++) {
      const c = dev[k];
      if (mapLevel[lb + c] >= 0) continue;
      const h = kap * sqFte[base + c];
      if (kap === 0 || h < minFte[c] - HELD_TOLERANCE) continue;
      heldG[group[c]]++;
      teamG[group[c]] += h;
    }
    // shared capabilities: the member's remaining own part plus the provider's staff, if it pays
    const own = 1 - r;
    if (complete && !moved.partial) {
      // the ramp is complete: what the provider holds is the same for every member that pays (given-up
      // ones were taken out above)
      const { providerHeldG, providerStaffG } = this;
      for (let g = 0; g < G; g++) {
        heldG[g] += providerHeldG[g];
        teamG[g] += providerPhi * providerStaffG[g];
      }
    } else if (complete) {
      // the same, for a member that moves only part of K
      for (let k = 0; k < maskNonDev.length; k++) {
        const c = maskNonDev[k];
        if (this.paidStaff[c] < minFte[c] - HELD_TOLERANCE) continue;
        heldG[group[c]]++;
        teamG[group[c]] += providerPhi * this.paidStaff[c];
      }
    } else if (r > 0) {
      for (let k = 0; k < maskNonDev.length; k++) {
        const c = maskNonDev[k];
        const level = mapLevel[lb + c];
        if (level < 0 ? rank[c] < nGiven : level === 0 && this.newRank[p][lb + c] < this.givenNew[i]) continue;
        const local = mapLevel[lb + c] === 0 ? 0 : own * sqFte[base + c];
        const provider = r * paidStaff[c];
        if (local + provider < minFte[c] - HELD_TOLERANCE) continue;
        const g = group[c];
        heldG[g]++;
        teamG[g] += phi * local + providerPhi * provider;
      }
    }
    for (let k = 0; k < maskDev.length; k++) {
      const c = maskDev[k];
      // before the ramp starts an assessed one is still the member's own, counted above; one the map says
      // the member holds is paid in full, the others as far as development capacity goes (κ_i)
      const level = mapLevel[lb + c];
      const pay = level >= 1 ? 1 : kap;
      if (pay === 0 || (r === 0 && level >= 0)) continue;
      // the provider's team counts as far as the member pays at the team's full rate (pay·E_c), never
      // beyond the team its members pay for (P_c): no whole team for a sliver of payment
      const local = level === 0 ? 0 : pay * own * sqFte[base + c];
      const provider = r * Math.min(paidStaff[c], pay * this.fullStaff[c]);
      if (local + provider < minFte[c] - HELD_TOLERANCE) continue;
      heldG[group[c]]++;
      teamG[group[c]] += local + provider;
    }
    this.writeCoverage(p, i, t);
  }

  /** Coverage shares from the per-group held counts and team FTE of one member-year. */
  private writeCoverage(p: number, i: number, t: number): void {
    const { C, M, T, heldG, teamG, groups } = this;
    const groupSize = this.m.groupSize;
    let held = 0;
    let robust = 0;
    const last = t === T - 1;
    const g0 = (p * M + i) * 2 * G;
    for (let g = 0; g < G; g++) {
      const h = heldG[g];
      // the map's levels decide the robustness of what it assesses; the team rule the rest (§14)
      const stated = this.fragileG[g] + this.sturdyG[g];
      const rb = (teamG[g] >= 2 ? h - stated : 0) + this.sturdyG[g];
      held += h;
      robust += rb;
      if (last) {
        groups[g0 + g] = groupSize[g] > 0 ? h / groupSize[g] : 0;
        groups[g0 + G + g] = groupSize[g] > 0 ? rb / groupSize[g] : 0;
      }
    }
    const o = ((p * M + i) * T + t) * MY;
    this.out[o + Y.coverage] = held / C;
    this.out[o + Y.robustCoverage] = robust / C;
  }

  /** A merged municipality in year t: one budget, one shortfall, one coverage for all its members (§5.5, §6, §8). */
  private mergedYear(p: number, spec: PathSpec, t: number, provPhi: number): void {
    const { m, T, M, C, out, mergedX, mergedY, heldG, teamG } = this;
    const W = this.wage[t];
    let budget = 0;
    let holding = 0;
    let demand = 0;
    let population = 0;
    // mergedX and mergedY, the merged municipality's cost and FTE per capability, were summed by blendMember
    for (let i = 0; i < M; i++) {
      if (!spec.members[i]) continue;
      budget += this.budget[i * T + t];
      holding += this.holdingNow[i];
      demand += this.demandNow[i];
      population += this.pop[i * T + t];
    }
    const free = budget - holding;
    const devCap = free > 0 ? (provPhi * free) / W : 0;
    const kappa = demand > 0 ? Math.min(1, devCap / demand) : 1;
    // the shortfall gives up the merged municipality's capabilities, governance first; first of all what
    // it would newly buy: what every member that assessed it says is missing (§14)
    const { shortfallOrder, kind, minFte, group } = m;
    const isNew = this.isMergedNewBuy;
    const buys = this.mergedNewBuys;
    let missing = -free;
    let n0 = 0;
    for (; n0 < buys.length && missing > 0; n0++) missing -= mergedX[buys[n0]];
    let nGiven = 0;
    for (; nGiven < shortfallOrder.length && missing > 0; nGiven++) {
      const c = shortfallOrder[nGiven];
      if (!isNew[c]) missing -= mergedX[c];
    }
    const rank = this.rank;
    const newRank = this.mergedNewRank;
    heldG.fill(0);
    teamG.fill(0);
    // a merged municipality decides anew what it holds: the members' map does not fix it (§14)
    this.fragileG.fill(0);
    this.sturdyG.fill(0);
    for (let c = 0; c < C; c++) {
      const development = kind[c] === KIND.utveckling;
      const given = isNew[c] ? newRank[c] < n0 : rank[c] < nGiven;
      const pay = development ? kappa : given ? 0 : 1;
      const h = pay * mergedY[c];
      if (pay === 0 || h < minFte[c] - HELD_TOLERANCE) continue;
      heldG[group[c]]++;
      teamG[group[c]] += development ? h : provPhi * h;
    }
    let first = -1;
    for (let i = 0; i < M; i++) {
      if (!spec.members[i]) continue;
      const o = ((p * M + i) * T + t) * MY;
      const share = this.pop[i * T + t] / population;
      const cap = devCap * share;
      out[o + Y.developmentCapacity] = cap;
      out[o + Y.capacityGap] = this.demandNow[i] - cap;
      out[o + Y.driftShare] = this.driftNow[i] / (this.holdingNow[i] + Math.max(free, 0) * share);
      if (first < 0) {
        this.writeCoverage(p, i, t);
        first = i;
      } else {
        const source = ((p * M + first) * T + t) * MY;
        out[o + Y.coverage] = out[source + Y.coverage];
        out[o + Y.robustCoverage] = out[source + Y.robustCoverage];
        if (t === T - 1) {
          const groups = this.groups;
          groups.copyWithin((p * M + i) * 2 * G, (p * M + first) * 2 * G, (p * M + first + 1) * 2 * G);
        }
      }
    }
    // the merged municipality's staff: the members' holding staff plus the development staff it buys
    if (first >= 0) this.staffNow[first] += devCap;
  }

  /** Sum the members into the path's totals for the current run (§9). */
  private totals(p: number, spec: PathSpec): void {
    const { M, T, out, tot } = this;
    for (let t = 0; t < T; t++) {
      const q = (p * T + t) * TM;
      let cost = 0;
      let cap = 0;
      let unmet = 0;
      let cov = 0;
      let rob = 0;
      let drift = 0;
      let budget = 0;
      let demand = 0;
      let pop = 0;
      let mergedGap = 0;
      for (let i = 0; i < M; i++) {
        const o = ((p * M + i) * T + t) * MY;
        cost += out[o + Y.totalCost];
        cap += out[o + Y.developmentCapacity];
        const gap = out[o + Y.capacityGap];
        demand += gap + out[o + Y.developmentCapacity];
        if (spec.merged && spec.members[i]) mergedGap += gap;
        else unmet += Math.max(gap, 0);
        cov += out[o + Y.coverage];
        rob += out[o + Y.robustCoverage];
        budget += out[o + Y.budget];
        pop += this.pop[i * T + t];
        drift += out[o + Y.driftShare] * out[o + Y.budget];
      }
      tot[q + TOT.totalCost] = cost;
      tot[q + TOT.developmentCapacity] = cap;
      tot[q + TOT.capacityGap] = unmet + Math.max(mergedGap, 0);
      tot[q + TOT.coverage] = cov / M;
      tot[q + TOT.robustCoverage] = rob / M;
      tot[q + TOT.driftShare] = drift / budget;
      tot[q + TOT.budget] = budget;
      tot[q + TOT.developmentDemand] = demand;
      tot[q + TOT.population] = pop;
    }
  }
}

/**
 * The hot loop: one member's cost and staffing in one year for the shared capabilities (the others are
 * as in status quo), blending its own provision with its part of the provider by the ramp r (§5.1).
 * Writes x (`memberCost`) and ε (`memberEps`) of those capabilities; adds ε to the
 * provider's staff P_c (`paidOrMergedCost`), or in a merger x and y to the merged municipality's cost and
 * FTE per capability (`paidOrMergedCost`, `mergedFteSum`); and writes in `sums` the
 * differences from status quo of cost, holding cost, drift cost, development demand and holding staff,
 * the member's part of the provider's cost Σπ and what it pays for it at full effect Σ(e + μπ), both
 * unramped. A free
 * function over typed arrays so that the JIT keeps it small and monomorphic.
 */
function blendMember(
  maskIndex: Int32Array,
  memberBase: number,
  base: number,
  shareBase: number,
  provBase: number,
  r: number,
  unrealised: number,
  markup: number,
  merged: boolean,
  sqFte: Float64Array,
  sqCost: Float64Array,
  shareD: Float64Array,
  provCost: Float64Array,
  provFte: Float64Array,
  mergedCost: Float64Array,
  mergedFte: Float64Array,
  slot: Int32Array,
  kind: Uint8Array,
  mapLevel: Int8Array,
  memberCost: Float64Array,
  memberEps: Float64Array,
  paidOrMergedCost: Float64Array,
  mergedFteSum: Float64Array,
  sums: Float64Array,
): void {
  let cost = 0;
  let holding = 0;
  let drift = 0;
  let demand = 0;
  let staff = 0;
  let provider = 0;
  let providerPay = 0;
  for (let k = 0; k < maskIndex.length; k++) {
    const c = maskIndex[k];
    const ownFte = sqFte[base + c];
    const own = sqCost[base + c];
    const share = shareD[shareBase + slot[c]];
    const pc = share * provCost[provBase + c];
    let pay: number;
    let eps: number;
    if (merged) {
      // a merged municipality realises its gains as a whole (see realiseMerged)
      pay = share * mergedCost[c];
      eps = share * mergedFte[c];
    } else {
      // a contract partner realises them per member; a markup is paid on top of the realised cost
      const pf = share * provFte[provBase + c];
      pay = (pc < own ? pc + unrealised * (own - pc) : pc) + markup * pc;
      eps = pf < ownFte ? pf + unrealised * (ownFte - pf) : pf;
    }
    const x = own + r * (pay - own);
    const y = ownFte + r * (eps - ownFte);
    // a capability the map assesses as missing has no own part that is paid or staffed (§14): the member
    // pays and employs only what moves to the provider, and status quo's sums left it out
    const missing = mapLevel[memberBase + c] === 0;
    const paid = missing ? x - (1 - r) * own : x;
    const employed = missing ? y - (1 - r) * ownFte : y;
    memberCost[memberBase + c] = paid;
    if (merged) {
      paidOrMergedCost[c] += paid;
      mergedFteSum[c] += employed;
    } else {
      memberEps[memberBase + c] = eps;
      paidOrMergedCost[c] += eps;
    }
    provider += pc;
    providerPay += pay;
    cost += x - own;
    const kc = kind[c];
    if (kc === KIND.utveckling) demand += y - ownFte;
    else {
      const d = missing ? paid : paid - own;
      holding += d;
      staff += missing ? employed : employed - ownFte;
      if (kc === KIND.drift) drift += d;
    }
  }
  sums[B_COST] = cost;
  sums[B_HOLDING] = holding;
  sums[B_DRIFT] = drift;
  sums[B_DEMAND] = demand;
  sums[B_STAFF] = staff;
  sums[B_PROVIDER] = provider;
  sums[B_PROVIDER_PAY] = providerPay;
}

/** Share of positions filled in the long run: φ* = f / (a + f(1 − a)) for attrition a and fill rate f. */
function steadyStaffing(size: number, attrition: number, recruitment: number): number {
  const f = fillRate(size, recruitment);
  return f / (attrition + f * (1 - attrition));
}

/** Next year's filled share: leavers go, and a size-dependent share of open positions is filled. */
function nextStaffing(phi: number, size: number, attrition: number, recruitment: number): number {
  const stay = phi * (1 - attrition);
  return stay + (1 - stay) * fillRate(size, recruitment);
}

/** Share of vacancies filled within a year: larger IT units recruit more easily (antagande). */
function fillRate(size: number, recruitment: number): number {
  const n = Math.max(0, size);
  return recruitment + (1 - recruitment) * (n / (n + RECRUITMENT_HALF_SIZE));
}
