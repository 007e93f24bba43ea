import { ASSUMPTION_IDS, type AssumptionId } from './assumptions.js';
import { correlateUniforms } from './copula.js';
import { DRIVER, KIND, type PreparedModel } from './model.js';
import { runStream } from './rng.js';
import { CAPABILITY_GROUPS, PATH_IDS } from './schema.js';

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

const P = PATH_IDS.length;
const G = CAPABILITY_GROUPS.length;
const TM = TOTAL_METRICS.length;
const MR = MEMBER_RUN_METRICS.length;
const MY = MEMBER_YEAR_METRICS.length;
const K = ASSUMPTION_IDS.length;
/** Status quo sums per member-year: cost, holding, drift, development demand (FTE), FTE. */
const SQ = 5;
const A = Object.fromEntries(ASSUMPTION_IDS.map((id, i) => [id, i])) as Record<AssumptionId, number>;

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

/** How an arrangement other than status quo is set up in one run. */
interface PathSpec {
  members: Uint8Array;
  capabilities: Uint8Array;
  /** The indices of `capabilities`, and how many operations/governance capabilities of each group it holds. */
  maskIndex: Int32Array;
  maskNonDevCount: Float64Array;
  anyShared: boolean;
  merged: boolean;
  /** Provider volume multiple (a regional body serves more than the members). */
  volumeFactor: number;
  realisation: number;
  ramp: Float64Array;
  transition: Float64Array;
  transitionShare: number;
  overheadShare: number;
  /** Who pays a coordination function, and from which year index. */
  coordinationPayers: Uint8Array;
  coordinationFrom: number;
  /** Price factor on the provider's unit cost, per member (host markup for buyers). */
  priceFactor: Float64Array;
  /** Member index of a host that earns the markup and serves itself first, or −1. */
  host: number;
  markup: number;
}

/**
 * Runs the Monte Carlo model. One instance holds the scratch memory for one thread; `simulateChunk`
 * fills a ChunkResult for runs [runStart, runStart + runCount). Pure: no DOM, no I/O, no globals.
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
  private readonly wage: Float64Array;
  private readonly priceIndex: Float64Array;
  private readonly demand: Float64Array;
  private readonly discount: Float64Array;
  private readonly pop: Float64Array;
  private readonly users: Float64Array;
  private readonly budget: Float64Array;
  private readonly legacyFactor: Float64Array;
  private readonly sqFte: Float64Array;
  /** FTE · wage + non-staff cost: each member's own cost per year and capability. */
  private readonly sqCost: Float64Array;
  /** [member][year][driver]: the member's share of the current provider's volume. */
  private readonly shareD: Float64Array;
  /** [year][capability]: the current provider's cost. */
  private readonly provCost: Float64Array;
  /** Per member: own cost in the start year of the shared capabilities, and of all capabilities. */
  private readonly sharedCost0: Float64Array;
  private readonly totalCost0: Float64Array;
  private readonly phiStar: Float64Array;
  private readonly provFte: Float64Array;
  private readonly provNs: Float64Array;
  private readonly provVol: Float64Array;
  private readonly memberCost: Float64Array;
  private readonly memberFte: Float64Array;
  /** [member][year][cost, holding, drift, development demand, FTE]: status quo sums over all capabilities. */
  private readonly sqSum: Float64Array;
  /** [member][year][group]: status quo FTE of the operations and governance capabilities per group. */
  private readonly sqGroupFte: Float64Array;
  /** Per capability: a member's need in the current year, and its growth factor per year (memberNeeds). */
  private readonly workNow: Float64Array;
  private readonly otherNow: Float64Array;
  private readonly workStep: Float64Array;
  private readonly otherStep: Float64Array;
  /** Operations and governance capabilities per group; development capabilities by index. */
  private readonly nonDevCount = new Float64Array(G);
  private readonly devIndex: Int32Array;
  /** Coverage scratch per group: the provider's share of the current path-year, and one member's. */
  private readonly cov = new CoverageScratch();
  private readonly yearCov = new CoverageScratch();
  /** [path][member][year][metric] of the current run. */
  private readonly out: Float64Array;
  /** [path][member][held|robust][group] of the current run's final year. */
  private readonly groups: Float64Array;
  /** [path][year][metric] of the current run. */
  private readonly tot: Float64Array;
  private readonly specs: PathSpec[];
  private readonly localPhi: Float64Array;
  private readonly sums = new Float64Array(7);
  /** Per year: the uniforms that decide a probabilistic member exit (drawn every run, used when configured). */
  private readonly exitDraws: Float64Array;
  /** Per member: what it paid for shared provision in the year before an exit. */
  private readonly sharedPayment: Float64Array;
  /** A driver array that points every capability at inhabitants (a merger splits everything by population). */
  private readonly allInhabitants: Uint8Array;
  private readonly mergedCost: Float64Array;
  private readonly mergedFte: Float64Array;
  private readonly retiredCost: Float64Array;

  constructor(model: PreparedModel) {
    this.m = model;
    const T = model.years.length;
    const M = model.members.length;
    const C = model.capabilities.length;
    this.T = T;
    this.M = M;
    this.C = C;
    this.beta = new Float64Array(C);
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
    this.shareD = new Float64Array(M * T * 4);
    this.provCost = new Float64Array(T * C);
    this.sharedCost0 = new Float64Array(M);
    this.totalCost0 = new Float64Array(M);
    this.phiStar = new Float64Array(M);
    this.provFte = new Float64Array(T * C);
    this.provNs = new Float64Array(T * C);
    this.provVol = new Float64Array(T * 4);
    this.memberCost = new Float64Array(C);
    this.memberFte = new Float64Array(C);
    this.sqSum = new Float64Array(M * T * SQ);
    this.sqGroupFte = new Float64Array(M * T * G);
    this.workNow = new Float64Array(C);
    this.otherNow = new Float64Array(C);
    this.workStep = new Float64Array(C);
    this.otherStep = new Float64Array(C);
    const dev: number[] = [];
    for (let c = 0; c < C; c++) {
      if (model.kind[c] === KIND.utveckling) dev.push(c);
      else this.nonDevCount[model.group[c]]++;
    }
    this.devIndex = Int32Array.from(dev);
    this.out = new Float64Array(P * M * T * MY);
    this.groups = new Float64Array(P * M * 2 * G);
    this.tot = new Float64Array(P * T * TM);
    this.localPhi = new Float64Array(M);
    this.allInhabitants = new Uint8Array(C).fill(DRIVER.inhabitants);
    this.exitDraws = new Float64Array(2 * T);
    this.sharedPayment = new Float64Array(M);
    this.mergedCost = new Float64Array(C);
    this.mergedFte = new Float64Array(C);
    this.retiredCost = new Float64Array(T);
    const none = new Uint8Array(C);
    const all = new Uint8Array(C).fill(1);
    const allMembers = new Uint8Array(M).fill(1);
    const maskOf = (capabilities: Uint8Array) => {
      const maskNonDevCount = new Float64Array(G);
      const index: number[] = [];
      for (let c = 0; c < C; c++) {
        if (!capabilities[c]) continue;
        index.push(c);
        if (model.kind[c] !== KIND.utveckling) maskNonDevCount[model.group[c]]++;
      }
      return { maskIndex: Int32Array.from(index), maskNonDevCount, anyShared: index.length > 0 };
    };
    const spec = (over: Partial<PathSpec>): PathSpec => ({
      members: allMembers,
      capabilities: none,
      merged: false,
      volumeFactor: 1,
      realisation: 1,
      ramp: new Float64Array(T),
      transition: new Float64Array(T),
      transitionShare: 0,
      overheadShare: 0,
      coordinationPayers: new Uint8Array(M),
      coordinationFrom: 0,
      priceFactor: new Float64Array(M).fill(1),
      host: -1,
      markup: 0,
      ...over,
      ...maskOf(over.capabilities ?? none),
    });
    this.specs = [
      spec({}),
      spec({ members: model.samverkanMember, capabilities: model.pooled, coordinationPayers: model.samverkanMember }),
      spec({ capabilities: model.transferred, coordinationPayers: allMembers }),
      spec({ members: model.mergerMember, capabilities: all, merged: true }),
      spec({
        members: model.asymMember,
        capabilities: model.provided,
        host: model.host,
        coordinationPayers: model.asymMember.map((x, i) => (x && i !== model.host ? 1 : 0)),
      }),
    ];
  }

  /** Simulate runs [runStart, runStart + runCount). runStart must be a multiple of BLOCK_RUNS. */
  simulateChunk(runStart: number, runCount: number): ChunkResult {
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
    for (let p = 0; p < P; p++) {
      for (let i = 0; i < M; i++) {
        let horizonCost = 0;
        let npv = 0;
        for (let t = 0; t < T; t++) {
          const o = ((p * M + i) * T + t) * MY;
          const sq = (i * T + t) * MY; // path 0
          horizonCost += out[o];
          npv += (out[o] - out[sq]) * this.discount[t];
          for (let metric = 0; metric < MY; metric++) {
            res.blockSums[blockBase + ((metric * P + p) * M + i) * T + t] += out[o + metric];
          }
        }
        const last = ((p * M + i) * T + T - 1) * MY;
        res.memberRuns[((0 * P + p) * M + i) * n + r] = horizonCost;
        res.memberRuns[((1 * P + p) * M + i) * n + r] = npv;
        res.memberRuns[((2 * P + p) * M + i) * n + r] = out[last + 1];
        res.memberRuns[((3 * P + p) * M + i) * n + r] = out[last + 2];
        for (let h = 0; h < 2; h++) {
          for (let g = 0; g < G; g++) {
            res.groupSums[(((block * 2 + h) * P + p) * M + i) * G + g] += groups[((p * M + i) * 2 + h) * G + g];
          }
        }
      }
    }
  }

  /** Draw the run's inputs (common to all paths) and evaluate every path. */
  private runOne(seed: number, runIndex: number): void {
    const { m, T, M, C, draw } = this;
    const rng = runStream(seed, runIndex);
    const u = this.uniforms;
    for (let k = 0; k < K; k++) u[k] = rng();
    if (m.correlated.length > 0) correlateUniforms(u, m.correlated, m.copulaFactor, this.copulaScratch);
    for (let k = 0; k < K; k++) draw[k] = m.quantiles[k](u[k]);
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
    const s = draw[A.scaleShift];
    for (let c = 0; c < C; c++) {
      this.beta[c] =
        s >= 0
          ? m.betaMode[c] + s * (m.betaHigh[c] - m.betaMode[c])
          : m.betaMode[c] + s * (m.betaMode[c] - m.betaLow[c]);
    }
    const pupilWeight = draw[A.pupilWeight];
    const attrition = clamp01(draw[A.attrition]);
    const recruitment = clamp01(draw[A.recruitment]);
    for (let i = 0; i < M; i++) {
      const g = m.growth[i] + draw[A.populationGrowthShift];
      const users0 = m.employees[i] + pupilWeight * m.pupils[i];
      const budget0 = Number.isNaN(m.itCost[i]) ? draw[A.budgetPerInhabitant] * m.pop0[i] : m.itCost[i];
      this.legacyFactor[i] = 1 + Math.max(0, draw[A.legacyPenalty]) * m.legacy[i];
      for (let t = 0; t < T; t++) {
        const growth = (1 + g) ** t;
        this.pop[i * T + t] = m.pop0[i] * growth;
        this.users[i * T + t] = users0 * growth;
        this.budget[i * T + t] = budget0 * (1 + budgetGrowth) ** t;
      }
      this.memberNeeds(i, users0, g);
      let n0 = 0;
      for (let c = 0; c < C; c++) n0 += this.sqFte[i * T * C + c];
      this.phiStar[i] = steadyStaffing(n0, attrition, recruitment);
    }

    this.configure(draw);
    for (let p = 0; p < P; p++) {
      if (m.enabled[p]) this.evaluatePath(p, attrition, recruitment);
      else this.copyStatusQuo(p);
    }
  }

  /** Set the run-dependent parts of each path's specification. */
  private configure(draw: Float64Array): void {
    const { m, T, M } = this;
    const rampYears = Math.max(0.1, draw[A.rampUpYears]);
    const shared = clamp01(draw[A.realisationShared]);
    const rampFrom = (start: number, ramp: Float64Array, transition: Float64Array) => {
      for (let t = 0; t < T; t++) {
        ramp[t] = clamp01((t - start) / rampYears);
        transition[t] = clamp01((t + 1 - start) / rampYears) - ramp[t];
      }
    };
    const [, samverkan, omfordelning, merger, asym] = this.specs;
    rampFrom(0, samverkan.ramp, samverkan.transition);
    samverkan.realisation = shared;
    samverkan.transitionShare = Math.max(0, draw[A.transitionShareShared]);
    samverkan.overheadShare = m.formOverhead * Math.max(0, draw[A.governanceOverhead]);

    const delay = Math.max(0, draw[A.decisionDelay]);
    rampFrom(delay, omfordelning.ramp, omfordelning.transition);
    omfordelning.realisation = shared;
    omfordelning.transitionShare = samverkan.transitionShare;
    omfordelning.coordinationFrom = Math.ceil(delay);
    let membersPop = 0;
    for (let i = 0; i < M; i++) membersPop += m.pop0[i];
    omfordelning.volumeFactor = Math.max(1, m.bodyPopulation / membersPop);
    omfordelning.priceFactor.fill(1 + Math.max(0, draw[A.bodyMarkup]));

    rampFrom(0, merger.ramp, merger.transition);
    merger.realisation = clamp01(draw[A.realisationMerger]);
    merger.transitionShare = Math.max(0, draw[A.transitionShareMerger]);

    rampFrom(0, asym.ramp, asym.transition);
    asym.realisation = shared;
    asym.transitionShare = samverkan.transitionShare;
    asym.markup = Math.max(0, draw[A.hostMarkup]);
    for (let i = 0; i < M; i++) asym.priceFactor[i] = i === m.host ? 1 : 1 + asym.markup;
  }

  /**
   * Staffing need (FTE) and non-staff cost (SEK) of every capability for a provider serving the
   * given volumes in year t: fte = max(minFte, fteAtRef · (D/ref)^β), grown by development demand
   * for development capabilities and by the legacy factor for system-driven ones.
   */
  private needs(
    lnUsers: number,
    lnSystems: number,
    lnPop: number,
    legacy: number,
    t: number,
    fte: Float64Array,
    ns: Float64Array,
    offset: number,
  ): void {
    const { m, C, beta } = this;
    const demand = this.demand[t];
    const price = this.priceIndex[t];
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
      let work = m.fteAtRef[c] * Math.exp(beta[c] * x);
      let other = m.nonStaffCost[c] * Math.exp(m.nonStaffScale[c] * x) * price;
      if (m.kind[c] === KIND.utveckling) work *= demand;
      if (d === DRIVER.systems) {
        work *= legacy;
        other *= legacy;
      }
      fte[offset + c] = Math.max(work, m.minFte[c]);
      ns[offset + c] = other;
    }
  }

  /**
   * Status quo needs of member i for every year and capability. Same formula as `needs`, but since a
   * member's volumes grow geometrically, (D_t/ref)^β = (D_0/ref)^β · ((1+g)^β)^t: two exponentials per
   * capability instead of two per capability and year.
   */
  private memberNeeds(i: number, users0: number, g: number): void {
    const { m, T, C, beta, sqFte, sqCost, sqSum, sqGroupFte, workNow, otherNow, workStep, otherStep } = this;
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
      const work = m.fteAtRef[c] * Math.exp(beta[c] * x) * factor;
      const other = m.nonStaffCost[c] * Math.exp(m.nonStaffScale[c] * x) * factor;
      workNow[c] = work;
      otherNow[c] = other;
      workStep[c] = Math.exp(beta[c] * grows);
      otherStep[c] = Math.exp(m.nonStaffScale[c] * grows);
    }
    // year by year, so that writes are contiguous and the sums stay in registers
    const { kind, minFte, group } = m;
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
      let fteSum = 0;
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
        else {
          holding += value;
          if (k === KIND.drift) drift += value;
          sqGroupFte[gq + group[c]] += fte;
        }
        fteSum += fte;
        workNow[c] = work * workStep[c];
        otherNow[c] *= otherStep[c];
      }
      const q = (i * T + t) * SQ;
      sqSum[q] = cost;
      sqSum[q + 1] = holding;
      sqSum[q + 2] = drift;
      sqSum[q + 3] = development;
      sqSum[q + 4] = fteSum;
    }
  }

  private copyStatusQuo(p: number): void {
    const { M, T } = this;
    const size = M * T * MY;
    this.out.copyWithin(p * size, 0, size);
    this.tot.copyWithin(p * T * TM, 0, T * TM);
    this.groups.copyWithin(p * M * 2 * G, 0, M * 2 * G);
  }

  /**
   * Which member leaves path p in this run, and when: [member, year index, stranded years], or [−1, …]
   * for none. A probabilistic exit takes the first year whose draw falls below the probability and picks
   * the member with the year's second draw.
   */
  private exitOf(p: number, spec: PathSpec): [number, number, number] {
    const plan = this.m.exits[p];
    if (!plan) return [-1, -1, 0];
    if (plan.member >= 0) return [plan.member, plan.yearIndex, plan.strandedYears];
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

  /** Compute the shared provider's needs for path p (its volumes are the members' sums). */
  private providerNeeds(spec: PathSpec): void {
    const { m, T, M, C } = this;
    let systemsSum = 0;
    let systemsMax = 0;
    let legacyWeighted = 0;
    for (let i = 0; i < M; i++) {
      if (!spec.members[i]) continue;
      systemsSum += m.systems[i];
      systemsMax = Math.max(systemsMax, m.systems[i]);
      legacyWeighted += m.systems[i] * this.legacyFactor[i];
    }
    const legacy = legacyWeighted / systemsSum;
    const consolidation = Math.max(0.1, this.draw[A.consolidationYears]);
    for (let t = 0; t < T; t++) {
      let u = 0;
      let pop = 0;
      for (let i = 0; i < M; i++) {
        if (!spec.members[i]) continue;
        u += this.users[i * T + t];
        pop += this.pop[i * T + t];
      }
      // a merger consolidates systems from the sum toward the largest member's count
      const systems = spec.merged
        ? systemsMax + (systemsSum - systemsMax) * Math.max(0, 1 - t / consolidation)
        : systemsSum;
      const f = spec.volumeFactor;
      this.provVol[t * 4 + DRIVER.users] = u * f;
      this.provVol[t * 4 + DRIVER.systems] = systems * f;
      this.provVol[t * 4 + DRIVER.inhabitants] = pop * f;
      this.provVol[t * 4 + DRIVER.fixed] = pop * f;
      this.needs(
        Math.log(u * f),
        Math.log(systems * f),
        Math.log(pop * f),
        legacy,
        t,
        this.provFte,
        this.provNs,
        t * C,
      );
    }
  }

  /**
   * Each member's share of the provider's volume, per year and driver (fixed capabilities are split by
   * inhabitants), the provider's cost per capability, and each member's start-year own costs.
   */
  private prepareShares(spec: PathSpec): void {
    const { m, T, M, C, provVol, shareD, provCost, provFte, provNs, sqCost } = this;
    for (let t = 0; t < T; t++) {
      const W = this.wage[t];
      for (let c = 0; c < C; c++) provCost[t * C + c] = provFte[t * C + c] * W + provNs[t * C + c];
    }
    for (let i = 0; i < M; i++) {
      let shared0 = 0;
      let total0 = 0;
      for (let c = 0; c < C; c++) {
        const own = sqCost[i * T * C + c];
        total0 += own;
        if (spec.capabilities[c]) shared0 += own;
      }
      this.sharedCost0[i] = shared0;
      this.totalCost0[i] = total0;
      if (!spec.members[i] || !spec.anyShared) continue;
      for (let t = 0; t < T; t++) {
        const k = (i * T + t) * 4;
        const pop = this.pop[i * T + t] / provVol[t * 4 + DRIVER.inhabitants];
        shareD[k + DRIVER.users] = this.users[i * T + t] / provVol[t * 4 + DRIVER.users];
        shareD[k + DRIVER.systems] = m.systems[i] / provVol[t * 4 + DRIVER.systems];
        shareD[k + DRIVER.inhabitants] = pop;
        shareD[k + DRIVER.fixed] = pop;
      }
    }
  }

  /** A member's share of the provider's volume of capability c's driver in year t. */
  private shareOf(spec: PathSpec, i: number, c: number, t: number): number {
    const { m, T } = this;
    // a merged municipality splits everything by population; fixed capabilities are split the same way
    const d = spec.merged ? DRIVER.inhabitants : m.driver[c];
    const own = d === DRIVER.users ? this.users[i * T + t] : d === DRIVER.systems ? m.systems[i] : this.pop[i * T + t];
    return own / this.provVol[t * 4 + d];
  }

  private evaluatePath(p: number, attrition: number, recruitment: number): void {
    const { m, T, M, C, out, tot } = this;
    const spec = this.specs[p];
    if (spec.anyShared) this.providerNeeds(spec);
    const merged = spec.merged;
    tot.fill(0, p * T * TM, (p + 1) * T * TM);

    // provider staffing: starts at the members' FTE-weighted steady state, then follows its own size
    let provPhi = 0;
    let provWeight = 0;
    for (let i = 0; i < M; i++) {
      if (!spec.members[i]) continue;
      const n0 = this.sqSum[i * T * SQ + 4];
      provPhi += this.phiStar[i] * n0;
      provWeight += n0;
    }
    provPhi /= provWeight;
    const localPhi = this.localPhi;
    localPhi.set(this.phiStar);
    const systemsRetiredCost = this.retiredCost;
    systemsRetiredCost.fill(0);
    if (merged) {
      let prev = 0;
      for (let i = 0; i < M; i++) if (spec.members[i]) prev += m.systems[i];
      for (let t = 0; t < T; t++) {
        const systems = this.provVol[t * 4 + DRIVER.systems];
        systemsRetiredCost[t] = Math.max(0, prev - systems) * Math.max(0, this.draw[A.migrationCostPerSystem]);
        prev = systems;
      }
    }
    const coordinationFte = Math.max(0, this.draw[A.coordinationFte]);
    const { sqFte, sqCost, sqSum, sqGroupFte, shareD, provCost, provFte, memberCost, memberFte } = this;
    const { mergedCost, mergedFte, cov, yearCov } = this;
    const { kind, group } = m;
    const driver = merged ? this.allInhabitants : m.driver;
    const mask = spec.capabilities;
    const maskIndex = spec.maskIndex;
    const unrealised = 1 - spec.realisation;
    const sums = this.sums;
    this.prepareShares(spec);
    const [exitMember, exitYear, strandedYears] = this.exitOf(p, spec);
    this.sharedPayment.fill(0);
    let strandedBase = 0;
    let remainingPayment = 0;

    for (let t = 0; t < T; t++) {
      const W = this.wage[t];
      const r = spec.ramp[t];
      const sharedNow = r >= 0.5;
      // a merger counts as one organisation once it is more than half done
      const mergedNow = merged && sharedNow;
      let provN = 0;
      for (let k = 0; k < maskIndex.length; k++) provN += provFte[t * C + maskIndex[k]];
      // this year's split of the operations and governance capabilities between provider and members
      yearCov.reset();
      for (let g = 0; g < G; g++) {
        const atProvider = sharedNow ? spec.maskNonDevCount[g] : 0;
        yearCov.providerHeld[g] = atProvider;
        yearCov.localHeld[g] = this.nonDevCount[g] - atProvider;
      }
      if (sharedNow) {
        for (let k = 0; k < maskIndex.length; k++) {
          const c = maskIndex[k];
          if (kind[c] !== KIND.utveckling) yearCov.providerFte[group[c]] += provFte[t * C + c];
        }
      }
      // the host serves itself first when its staffing falls short
      let hostShare = 0;
      if (spec.host >= 0) {
        let own = 0;
        let all = 0;
        for (let k = 0; k < maskIndex.length; k++) {
          const c = maskIndex[k];
          const f = provFte[t * C + c];
          own += f * this.shareOf(spec, spec.host, c, t);
          all += f;
        }
        hostShare = all > 0 ? own / all : 0;
      }
      let mergedBudget = 0;
      let mergedHolding = 0;
      let mergedDemand = 0;
      let mergedN = 0;
      let markupIncome = 0;
      if (merged) this.realiseMerged(spec, t);
      if (spec.host >= 0) {
        for (let k = 0; k < maskIndex.length; k++) {
          const c = maskIndex[k];
          markupIncome += r * spec.markup * provCost[t * C + c] * (1 - this.shareOf(spec, spec.host, c, t));
        }
      }

      if (exitMember >= 0 && t === exitYear) {
        strandedBase = this.sharedPayment[exitMember];
        remainingPayment = 0;
        for (let j = 0; j < M; j++) if (spec.members[j] && j !== exitMember) remainingPayment += this.sharedPayment[j];
      }
      for (let i = 0; i < M; i++) {
        const o = ((p * M + i) * T + t) * MY;
        // outside the arrangement, or gone from it: the member is back on its own
        if (!spec.members[i] || (i === exitMember && t >= exitYear)) {
          const sq = (i * T + t) * MY;
          for (let k = 0; k < MY; k++) out[o + k] = out[sq + k];
          if (t === T - 1) this.groups.copyWithin((p * M + i) * 2 * G, i * 2 * G, (i + 1) * 2 * G);
          continue;
        }
        const it = i * T + t;
        cov.copyFrom(yearCov);
        for (let g = 0; g < G; g++) cov.localFte[g] = sqGroupFte[it * G + g];
        blendMember(
          maskIndex,
          it * C,
          it * 4,
          t * C,
          r,
          sharedNow,
          unrealised,
          spec.priceFactor[i],
          merged,
          sqFte,
          sqCost,
          shareD,
          provCost,
          provFte,
          mergedCost,
          mergedFte,
          driver,
          kind,
          group,
          memberCost,
          memberFte,
          cov.localFte,
          sums,
        );
        const q = it * SQ;
        let cost = sqSum[q] + sums[0];
        let holding = sqSum[q + 1] + sums[1];
        const drift = sqSum[q + 2] + sums[2];
        const demand = sqSum[q + 3] + sums[3];
        const sharedCost = sums[4];
        const localN = sqSum[q + 4] - sums[5];
        const overhead = spec.overheadShare * sharedCost;
        const coordination = spec.coordinationPayers[i] && t >= spec.coordinationFrom ? coordinationFte * W : 0;
        let transition =
          spec.transitionShare * (merged ? this.totalCost0[i] : this.sharedCost0[i]) * spec.transition[t];
        if (merged)
          transition += systemsRetiredCost[t] * (this.pop[i * T + t] / this.provVol[t * 4 + DRIVER.inhabitants]);
        const income = i === spec.host ? markupIncome : 0;
        if (exitMember >= 0 && t === exitYear - 1) this.sharedPayment[i] = sums[6] + overhead;
        // after an exit the others carry the leaver's former payment, falling to zero over strandedYears
        const stranded =
          exitMember >= 0 && t >= exitYear && t - exitYear < strandedYears && remainingPayment > 0
            ? strandedBase * (1 - (t - exitYear) / strandedYears) * (this.sharedPayment[i] / remainingPayment)
            : 0;
        const extra = overhead + coordination + transition - income + stranded;
        cost += extra;
        holding += extra;
        out[o] = cost;
        out[o + 6] = this.budget[i * T + t];
        tot[(p * T + t) * TM + 6] += transition;
        if (mergedNow) {
          mergedBudget += this.budget[i * T + t];
          mergedHolding += holding;
          mergedDemand += demand;
          mergedN += localN;
          out[o + 1] = holding; // provisional: replaced after the merged organisation is settled
          out[o + 2] = demand;
          out[o + 5] = drift;
          continue;
        }
        // budget-driven capacity: what is left after holding the engine buys development staff
        const phi = localPhi[i];
        const free = this.budget[i * T + t] - holding;
        const devCap = free > 0 ? (phi * free) / W : 0;
        this.giveUp(free, false, sharedNow, mask, it * C, t);
        this.coverage(
          p,
          i,
          t,
          it * C,
          sharedNow,
          mask,
          devCap,
          demand,
          phi,
          spec.host < 0
            ? provPhi
            : i === spec.host
              ? Math.min(1, provPhi / Math.max(hostShare, 1e-9))
              : clamp01((provPhi - hostShare) / Math.max(1 - hostShare, 1e-9)),
          o,
        );
        out[o + 1] = devCap;
        out[o + 2] = demand - devCap;
        out[o + 5] = drift / (holding + Math.max(free, 0));
        localPhi[i] = nextStaffing(phi, localN + devCap, attrition, recruitment);
      }

      if (mergedNow) {
        // one municipality: the budget and the shortfall are pooled, capacity is shared by population
        const free = mergedBudget - mergedHolding;
        const devCap = free > 0 ? (provPhi * free) / W : 0;
        let mergedPop = 0;
        for (let i = 0; i < M; i++) if (spec.members[i]) mergedPop += this.pop[i * T + t];
        // every capability is the merged organisation's, so coverage is the same for every member
        cov.copyFrom(yearCov);
        this.giveUp(free, true, sharedNow, mask, 0, t);
        let first = -1;
        for (let i = 0; i < M; i++) {
          if (!spec.members[i]) continue;
          const o = ((p * M + i) * T + t) * MY;
          const popShare = this.pop[i * T + t] / mergedPop;
          const demand = out[o + 2];
          const holding = out[o + 1];
          const drift = out[o + 5];
          const cap = devCap * popShare;
          if (first < 0) {
            this.coverage(p, i, t, 0, sharedNow, mask, devCap, mergedDemand, provPhi, provPhi, o);
            first = i;
          } else this.copyCoverage(p, first, i, t, o);
          out[o + 1] = cap;
          out[o + 2] = demand - cap;
          out[o + 5] = drift / (holding + (free > 0 ? free * popShare : 0));
        }
        provPhi = nextStaffing(provPhi, r * provN + mergedN + devCap, attrition, recruitment);
      } else {
        provPhi = nextStaffing(provPhi, provN, attrition, recruitment);
      }
    }
    this.totals(p, spec);
  }

  /**
   * A merger's cost and staffing per capability in year t: the merged organisation's need plus the
   * unrealised part of the members' combined saving (realisation applies to the merged whole).
   */
  private realiseMerged(spec: PathSpec, t: number): void {
    const { C, M, T } = this;
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
      const rho = spec.realisation;
      this.mergedCost[c] = prov < ownCost ? prov + (1 - rho) * (ownCost - prov) : prov;
      this.mergedFte[c] = provFte < ownFte ? provFte + (1 - rho) * (ownFte - provFte) : provFte;
    }
  }

  /**
   * Under a budget shortfall (free < 0), give up local operations and governance capabilities
   * (governance first, then operations) until the money saved covers the shortfall, taking them out of
   * the coverage scratch `cov`. A merged organisation (`merged`) gives up its own capabilities, valued at
   * the provider's cost; otherwise shared capabilities are kept (they are paid under contract).
   * `base` is the member-year's offset into the status quo arrays.
   */
  private giveUp(free: number, merged: boolean, sharedNow: boolean, mask: Uint8Array, base: number, t: number): void {
    if (free >= 0) return;
    const { cov, sqCost, sqFte, memberCost, memberFte, provCost, provFte, C } = this;
    const { shortfallOrder, group } = this.m;
    let missing = -free;
    for (let k = 0; k < shortfallOrder.length && missing > 0; k++) {
      const c = shortfallOrder[k];
      const g = group[c];
      if (sharedNow && mask[c] === 1) {
        if (!merged) continue;
        cov.providerFte[g] -= provFte[t * C + c];
        cov.providerHeld[g]--;
        missing -= provCost[t * C + c];
      } else {
        const own = mask[c] === 1;
        cov.localFte[g] -= own ? memberFte[c] : sqFte[base + c];
        cov.localHeld[g]--;
        missing -= own ? memberCost[c] : sqCost[base + c];
      }
    }
  }

  /**
   * Coverage and robust coverage of one member in year t, and per group in the final year.
   * A capability is held when it is funded at its minimum staffing (development capabilities: to the
   * extent development capacity meets demand); it is held robustly when, in addition, the organisation
   * that holds it has at least two filled FTE working in the same key capability (group), so that no
   * single person carries it. Operations and governance capabilities come summed per group in `cov`
   * (after any given up); the development capabilities are checked one by one.
   */
  private coverage(
    p: number,
    i: number,
    t: number,
    base: number,
    sharedNow: boolean,
    mask: Uint8Array,
    devCap: number,
    demand: number,
    phi: number,
    provPhi: number,
    o: number,
  ): void {
    const { m, C, T, provFte, memberFte, sqFte, groups, cov, devIndex } = this;
    const { minFte, group, groupSize } = m;
    const kappa = demand > 0 ? Math.min(1, devCap / demand) : 1;
    const {
      localFte,
      localHeld,
      providerFte,
      providerHeld,
      devLocalFte,
      devLocalHeld,
      devProviderFte,
      devProviderHeld,
    } = cov;
    for (let k = 0; k < devIndex.length; k++) {
      const c = devIndex[k];
      const g = group[c];
      const shared = mask[c] === 1;
      const atProvider = sharedNow && shared;
      const staffed = kappa * (atProvider ? provFte[t * C + c] : shared ? memberFte[c] : sqFte[base + c]);
      if (staffed < minFte[c] - 1e-12) continue;
      if (atProvider) {
        devProviderFte[g] += staffed;
        devProviderHeld[g]++;
      } else {
        devLocalFte[g] += staffed;
        devLocalHeld[g]++;
      }
    }
    let held = 0;
    let robust = 0;
    const last = t === T - 1;
    const g0 = (p * this.M + i) * 2 * G;
    for (let g = 0; g < G; g++) {
      const local = localHeld[g] + devLocalHeld[g];
      const provider = providerHeld[g] + devProviderHeld[g];
      const localRobust = phi * localFte[g] + devLocalFte[g] >= 2 ? local : 0;
      const providerRobust = provPhi * providerFte[g] + devProviderFte[g] >= 2 ? provider : 0;
      held += local + provider;
      robust += localRobust + providerRobust;
      if (last && groupSize[g] > 0) {
        groups[g0 + g] = (local + provider) / groupSize[g];
        groups[g0 + G + g] = (localRobust + providerRobust) / groupSize[g];
      }
    }
    this.out[o + 3] = held / C;
    this.out[o + 4] = robust / C;
  }

  /** Member i's coverage in year t is the same as member `from`'s (one merged organisation). */
  private copyCoverage(p: number, from: number, i: number, t: number, o: number): void {
    const { M, T, out, groups } = this;
    const source = ((p * M + from) * T + t) * MY;
    out[o + 3] = out[source + 3];
    out[o + 4] = out[source + 4];
    if (t === T - 1) groups.copyWithin((p * M + i) * 2 * G, (p * M + from) * 2 * G, (p * M + from + 1) * 2 * G);
  }

  /** Sum the members into the path's totals for the current run. */
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
        cost += out[o];
        cap += out[o + 1];
        const gap = out[o + 2];
        demand += gap + out[o + 1];
        if (spec.merged && spec.ramp[t] >= 0.5 && spec.members[i]) mergedGap += gap;
        else unmet += Math.max(gap, 0);
        cov += out[o + 3];
        rob += out[o + 4];
        budget += out[o + 6];
        pop += this.pop[i * T + t];
        drift += out[o + 5] * out[o + 6];
      }
      tot[q] = cost;
      tot[q + 1] = cap;
      tot[q + 2] = unmet + Math.max(mergedGap, 0);
      tot[q + 3] = cov / M;
      tot[q + 4] = rob / M;
      tot[q + 5] = drift / budget;
      tot[q + 7] = budget;
      tot[q + 8] = demand;
      tot[q + 9] = pop;
    }
  }
}

/**
 * The hot loop: one member's cost and staffing in one year for the capabilities of the path's mask
 * (the others are as in status quo), blending its own provision with the shared provider's by the ramp
 * r. Writes `memberCost`/`memberFte` of those capabilities, moves their FTE in `localGroupFte` (shared
 * ones leave the member once the ramp passes one half) and writes the differences from status quo:
 * [cost, holding (operations + governance), drift, development demand (FTE), shared cost, FTE handed
 * to the provider, cost of shared provision]. A free function over typed arrays so that the JIT keeps
 * it small and monomorphic.
 */
function blendMember(
  maskIndex: Int32Array,
  base: number,
  shareBase: number,
  provBase: number,
  r: number,
  sharedNow: boolean,
  unrealised: number,
  priceFactor: number,
  merged: boolean,
  sqFte: Float64Array,
  sqCost: Float64Array,
  shareD: Float64Array,
  provCost: Float64Array,
  provFte: Float64Array,
  mergedCost: Float64Array,
  mergedFte: Float64Array,
  driver: Uint8Array,
  kind: Uint8Array,
  group: Uint8Array,
  memberCost: Float64Array,
  memberFte: Float64Array,
  localGroupFte: Float64Array,
  sums: Float64Array,
): void {
  // the blend is linear in r: sum the differences eff − own and scale by r once
  let gain = 0;
  let holdingGain = 0;
  let driftGain = 0;
  let demand = 0;
  let provider = 0;
  let ownFteSum = 0;
  let ownSum = 0;
  const markup = priceFactor - 1;
  for (let k = 0; k < maskIndex.length; k++) {
    const c = maskIndex[k];
    const ownFte = sqFte[base + c];
    const own = sqCost[base + c];
    const share = shareD[shareBase + driver[c]];
    const pc = share * provCost[provBase + c];
    let eff: number;
    let effFte: number;
    if (merged) {
      // a merged municipality realises its gains as a whole (see realiseMerged)
      eff = share * mergedCost[c];
      effFte = share * mergedFte[c];
    } else {
      // a contract partner realises them per member; a markup is paid on top of the realised cost
      const pf = share * provFte[provBase + c];
      eff = (pc < own ? pc + unrealised * (own - pc) : pc) + markup * pc;
      effFte = pf < ownFte ? pf + unrealised * (ownFte - pf) : pf;
    }
    const fte = ownFte - r * (ownFte - effFte);
    // kept per capability only while it is still the member's own (for shortfalls and coverage)
    if (!sharedNow) {
      memberCost[c] = own - r * (own - eff);
      memberFte[c] = fte;
    }
    provider += pc;
    ownFteSum += ownFte;
    ownSum += own;
    const d = eff - own;
    gain += d;
    const kc = kind[c];
    if (kc === KIND.utveckling) demand += fte - ownFte;
    else {
      holdingGain += d;
      if (kc === KIND.drift) driftGain += d;
      localGroupFte[group[c]] += (sharedNow ? 0 : fte) - ownFte;
    }
  }
  sums[0] = r * gain;
  sums[1] = r * holdingGain;
  sums[2] = r * driftGain;
  sums[3] = demand;
  sums[4] = r * provider;
  sums[5] = r * ownFteSum;
  sums[6] = ownSum + r * gain;
}

/** Per-group coverage sums of one organisation-year: FTE and held capabilities, local and at the provider. */
class CoverageScratch {
  /** Operations and governance: FTE (before staffing) and held count. */
  readonly localFte = new Float64Array(G);
  readonly localHeld = new Float64Array(G);
  readonly providerFte = new Float64Array(G);
  readonly providerHeld = new Float64Array(G);
  /** Development: staffed FTE and held count. */
  readonly devLocalFte = new Float64Array(G);
  readonly devLocalHeld = new Float64Array(G);
  readonly devProviderFte = new Float64Array(G);
  readonly devProviderHeld = new Float64Array(G);

  // plain loops: for nine groups they are faster than fill()/set() calls
  reset(): void {
    for (let g = 0; g < G; g++) {
      this.localFte[g] = 0;
      this.localHeld[g] = 0;
      this.providerFte[g] = 0;
      this.providerHeld[g] = 0;
    }
  }

  /** Copy `other`'s operations and governance sums, and clear the development ones. */
  copyFrom(other: CoverageScratch): void {
    for (let g = 0; g < G; g++) {
      this.localFte[g] = other.localFte[g];
      this.localHeld[g] = other.localHeld[g];
      this.providerFte[g] = other.providerFte[g];
      this.providerHeld[g] = other.providerHeld[g];
      this.devLocalFte[g] = 0;
      this.devLocalHeld[g] = 0;
      this.devProviderFte[g] = 0;
      this.devProviderHeld[g] = 0;
    }
  }
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
