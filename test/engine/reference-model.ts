/**
 * A readable reference model of one Monte Carlo run, written from docs/model.md §3–§11 and the _Member
 * exit_ paragraph under _Extensions_ alone. It is an oracle for the fast engine (src/engine/simulate.ts),
 * which it must never import: every equation is a small function named after the doc, with the section it
 * implements, on plain numbers and arrays. Nothing here is optimised.
 *
 * Notation follows the doc: i a member (scenario order), c a capability (catalogue order), t the year
 * index 0 … T−1, A the members of an arrangement, K the capabilities that go to its provider.
 */
import { ASSUMPTION_IDS, ASSUMPTIONS, FORM_OVERHEAD } from '../../src/engine/assumptions.js';
import { correlateUniforms } from '../../src/engine/copula.js';
import type { PreparedModel } from '../../src/engine/model.js';
import { runStream } from '../../src/engine/rng.js';
import { CAPABILITY_GROUPS, type Capability, type Municipality, PATH_IDS } from '../../src/engine/schema.js';
import { ScrambledSobol } from '../../src/engine/sobol.js';

// ---------------------------------------------------------------------------------------------------
// Constants named by the doc (defined here so that the reference does not depend on where, or whether,
// the engine defines them).

/** §5.1 "A host's administration": HOST_ADMINISTRATION = 0.03, the avtalssamverkan base. */
export const HOST_ADMINISTRATION = 0.03;
/** §7: f(N) = ρ_R + (1 − ρ_R)·N/(N + 30); 30 = RECRUITMENT_HALF_SIZE. */
export const RECRUITMENT_HALF_SIZE = 30;
/** §9 (summary only, not used by a run): cheaper means cheaper by more than 1e−9 of status quo. */
export const CHEAPER_TOLERANCE = 1e-9;
/** §8: a capability is held when it is paid for and h_ic ≥ minFte_c − 10⁻¹². */
export const HELD_TOLERANCE = 1e-12;
/** §8: held robustly when the group's weights sum to at least two filled FTE. */
export const ROBUST_FTE = 2;
/** §5.6: the floor of the host's part h and of 1 − h in host-first staffing. */
export const HOST_SHARE_FLOOR = 1e-9;

/** §5.5: the model's systems rule S_rule(N) = 100·(N/9 000)^0.4 (not rounded). */
export function systemsRule(inhabitants: number): number {
  return 100 * (inhabitants / 9000) ** 0.4;
}

/** Path indices in PATH_IDS order (§1). */
export const STATUS_QUO = PATH_IDS.indexOf('status-quo');
export const SAMVERKAN = PATH_IDS.indexOf('samverkan');
export const OMFORDELNING = PATH_IDS.indexOf('omfordelning');
export const SAMMANLAGGNING = PATH_IDS.indexOf('sammanlaggning');
export const ASYMMETRISK = PATH_IDS.indexOf('asymmetrisk');

const clamp = (x: number, low: number, high: number): number => Math.min(high, Math.max(low, x));
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const isHoldingKind = (cap: Capability): boolean => cap.kind === 'drift' || cap.kind === 'styrning';

// ---------------------------------------------------------------------------------------------------
// §10 Draws and §11 bounds

/** What a run drew: the value of every uncertain input (ASSUMPTION_IDS order) and the 2·T exit uniforms. */
export interface RunDraws {
  values: number[];
  exitDraws: number[];
}

/** §15: with `sampling: 'rqmc'`, run i is point ⌊i/10⌋ of scramble i mod 10 (ten interleaved replicates). */
const RQMC_REPLICATES = 10;
const sobols = new WeakMap<PreparedModel, ScrambledSobol>();
function sobolOf(model: PreparedModel): ScrambledSobol {
  let sobol = sobols.get(model);
  if (!sobol) {
    sobol = new ScrambledSobol(model.scenario.seed, ASSUMPTION_IDS.length, RQMC_REPLICATES);
    sobols.set(model, sobol);
  }
  return sobol;
}

/**
 * §10: run i's stream is runStream(seed, i); one uniform per input in ASSUMPTION_IDS order, the
 * correlated ones mixed by the Gaussian copula (Extensions: Correlated inputs), each turned into a value
 * by its quantile function; then two uniforms per year for member exit (Extensions: Member exit).
 */
export function drawRun(model: PreparedModel, runIndex: number): RunDraws {
  const rng = runStream(model.scenario.seed, runIndex);
  // correlateUniforms works in place on a Float64Array
  const uniforms = new Float64Array(ASSUMPTION_IDS.length);
  for (let k = 0; k < ASSUMPTION_IDS.length; k++) uniforms[k] = rng();
  // §15: with `sampling: 'rqmc'` the inputs' uniforms are point i of the scrambled Sobol sequence instead
  // (the pseudo-random ones are still drawn, so the exit draws are the same either way)
  if (model.scenario.sampling === 'rqmc') sobolOf(model).point(runIndex, uniforms);
  if (model.correlated.length > 0) {
    correlateUniforms(uniforms, model.correlated, model.copulaFactor, new Float64Array(model.correlated.length));
  }
  const values = ASSUMPTION_IDS.map((_, k) => model.quantiles[k](uniforms[k]));
  const exitDraws: number[] = [];
  for (let k = 0; k < 2 * model.years.length; k++) exitDraws.push(rng());
  return { values, exitDraws };
}

/**
 * §3's kind shifts and γ shift (`scaleShiftDrift`, `scaleShiftGovernance`, `scaleShiftDevelopment`,
 * `nonStaffScaleShift`): 0 while ASSUMPTION_IDS does not have them.
 */
const SHIFTS_ABSENT_AS_ZERO = [
  'scaleShiftDrift',
  'scaleShiftGovernance',
  'scaleShiftDevelopment',
  'nonStaffScaleShift',
];

/** The run's inputs by id (§12 names), inside their bounds (§11). */
export type Inputs = Record<string, number>;

/**
 * §11: every input has bounds (`ASSUMPTIONS[k].bounds`); a draw outside them is clamped to them, so every
 * value the model uses lies inside its bounds.
 */
export function boundedDraws(values: number[]): number[] {
  return values.map((x, k) => clamp(x, ASSUMPTIONS[k].bounds.min, ASSUMPTIONS[k].bounds.max));
}

/** The bounded values by name (ASSUMPTION_IDS order). */
export function namedInputs(bounded: number[]): Inputs {
  const inputs: Inputs = {};
  for (const id of SHIFTS_ABSENT_AS_ZERO) inputs[id] = 0;
  ASSUMPTION_IDS.forEach((id, k) => {
    inputs[id] = bounded[k];
  });
  return inputs;
}

// ---------------------------------------------------------------------------------------------------
// §3 Quantities drawn or derived once per run

/** §3: w_real = (1 + wageGrowth)/(1 + inflation) − 1; W(t) = wageCost·(1 + w_real)^t. */
export function wageIndex(inputs: Inputs, t: number): number {
  const realWageGrowth = (1 + inputs.wageGrowth) / (1 + inputs.inflation) - 1;
  return inputs.wageCost * (1 + realWageGrowth) ** t;
}

/** §3: p_real = (1 + nonStaffPriceGrowth)/(1 + inflation) − 1; p(t) = (1 + p_real)^t. */
export function priceIndex(inputs: Inputs, t: number): number {
  const realPriceGrowth = (1 + inputs.nonStaffPriceGrowth) / (1 + inputs.inflation) - 1;
  return (1 + realPriceGrowth) ** t;
}

/** §3: δ(t) = (1 + demandGrowth)^t, not deflated. */
export function demandIndex(inputs: Inputs, t: number): number {
  return (1 + inputs.demandGrowth) ** t;
}

/** §3: d(t) = 1/(1 + discountRate)^t. */
export function discountFactor(discountRate: number, t: number): number {
  return 1 / (1 + discountRate) ** t;
}

/** §3: π_c = clamp(scaleShift + s_kind(c), −1, 1). */
export function scalePosition(cap: Capability, inputs: Inputs): number {
  const kindShift =
    cap.kind === 'drift'
      ? inputs.scaleShiftDrift
      : cap.kind === 'styrning'
        ? inputs.scaleShiftGovernance
        : inputs.scaleShiftDevelopment;
  return clamp(inputs.scaleShift + kindShift, -1, 1);
}

/** §3: β_c = mode + π·(high − mode) for π ≥ 0, mode + π·(mode − low) for π < 0. */
export function staffElasticity(cap: Capability, inputs: Inputs): number {
  const position = scalePosition(cap, inputs);
  const { low, mode, high } = cap.scale;
  return position >= 0 ? mode + position * (high - mode) : mode + position * (mode - low);
}

/** §3: γ_c = clamp(nonStaffScale_c + nonStaffScaleShift, 0.3, 1). */
export function nonStaffElasticity(cap: Capability, inputs: Inputs): number {
  return clamp(cap.nonStaffScale + inputs.nonStaffScaleShift, 0.3, 1);
}

/** §3: g_i = populationGrowth_i + populationGrowthShift. */
export function memberGrowth(member: Municipality, inputs: Inputs): number {
  return member.populationGrowth + inputs.populationGrowthShift;
}

/** §3: N_i(t) = N_i(0)·(1 + g_i)^t. */
export function inhabitants(member: Municipality, inputs: Inputs, t: number): number {
  return member.population * (1 + memberGrowth(member, inputs)) ** t;
}

/** §3: U_i(t) = (employees_i + pupilWeight·pupils_i)·(1 + g_i)^t. */
export function users(member: Municipality, inputs: Inputs, t: number): number {
  return (member.employees + inputs.pupilWeight * (member.pupils ?? 0)) * (1 + memberGrowth(member, inputs)) ** t;
}

/** §3: S_i, the profile's systems, constant. */
export function systems(member: Municipality): number {
  return member.systems;
}

/** §3: L_i = 1 + legacyPenalty·legacyShare_i. */
export function legacyFactor(member: Municipality, inputs: Inputs): number {
  return 1 + inputs.legacyPenalty * member.legacyShare;
}

/** §3: B_i(t) = B_i(0)·(1 + budgetGrowth)^t, B_i(0) = itCost_i or budgetPerInhabitant·N_i(0). */
export function budget(member: Municipality, inputs: Inputs, t: number): number {
  const start =
    member.itCost !== undefined && member.itCost !== null
      ? member.itCost
      : inputs.budgetPerInhabitant * member.population;
  return start * (1 + inputs.budgetGrowth) ** t;
}

// ---------------------------------------------------------------------------------------------------
// §4 The need equation

/** The three volumes a provider or member serves in a year (§3, §5.1). */
export interface Volumes {
  users: number;
  systems: number;
  inhabitants: number;
}

/** §4/§5.1: the volume of capability c's driver (the `fixed` driver uses inhabitants, for allocation). */
export function driverVolume(cap: Capability, volumes: Volumes): number {
  if (cap.driver === 'users') return volumes.users;
  if (cap.driver === 'systems') return volumes.systems;
  return volumes.inhabitants;
}

/** §4: D/refVolume, := 1 for the `fixed` driver. */
export function volumeRatio(cap: Capability, volumes: Volumes): number {
  return cap.driver === 'fixed' ? 1 : driverVolume(cap, volumes) / cap.refVolume;
}

/** Everything of a run that §4 needs besides the volume. */
export interface RunIndices {
  wage: number;
  price: number;
  demand: number;
}

/** §4: fte_c(D, t) = max(minFte, fteAtRef·(D/ref)^β·[L if systems]·[δ(t) if utveckling]). */
export function needFte(cap: Capability, beta: number, volumes: Volumes, legacy: number, demand: number): number {
  const legacyTerm = cap.driver === 'systems' ? legacy : 1;
  const demandTerm = cap.kind === 'utveckling' ? demand : 1;
  return Math.max(cap.minFte, cap.fteAtRef * volumeRatio(cap, volumes) ** beta * legacyTerm * demandTerm);
}

/** §4: other_c(D, t) = nonStaffCost·(D/ref)^γ·[L if systems]·p(t). */
export function needNonStaff(cap: Capability, gamma: number, volumes: Volumes, legacy: number, price: number): number {
  const legacyTerm = cap.driver === 'systems' ? legacy : 1;
  return cap.nonStaffCost * volumeRatio(cap, volumes) ** gamma * legacyTerm * price;
}

/** §4: cost_c(D, t) = fte_c(D, t)·W(t) + other_c(D, t). */
export function needCost(fte: number, nonStaff: number, wage: number): number {
  return fte * wage + nonStaff;
}

/** §4 for every capability at one volume: FTE and cost per capability. */
export interface Need {
  fte: number[];
  cost: number[];
}

/** §4 applied to the whole catalogue for one provider (or member) in one year. */
export function needs(run: RunContext, volumes: Volumes, legacy: number, t: number): Need {
  const idx = run.indices[t];
  const fte = run.capabilities.map((cap, c) => needFte(cap, run.beta[c], volumes, legacy, idx.demand));
  const cost = run.capabilities.map((cap, c) =>
    needCost(fte[c], needNonStaff(cap, run.gamma[c], volumes, legacy, idx.price), idx.wage),
  );
  return { fte, cost };
}

// ---------------------------------------------------------------------------------------------------
// The run context: §3 evaluated for this run, and every member's own need (§4).

export interface MemberRun {
  member: Municipality;
  /** [t] */
  volumes: Volumes[];
  legacy: number;
  /** [t] */
  budget: number[];
  /** Own need n_ic(t), k_ic(t): [t][c]. */
  ownFte: number[][];
  ownCost: number[][];
}

export interface RunContext {
  model: PreparedModel;
  inputs: Inputs;
  T: number;
  capabilities: Capability[];
  indices: RunIndices[];
  discount: number[];
  beta: number[];
  gamma: number[];
  members: MemberRun[];
  /** §6 shortfall order (capability indices). */
  shortfallOrder: number[];
}

/** §6: all `styrning` first, then all `drift`; within a kind the catalogue's last entry first. */
export function shortfallOrder(capabilities: Capability[]): number[] {
  const byKind = (kind: Capability['kind']) =>
    capabilities
      .map((cap, c) => (cap.kind === kind ? c : -1))
      .filter((c) => c >= 0)
      .reverse();
  return [...byKind('styrning'), ...byKind('drift')];
}

/** §3 and §4 for one run. */
export function runContext(model: PreparedModel, inputs: Inputs): RunContext {
  const T = model.years.length;
  const capabilities = model.capabilities;
  const indices = model.years.map((_, t) => ({
    wage: wageIndex(inputs, t),
    price: priceIndex(inputs, t),
    demand: demandIndex(inputs, t),
  }));
  const run: RunContext = {
    model,
    inputs,
    T,
    capabilities,
    indices,
    discount: model.years.map((_, t) => discountFactor(model.scenario.discountRate, t)),
    beta: capabilities.map((cap) => staffElasticity(cap, inputs)),
    gamma: capabilities.map((cap) => nonStaffElasticity(cap, inputs)),
    members: [],
    shortfallOrder: shortfallOrder(capabilities),
  };
  for (const member of model.members) {
    const volumes = model.years.map((_, t) => ({
      users: users(member, inputs, t),
      systems: systems(member),
      inhabitants: inhabitants(member, inputs, t),
    }));
    const legacy = legacyFactor(member, inputs);
    const own = volumes.map((v, t) => needs(run, v, legacy, t));
    run.members.push({
      member,
      volumes,
      legacy,
      budget: model.years.map((_, t) => budget(member, inputs, t)),
      ownFte: own.map((n) => n.fte),
      ownCost: own.map((n) => n.cost),
    });
  }
  return run;
}

// ---------------------------------------------------------------------------------------------------
// §5.1 Common mechanics

/** §5.1: r(t) = clamp((t − s)/R, 0, 1). */
export function ramp(t: number, start: number, rampYears: number): number {
  return clamp((t - start) / rampYears, 0, 1);
}

/** §5.1: Δr(t) = clamp((t + 1 − s)/R, 0, 1) − r(t). */
export function rampAdvance(t: number, start: number, rampYears: number): number {
  return ramp(t + 1, start, rampYears) - ramp(t, start, rampYears);
}

/** §5.1: the provider's volume: the sum over A of the members' volumes, times v. */
export function providerVolume(run: RunContext, members: boolean[], t: number, multiple: number): Volumes {
  const inA = run.members.filter((_, i) => members[i]);
  return {
    users: multiple * sum(inA.map((m) => m.volumes[t].users)),
    systems: multiple * sum(inA.map((m) => m.volumes[t].systems)),
    inhabitants: multiple * sum(inA.map((m) => m.volumes[t].inhabitants)),
  };
}

/** §5.1: the provider's legacy factor Σ S_i·L_i / Σ S_i over A. */
export function providerLegacy(run: RunContext, members: boolean[]): number {
  const inA = run.members.filter((_, i) => members[i]);
  return sum(inA.map((m) => systems(m.member) * m.legacy)) / sum(inA.map((m) => systems(m.member)));
}

/** §5.4: v = max(1, bodyPopulation / Σ N_i(0)) over all scenario members. */
export function bodyVolumeMultiple(run: RunContext): number {
  return Math.max(1, run.model.bodyPopulation / sum(run.members.map((m) => m.member.population)));
}

/** §5.1: a_ic(t) = own volume of c's driver / the provider's volume of it. */
export function allocationShare(cap: Capability, own: Volumes, provider: Volumes): number {
  return driverVolume(cap, own) / driverVolume(cap, provider);
}

/** §5.1: e_ic = π + (1 − ρ)·(k − π) if π < k, else π (a dearer provider is paid in full). */
export function realisedCost(providerPart: number, ownCost: number, realisation: number): number {
  return providerPart < ownCost ? providerPart + (1 - realisation) * (ownCost - providerPart) : providerPart;
}

/** §5.1: ε_ic = f + (1 − ρ)·(n − f) if f < n, else f (the staff the provider actually has for i). */
export function realisedFte(providerPart: number, ownFte: number, realisation: number): number {
  return providerPart < ownFte ? providerPart + (1 - realisation) * (ownFte - providerPart) : providerPart;
}

/** §5.1: x = k + r·(full − k) (and y = n + r·(ε − n)): the member pays for the part not yet moved. */
export function blend(own: number, atFullEffect: number, r: number): number {
  return own + r * (atFullEffect - own);
}

/**
 * §5.1: governance of a joint body, o·r·Σ_{c∈K} π_ic with o = FORM_OVERHEAD[form]·governanceOverhead;
 * and a host's administration, HOST_ADMINISTRATION·governanceOverhead·r·Σ_{c∈K} π_jc, paid by buyer j.
 */
export function governanceCost(rate: number, r: number, providerParts: number): number {
  return rate * r * providerParts;
}

/** §5.1: the ordering function, coordinationFte·W(t), in full from the year it is due. */
export function orderingCost(inputs: Inputs, wage: number): number {
  return inputs.coordinationFte * wage;
}

/** §5.1: transition cost τ·base_i·Δr(t). */
export function transitionCost(share: number, base: number, advance: number): number {
  return share * base * advance;
}

// ---------------------------------------------------------------------------------------------------
// §5.5 Merger

/** §5.5: S_target = clamp(S_rule(ΣN_i(0))·ΣS_i/ΣS_rule(N_i(0)), max S_i, ΣS_i). */
export function mergedSystemsTarget(members: Municipality[]): number {
  const total = sum(members.map((m) => m.systems));
  const largest = Math.max(...members.map((m) => m.systems));
  const ruleOfWhole = systemsRule(sum(members.map((m) => m.population)));
  const ruleOfParts = sum(members.map((m) => systemsRule(m.population)));
  return clamp((ruleOfWhole * total) / ruleOfParts, largest, total);
}

/** §5.5: S(t) = S_target + (ΣS_i − S_target)·max(0, 1 − t/K), K = consolidationYears. */
export function mergedSystems(members: Municipality[], consolidationYears: number, t: number): number {
  const target = mergedSystemsTarget(members);
  const total = sum(members.map((m) => m.systems));
  return target + (total - target) * Math.max(0, 1 - t / consolidationYears);
}

/** §5.5: the systems a merger retires in year t, max(0, S(t−1) − S(t)), with S(−1) = ΣS_i. */
export function retiredSystems(members: Municipality[], consolidationYears: number, t: number): number {
  const before = t === 0 ? sum(members.map((m) => m.systems)) : mergedSystems(members, consolidationYears, t - 1);
  return Math.max(0, before - mergedSystems(members, consolidationYears, t));
}

/** §5.5: member i pays a_i(t) of migrationCostPerSystem × the systems retired, as transition cost. */
export function migrationCost(costPerSystem: number, retired: number, share: number): number {
  return share * costPerSystem * retired;
}

/** §5.5: M = P + (1 − ρ_m)·(Σ own − P) if that saving is positive, else P (cost and FTE alike). */
export function mergedRealised(provider: number, sumOwn: number, realisation: number): number {
  return sumOwn - provider > 0 ? provider + (1 - realisation) * (sumOwn - provider) : provider;
}

// ---------------------------------------------------------------------------------------------------
// §5.6 Host municipality

/** §5.6: h(t) = Σ_{c∈K} n^P_c·a_host,c / Σ_{c∈K} n^P_c. */
export function hostPart(providerFte: number[], hostShare: number[], shared: boolean[]): number {
  let weighted = 0;
  let total = 0;
  shared.forEach((inK, c) => {
    if (!inK) return;
    weighted += providerFte[c] * hostShare[c];
    total += providerFte[c];
  });
  return weighted / total;
}

/** §5.6: the host sees min(1, φ^P/max(h, 1e−9)); a buyer clamp((φ^P − h)/max(1 − h, 1e−9), 0, 1). */
export function hostFirstStaffing(providerFilled: number, h: number, isHost: boolean): number {
  return isHost
    ? Math.min(1, providerFilled / Math.max(h, HOST_SHARE_FLOOR))
    : clamp((providerFilled - h) / Math.max(1 - h, HOST_SHARE_FLOOR), 0, 1);
}

/** §5.6: markup income Σ_{buyers j present} r·hostMarkup·Σ_{c∈K} π_jc. */
export function markupIncome(r: number, hostMarkup: number, buyersProviderParts: number[]): number {
  return sum(buyersProviderParts.map((parts) => r * hostMarkup * parts));
}

// ---------------------------------------------------------------------------------------------------
// Extensions: Member exit

export interface MemberExit {
  member: number;
  year: number;
  strandedYears: number;
}

/**
 * Extensions, Member exit: a fixed {member, year}, or with a yearly probability the first year t in
 * 1 … T−1 whose draw exitDraws[2t] falls below it, the member picked by exitDraws[2t+1] among the
 * arrangement's members other than the host (none with fewer than two candidates).
 */
export function memberExit(
  model: PreparedModel,
  path: number,
  members: boolean[],
  host: number,
  exitDraws: number[],
): MemberExit | null {
  const plan = model.exits[path];
  if (!plan) return null;
  // (§14: a member the map leaves with nothing to move is not in A, so it has nothing to leave)
  if (plan.member >= 0)
    return members[plan.member]
      ? { member: plan.member, year: plan.yearIndex, strandedYears: plan.strandedYears }
      : null;
  const candidates = members.map((inA, i) => (inA && i !== host ? i : -1)).filter((i) => i >= 0);
  if (candidates.length < 2) return null;
  for (let t = 1; t < model.years.length; t++) {
    if (exitDraws[2 * t] < plan.probability) {
      const pick = Math.min(candidates.length - 1, Math.floor(exitDraws[2 * t + 1] * candidates.length));
      return { member: candidates[pick], year: t, strandedYears: plan.strandedYears };
    }
  }
  return null;
}

/**
 * Extensions, Member exit: S(t) = S₀·(1 − (t − t_exit)/strandedYears)·payment_j/Σ payment for
 * t_exit ≤ t < t_exit + strandedYears, 0 otherwise (and 0 when the remaining members paid nothing).
 */
export function strandedCost(
  exit: MemberExit,
  t: number,
  leaverPayment: number,
  memberPayment: number,
  remainingPayments: number,
): number {
  if (t < exit.year || t >= exit.year + exit.strandedYears || remainingPayments === 0) return 0;
  return leaverPayment * (1 - (t - exit.year) / exit.strandedYears) * (memberPayment / remainingPayments);
}

// ---------------------------------------------------------------------------------------------------
// §6 Budget-driven capacity

// ---------------------------------------------------------------------------------------------------
// §14 The capability map

/** §14: the level the capability map gives member i's capability c, or −1 where it is not assessed. */
export function mapLevel(run: RunContext, i: number, c: number): number {
  return run.model.mapLevel[i * run.capabilities.length + c];
}

/**
 * §14 "Who delivers it": the map says a supplier or an existing collaboration delivers member i's capability
 * c today. Read from the scenario's map itself (not the engine's resolved arrays).
 */
export function keptByMap(run: RunContext, i: number, c: number): boolean {
  const cell = run.model.scenario.capabilityMap?.members[run.members[i].member.code]?.[run.capabilities[c].id];
  return cell !== undefined && cell.by !== 'own';
}

/**
 * §14 on a contract path: what a member's map says a supplier or an existing collaboration delivers stays
 * there, outside K_i. A member that moves nothing is not in A; a host stays in A, as the provider, while
 * anyone moves anything. K is what some member of A moves (none: the arrangement does not exist, §5.1).
 */
export function keepDelivered(run: RunContext, arrangement: ContractArrangement): ContractArrangement {
  const moves = run.members.map((_, i) =>
    run.capabilities.map((_, c) => arrangement.members[i] && arrangement.shared[c] && !keptByMap(run, i, c)),
  );
  const shared = run.capabilities.map((_, c) => moves.some((row) => row[c]));
  const anyone = shared.some(Boolean);
  const members = run.members.map(
    (_, i) => moves[i].some(Boolean) || (i === arrangement.host && arrangement.members[i] && anyone),
  );
  return { ...arrangement, members, shared, moves };
}

/** §14: a capability assessed as missing (level 0) is neither paid nor staffed by the member itself. */
export function assessedMissing(run: RunContext, i: number, c: number): boolean {
  return mapLevel(run, i, c) === 0;
}

/**
 * §14: the map fixes what it assesses where the member holds the capability itself: in status quo, for
 * c ∉ K on a contract path, and for c ∈ K before the ramp starts (r = 0). Never in a merger.
 */
export function heldAsAssessed(run: RunContext, i: number, c: number, shared: boolean, r: number): boolean {
  return mapLevel(run, i, c) >= 0 && (!shared || r === 0);
}

/**
 * §14: what a path would newly buy for the member: an operations or governance capability the map says is
 * missing, moved to the provider once the ramp has started. A shortfall gives these up first.
 */
export function newBuy(run: RunContext, i: number, c: number, shared: boolean, r: number): boolean {
  return shared && r > 0 && mapLevel(run, i, c) === 0 && isHoldingKind(run.capabilities[c]);
}

/** §14: a merger's new buy: a capability every member of A that assessed it (at least one) says is missing. */
export function mergedNewBuy(run: RunContext, inA: number[], c: number): boolean {
  const levels = inA.map((i) => mapLevel(run, i, c)).filter((level) => level >= 0);
  return isHoldingKind(run.capabilities[c]) && levels.length > 0 && levels.every((level) => level === 0);
}

/** §14: the member's own part of what it pays or employs for c: none when the map says it is missing. */
export function ownPart(run: RunContext, i: number, c: number, value: number): number {
  return assessedMissing(run, i, c) ? 0 : value;
}

/** §14: held and robust as assessed (level ≥ 1 held; level ≥ 2 robust), the rules of §6/§8 elsewhere. */
export function applyMap(
  run: RunContext,
  i: number,
  fixed: boolean[],
  held: boolean[],
  robust: boolean[],
): { held: boolean[]; robust: boolean[] } {
  return {
    held: held.map((h, c) => (fixed[c] ? mapLevel(run, i, c) >= 1 : h)),
    robust: robust.map((b, c) => (fixed[c] ? mapLevel(run, i, c) >= 2 : b)),
  };
}

/** §6: free(t) = B(t) − holding(t). */
export function freeMoney(budgetNow: number, holding: number): number {
  return budgetNow - holding;
}

/** §6: devCap(t) = φ(t)·max(free(t), 0)/W(t). */
export function developmentCapacity(filled: number, free: number, wage: number): number {
  return (filled * Math.max(free, 0)) / wage;
}

/** §6: κ = min(1, devCap/demand), 1 when demand = 0. */
export function developmentCompletion(devCap: number, demand: number): number {
  return demand === 0 ? 1 : Math.min(1, devCap / demand);
}

/**
 * §6 Shortfall: when free < 0, give up capabilities in shortfall order, each saving its cost to the
 * organisation, until the savings cover the missing amount (the one that crosses it is given up too).
 * Returns per capability whether it was given up.
 */
export function shortfall(order: number[], costToOrganisation: number[], free: number): boolean[] {
  const givenUp = costToOrganisation.map(() => false);
  const missing = -free;
  let saved = 0;
  for (const c of order) {
    if (saved >= missing) break;
    givenUp[c] = true;
    saved += costToOrganisation[c];
  }
  return givenUp;
}

/** §6: pay_c = 0 if given up, else 1, for `drift`/`styrning`; κ for `utveckling`. */
export function paymentShare(cap: Capability, givenUp: boolean, completion: number): number {
  if (cap.kind === 'utveckling') return completion;
  return givenUp ? 0 : 1;
}

/** §6: drift share_i = drift_i/(holding_i + max(free, 0)·[a_i in a merger, else 1]). */
export function driftShare(drift: number, holding: number, free: number, share: number): number {
  return drift / (holding + Math.max(free, 0) * share);
}

// ---------------------------------------------------------------------------------------------------
// §7 Staffing dynamics

/** §7: f(N) = ρ_R + (1 − ρ_R)·N/(N + 30). */
export function fillRate(size: number, recruitment: number): number {
  return recruitment + (1 - recruitment) * (size / (size + RECRUITMENT_HALF_SIZE));
}

/** §7: next(φ, N) = φ·(1 − a) + (1 − φ·(1 − a))·f(N). */
export function nextStaffing(filled: number, size: number, attrition: number, recruitment: number): number {
  const stayed = filled * (1 - attrition);
  return stayed + (1 - stayed) * fillRate(size, recruitment);
}

/** §7: φ*(N0) = f(N0)/(a + f(N0)·(1 − a)). */
export function steadyStaffing(size: number, attrition: number, recruitment: number): number {
  const f = fillRate(size, recruitment);
  return f / (attrition + f * (1 - attrition));
}

/**
 * §7: N0_i = the kommun's own IT staff figure where it gives one (§14), else Σ over `drift` and `styrning`
 * of n_ic(0) that it employs.
 */
export function startSize(run: RunContext, i: number): number {
  const own = run.members[i].member.itStaff;
  if (own !== null && own !== undefined) return own;
  return sum(
    run.capabilities.map((cap, c) => (isHoldingKind(cap) ? ownPart(run, i, c, run.members[i].ownFte[0][c]) : 0)),
  );
}

/**
 * §7: a regional body (omfördelning, v > 1) also employs the staff serving the rest of its region:
 * (1 − 1/v)·Σ over `drift` and `styrning` capabilities c ∈ K of n^P_c(t). 0 when v = 1.
 */
export function restOfRegionStaff(
  capabilities: Capability[],
  volumeMultiple: number,
  providerFte: number[],
  shared: boolean[],
): number {
  const staff = sum(providerFte.filter((_, c) => shared[c] && isHoldingKind(capabilities[c])));
  return (1 - 1 / volumeMultiple) * staff;
}

/** §7: a provider starts at Σ_{j∈A} φ*_j·N0_j / Σ_{j∈A} N0_j. */
export function providerStartStaffing(run: RunContext, members: boolean[]): number {
  let weighted = 0;
  let total = 0;
  members.forEach((inA, j) => {
    if (!inA) return;
    const n0 = startSize(run, j);
    weighted += steadyStaffing(n0, run.inputs.attrition, run.inputs.recruitment) * n0;
    total += n0;
  });
  if (total > 0) return weighted / total;
  // §14: members that all give an own IT staff of 0: the mean of their steady states
  const own = members.flatMap((inA, j) =>
    inA ? [steadyStaffing(startSize(run, j), run.inputs.attrition, run.inputs.recruitment)] : [],
  );
  return sum(own) / own.length;
}

// ---------------------------------------------------------------------------------------------------
// §8 Coverage and robust coverage

/** Where a capability is for the member (§8's tables). */
export type Place = 'own' | 'contract' | 'merger';

/** §8: the provider's team for c as it counts for a member paying `pay`: min(P_c, pay·E_c). */
export function teamForMember(paidTeam: number, fullTeam: number, pay: number): number {
  return Math.min(paidTeam, pay * fullTeam);
}

/**
 * §8 h_ic: own pay·n; at a contract provider (1 − r)·pay·n + r·min(P_c, pay·E_c); in a merger pay_c·Σ_j y_jc
 * (passed as `mergedFte`).
 */
export function heldFte(
  place: Place,
  pay: number,
  ownFte: number,
  r: number,
  providerTeam: number,
  mergedFte: number,
): number {
  if (place === 'own') return pay * ownFte;
  if (place === 'merger') return pay * mergedFte;
  return (1 - r) * pay * ownFte + r * providerTeam;
}

/**
 * §8 w_ic: for `drift`/`styrning` own φ_i·h; at a contract provider φ_i·(1 − r)·pay·n + φ^P_i·r·min(P_c, pay·E_c)
 * (`providerTeam`); in a merger φ^P·h. For `utveckling` w = h (development staff are already counted as filled).
 */
export function robustWeight(
  place: Place,
  cap: Capability,
  held: number,
  ownFilled: number,
  providerFilled: number,
  pay: number,
  ownFte: number,
  r: number,
  providerTeam: number,
): number {
  if (cap.kind === 'utveckling') return held;
  if (place === 'own') return ownFilled * held;
  if (place === 'merger') return providerFilled * held;
  return ownFilled * (1 - r) * pay * ownFte + providerFilled * r * providerTeam;
}

/** §8: held when the organisation pays for it (pay > 0) and h_ic ≥ minFte_c − 10⁻¹². */
export function isHeld(cap: Capability, pay: number, held: number): boolean {
  return pay > 0 && held >= cap.minFte - HELD_TOLERANCE;
}

/** §8: which held capabilities are held robustly: per group, Σ over held c in g of w_ic ≥ 2. */
export function robustlyHeld(capabilities: Capability[], held: boolean[], weight: number[]): boolean[] {
  const groupWeight: Record<string, number> = {};
  capabilities.forEach((cap, c) => {
    if (held[c]) groupWeight[cap.group] = (groupWeight[cap.group] ?? 0) + weight[c];
  });
  return capabilities.map((cap, c) => held[c] && groupWeight[cap.group] >= ROBUST_FTE);
}

/** §8 group coverage: the shares within each of the nine groups (0 for an empty group). */
export function groupCoverage(capabilities: Capability[], flags: boolean[]): number[] {
  return CAPABILITY_GROUPS.map((g) => {
    const inGroup = capabilities.map((cap, c) => (cap.group === g ? c : -1)).filter((c) => c >= 0);
    return inGroup.length === 0 ? 0 : inGroup.filter((c) => flags[c]).length / inGroup.length;
  });
}

// ---------------------------------------------------------------------------------------------------
// Results of one run

/** One member in one year on one path. */
export interface MemberYear {
  totalCost: number;
  holdingCost: number;
  driftCost: number;
  developmentDemand: number;
  developmentCapacity: number;
  /** Signed: demand − capacity. */
  capacityGap: number;
  coverage: number;
  robustCoverage: number;
  driftShare: number;
  budget: number;
  transitionCost: number;
  population: number;
  /** Whether the member is part of a merged organisation this year (§9's gap rule). */
  merged: boolean;
  /** Per capability, for group coverage (§8). */
  held: boolean[];
  robust: boolean[];
}

/** §9: the totals per path, year and run, in the order of §9's table (the engine's TOTAL_METRICS names). */
export const TOTAL_NAMES = [
  'totalCost',
  'budget',
  'developmentCapacity',
  'developmentDemand',
  'transitionCost',
  'population',
  'capacityGap',
  'coverage',
  'robustCoverage',
  'driftShare',
] as const;
export type TotalName = (typeof TOTAL_NAMES)[number];
export type PathTotals = Record<TotalName, number>;

export interface PathRun {
  /** [member][year] */
  members: MemberYear[][];
  /** [year] */
  totals: PathTotals[];
  /** Final-year group coverage, [member][group]. */
  groupHeld: number[][];
  groupRobust: number[][];
  /** [member] */
  horizonCost: number[];
  npvVsStatusQuo: number[];
  finalDevelopmentCapacity: number[];
  finalCapacityGap: number[];
  /**
   * [member] Present value of its part of the joint cost (its part of the provider's cost with markup, plus
   * governance, a host minus its markup income) under the model's allocation, which a key re-divides (§16).
   */
  sharedPayment: number[];
  /** The member exit of this run on this path, if any. */
  exit: MemberExit | null;
}

export interface ReferenceRun {
  /** The values drawn, ASSUMPTION_IDS order, before and after §11's bounds. */
  rawDraws: number[];
  draws: number[];
  exitDraws: number[];
  /** The bounded inputs the run used, by id. */
  inputs: Inputs;
  /** [path], PATH_IDS order. */
  paths: PathRun[];
}

/** §9: the totals of one path in one year over all scenario members. */
export function pathTotals(year: MemberYear[]): PathTotals {
  const total = (f: (m: MemberYear) => number) => sum(year.map(f));
  const onTheirOwn = year.filter((m) => !m.merged);
  const inMerger = year.filter((m) => m.merged);
  const mergerGap = sum(inMerger.map((m) => m.capacityGap));
  return {
    totalCost: total((m) => m.totalCost),
    developmentCapacity: total((m) => m.developmentCapacity),
    capacityGap:
      sum(onTheirOwn.map((m) => Math.max(m.capacityGap, 0))) + (inMerger.length > 0 ? Math.max(mergerGap, 0) : 0),
    coverage: total((m) => m.coverage) / year.length,
    robustCoverage: total((m) => m.robustCoverage) / year.length,
    driftShare: total((m) => m.budget * m.driftShare) / total((m) => m.budget),
    transitionCost: total((m) => m.transitionCost),
    budget: total((m) => m.budget),
    developmentDemand: total((m) => m.developmentDemand),
    population: total((m) => m.population),
  };
}

/**
 * §9: horizonCost = Σ_t cost; npvVsStatusQuo = Σ_t (cost_path − cost_sq)·d(t); final capacity and gap;
 * §16: sharedPayment = Σ_t payment_it·d(t), payments [member][year] (none: 0).
 */
export function finishPath(
  run: RunContext,
  members: MemberYear[][],
  statusQuo: MemberYear[][],
  exit: MemberExit | null,
  payments: number[][] | null = null,
): PathRun {
  const last = run.T - 1;
  return {
    members,
    totals: run.model.years.map((_, t) => pathTotals(members.map((m) => m[t]))),
    groupHeld: members.map((m) => groupCoverage(run.capabilities, m[last].held)),
    groupRobust: members.map((m) => groupCoverage(run.capabilities, m[last].robust)),
    horizonCost: members.map((m) => sum(m.map((y) => y.totalCost))),
    npvVsStatusQuo: members.map((m, i) =>
      sum(m.map((y, t) => (y.totalCost - statusQuo[i][t].totalCost) * run.discount[t])),
    ),
    finalDevelopmentCapacity: members.map((m) => m[last].developmentCapacity),
    finalCapacityGap: members.map((m) => m[last].capacityGap),
    sharedPayment: members.map((_, i) => (payments ? sum(payments[i].map((x, t) => x * run.discount[t])) : 0)),
    exit,
  };
}

// ---------------------------------------------------------------------------------------------------
// §5.1/§6/§7/§8 for members on their own: status quo, and the members of a contract path.

/** What a member pays and employs in one year (§5.1 "total cost" and "holding cost"). */
export interface CostSheet {
  /** k_ic (c ∉ K) or x_ic (c ∈ K). */
  capabilityCost: number[];
  /** n_ic (c ∉ K) or y_ic (c ∈ K). */
  capabilityFte: number[];
  /** What the member pays for c: the cost without an own part the map says is missing (§14). */
  paidCost: number[];
  /** The staff the member employs or buys for c, likewise (§14). */
  employedFte: number[];
  /** ε_ic for c ∈ K (0 otherwise): the staff the provider actually has for the member's part. */
  providerStaff: number[];
  /** Σ_{c∈K} π_ic: the member's part of the provider's cost. */
  providerParts: number;
  /** Σ_{c∈K} (e_ic + μ_i·π_ic): what the member pays the provider at full effect. */
  providerPayment: number;
  governance: number;
  ordering: number;
  transition: number;
  stranded: number;
  markupIncome: number;
}

/** §5.1: the extras on top of the capabilities: governance + ordering + transition + stranded − markup income. */
export function extras(sheet: CostSheet): number {
  return sheet.governance + sheet.ordering + sheet.transition + sheet.stranded - sheet.markupIncome;
}

/** §5.1: total cost = Σ_c (k or x) + extras. */
export function totalCostOf(sheet: CostSheet): number {
  return sum(sheet.capabilityCost) + extras(sheet);
}

/** §5.1: holding cost = Σ over `drift` and `styrning` of what is paid (k or x; §14) + extras. */
export function holdingCostOf(capabilities: Capability[], sheet: CostSheet): number {
  return sum(sheet.paidCost.filter((_, c) => isHoldingKind(capabilities[c]))) + extras(sheet);
}

/** §5.1: drift cost = Σ over `drift` of what is paid (k or x; §14). */
export function driftCostOf(capabilities: Capability[], sheet: CostSheet): number {
  return sum(sheet.paidCost.filter((_, c) => capabilities[c].kind === 'drift'));
}

/** §5.1: development demand = Σ over `utveckling` of (n or y). */
export function developmentDemandOf(capabilities: Capability[], fte: number[]): number {
  return sum(fte.filter((_, c) => capabilities[c].kind === 'utveckling'));
}

/** §7: N_i(t) = Σ over `drift`/`styrning` of what it employs (n or y; §14), plus devCap_i(t). */
export function unitSize(capabilities: Capability[], fte: number[], devCap: number): number {
  return sum(fte.filter((_, c) => isHoldingKind(capabilities[c]))) + devCap;
}

/** §5.2: a member's status-quo sheet: its own need, no extras. */
export function statusQuoSheet(run: RunContext, i: number, t: number): CostSheet {
  return {
    capabilityCost: run.members[i].ownCost[t],
    capabilityFte: run.members[i].ownFte[t],
    paidCost: run.members[i].ownCost[t].map((k, c) => ownPart(run, i, c, k)),
    employedFte: run.members[i].ownFte[t].map((n, c) => ownPart(run, i, c, n)),
    providerStaff: run.capabilities.map(() => 0),
    providerParts: 0,
    providerPayment: 0,
    governance: 0,
    ordering: 0,
    transition: 0,
    stranded: 0,
    markupIncome: 0,
  };
}

/** §6 for a member on its own in one year: free money, capacity, the shortfall and payment shares. */
export interface OwnBudget {
  holding: number;
  free: number;
  devCap: number;
  demand: number;
  completion: number;
  pay: number[];
}

/** §6 for an organisation that is one member (status quo and the contract paths). */
export function ownBudget(
  run: RunContext,
  i: number,
  t: number,
  sheet: CostSheet,
  filled: number,
  buysNew: boolean[],
): OwnBudget {
  const holding = holdingCostOf(run.capabilities, sheet);
  const free = freeMoney(run.members[i].budget[t], holding);
  const devCap = developmentCapacity(filled, free, run.indices[t].wage);
  const demand = developmentDemandOf(run.capabilities, sheet.capabilityFte);
  const completion = developmentCompletion(devCap, demand);
  // §14: a shortfall gives up what the path would newly buy first, then what the map does not assess;
  // what the map says is held is kept, what it says is missing is not paid while it is the member's own
  const buys = run.shortfallOrder.filter((c) => buysNew[c]);
  const first = free < 0 ? shortfall(buys, sheet.paidCost, free) : [];
  const saved = sum(buys.filter((c) => first[c] === true).map((c) => sheet.paidCost[c]));
  const unassessed = run.shortfallOrder.filter((c) => mapLevel(run, i, c) < 0);
  const second =
    free + saved < 0 ? shortfall(unassessed, sheet.paidCost, free + saved) : run.capabilities.map(() => false);
  const givenUp = run.capabilities.map((_, c) => first[c] === true || second[c]);
  // §14: a development capability the map says the member holds is paid in full
  const pay = run.capabilities.map((cap, c) =>
    cap.kind === 'utveckling' && mapLevel(run, i, c) >= 1 ? 1 : paymentShare(cap, givenUp[c], completion),
  );
  return { holding, free, devCap, demand, completion, pay };
}

/** §5.1/§6/§8: the member-year figures of a member on its own. */
export function ownMemberYear(
  run: RunContext,
  i: number,
  t: number,
  sheet: CostSheet,
  money: OwnBudget,
  held: boolean[],
  robust: boolean[],
): MemberYear {
  const C = run.capabilities.length;
  return {
    totalCost: totalCostOf(sheet),
    holdingCost: money.holding,
    driftCost: driftCostOf(run.capabilities, sheet),
    developmentDemand: money.demand,
    developmentCapacity: money.devCap,
    capacityGap: money.demand - money.devCap,
    coverage: held.filter(Boolean).length / C,
    robustCoverage: robust.filter(Boolean).length / C,
    driftShare: driftShare(driftCostOf(run.capabilities, sheet), money.holding, money.free, 1),
    budget: run.members[i].budget[t],
    transitionCost: sheet.transition,
    population: run.members[i].volumes[t].inhabitants,
    merged: false,
    held,
    robust,
  };
}

/** §5.2 with §6–§8: status quo, every member its own organisation with its own unit. */
export function statusQuoPath(run: RunContext): MemberYear[][] {
  const { attrition, recruitment } = run.inputs;
  return run.members.map((_, i) => {
    let filled = steadyStaffing(startSize(run, i), attrition, recruitment);
    const fixed = run.capabilities.map((_, c) => heldAsAssessed(run, i, c, false, 0));
    const none = run.capabilities.map(() => false);
    return run.model.years.map((_, t) => {
      const sheet = statusQuoSheet(run, i, t);
      const money = ownBudget(run, i, t, sheet, filled, none);
      const h = run.capabilities.map((_, c) => heldFte('own', money.pay[c], sheet.employedFte[c], 0, 0, 0));
      const ruled = run.capabilities.map((cap, c) => isHeld(cap, money.pay[c], h[c]));
      const w = run.capabilities.map((cap, c) =>
        robustWeight('own', cap, h[c], filled, 0, money.pay[c], sheet.employedFte[c], 0, 0),
      );
      // §14: the group weights count what the map says is held; the map then states held and robust
      const mapped = applyMap(run, i, fixed, ruled, ruled);
      const { held, robust } = applyMap(run, i, fixed, ruled, robustlyHeld(run.capabilities, mapped.held, w));
      const year = ownMemberYear(run, i, t, sheet, money, held, robust);
      filled = nextStaffing(
        filled,
        unitSize(run.capabilities, sheet.employedFte, money.devCap),
        attrition,
        recruitment,
      );
      return year;
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// §5.3, §5.4, §5.6 Contract paths

/** How a contract path is set up (§5.3, §5.4, §5.6). */
export interface ContractArrangement {
  path: number;
  /** A */
  members: boolean[];
  /** K */
  shared: boolean[];
  /** K_i, [member][c]: what member i moves to the provider (§14: not what the map keeps where it is). */
  moves: boolean[][];
  /** v */
  volumeMultiple: number;
  /** s */
  rampStart: number;
  /** μ_i */
  markup: number[];
  /** Per member: o (samverkan), HOST_ADMINISTRATION·governanceOverhead (asymmetrisk buyers) or 0. */
  governanceRate: number[];
  /** Per member: the first year it pays an ordering function, or ∞. */
  orderingFrom: number[];
  /** The host under asymmetrisk, −1 otherwise. */
  host: number;
}

/** §5.3 Samverkan. */
export function samverkanArrangement(run: RunContext): ContractArrangement {
  const { model, inputs } = run;
  const members = Array.from(model.samverkanMember, (x) => x === 1);
  const o = FORM_OVERHEAD[model.scenario.paths.samverkan.form] * inputs.governanceOverhead;
  // §14: what the map says is delivered elsewhere stays there
  return keepDelivered(run, {
    path: SAMVERKAN,
    members,
    shared: Array.from(model.pooled, (x) => x === 1),
    moves: [],
    volumeMultiple: 1,
    rampStart: 0,
    markup: members.map(() => 0),
    governanceRate: members.map((inA) => (inA ? o : 0)),
    orderingFrom: members.map((inA) => (inA ? 0 : Number.POSITIVE_INFINITY)),
    host: -1,
  });
}

/** §5.4 Omfördelning: all scenario members, the body's volume multiple, a delayed ramp. */
export function omfordelningArrangement(run: RunContext): ContractArrangement {
  const { model, inputs } = run;
  const members = model.members.map(() => true);
  // §14: what the map says is delivered elsewhere stays there
  return keepDelivered(run, {
    path: OMFORDELNING,
    members,
    shared: Array.from(model.transferred, (x) => x === 1),
    moves: [],
    volumeMultiple: bodyVolumeMultiple(run),
    rampStart: inputs.decisionDelay,
    markup: members.map(() => inputs.bodyMarkup),
    governanceRate: members.map(() => 0),
    orderingFrom: members.map(() => Math.ceil(inputs.decisionDelay)),
    host: -1,
  });
}

/** §5.6 Asymmetrisk: the host provides to the buyers, who pay the markup, its administration and ordering. */
export function asymmetriskArrangement(run: RunContext): ContractArrangement {
  const { model, inputs } = run;
  const members = Array.from(model.asymMember, (x) => x === 1);
  const isBuyer = (i: number) => members[i] && i !== model.host;
  // §14: what the map says is delivered elsewhere stays there
  return keepDelivered(run, {
    path: ASYMMETRISK,
    members,
    shared: Array.from(model.provided, (x) => x === 1),
    moves: [],
    volumeMultiple: 1,
    rampStart: 0,
    markup: members.map((_, i) => (isBuyer(i) ? inputs.hostMarkup : 0)),
    governanceRate: members.map((_, i) => (isBuyer(i) ? HOST_ADMINISTRATION * inputs.governanceOverhead : 0)),
    orderingFrom: members.map((_, i) => (isBuyer(i) ? 0 : Number.POSITIVE_INFINITY)),
    host: model.host,
  });
}

/** Extensions, Member exit: is member i still in the arrangement in year t? */
export function isPresent(arrangement: ContractArrangement, exit: MemberExit | null, i: number, t: number): boolean {
  return arrangement.members[i] && !(exit !== null && exit.member === i && t >= exit.year);
}

/**
 * §5.1 and §14: the provider of a contract path in one year: for each capability c ∈ K, its need at the
 * volume of the members that move c, and each member's allocation share of c (0 where it does not move c).
 */
export interface ProviderYear {
  /** n^P_c, C^P_c (capabilities outside K: 0) */
  need: Need;
  /** a_ic: [member][c] */
  share: number[][];
}

/** §5.1 and §14: per capability c ∈ K, the provider's volume and need over {i ∈ A : c ∈ K_i}, and the shares. */
export function contractProvider(run: RunContext, arrangement: ContractArrangement, t: number): ProviderYear {
  const C = run.capabilities.length;
  const need: Need = { fte: Array(C).fill(0), cost: Array(C).fill(0) };
  const share = run.members.map(() => Array(C).fill(0) as number[]);
  run.capabilities.forEach((cap, c) => {
    if (!arrangement.shared[c]) return;
    const movers = run.members.map((_, i) => arrangement.moves[i][c]);
    const volume = providerVolume(run, movers, t, arrangement.volumeMultiple);
    const atVolume = needs(run, volume, providerLegacy(run, movers), t);
    need.fte[c] = atVolume.fte[c];
    need.cost[c] = atVolume.cost[c];
    run.members.forEach((m, i) => {
      if (movers[i]) share[i][c] = allocationShare(cap, m.volumes[t], volume);
    });
  });
  return { need, share };
}

/** §5.1: member i's sheet on a contract path in year t (before stranded cost and markup income). */
export function contractSheet(
  run: RunContext,
  arrangement: ContractArrangement,
  provider: ProviderYear,
  i: number,
  t: number,
): CostSheet {
  const { inputs } = run;
  const own = run.members[i];
  const r = ramp(t, arrangement.rampStart, inputs.rampUpYears);
  const capabilityCost: number[] = [];
  const capabilityFte: number[] = [];
  const paidCost: number[] = [];
  const employedFte: number[] = [];
  const providerStaff: number[] = [];
  let providerParts = 0;
  let providerPayment = 0;
  run.capabilities.forEach((_, c) => {
    const k = own.ownCost[t][c];
    const n = own.ownFte[t][c];
    if (!arrangement.moves[i][c]) {
      capabilityCost.push(k);
      capabilityFte.push(n);
      paidCost.push(ownPart(run, i, c, k));
      employedFte.push(ownPart(run, i, c, n));
      providerStaff.push(0);
      return;
    }
    const costPart = provider.share[i][c] * provider.need.cost[c]; // π_ic
    const ftePart = provider.share[i][c] * provider.need.fte[c]; // f_ic
    const e = realisedCost(costPart, k, inputs.realisationShared);
    const epsilon = realisedFte(ftePart, n, inputs.realisationShared);
    const x = blend(k, e + arrangement.markup[i] * costPart, r);
    const y = blend(n, epsilon, r);
    capabilityCost.push(x);
    capabilityFte.push(y);
    // §14: no own part is paid or staffed where the map says the capability is missing
    paidCost.push(x - (1 - r) * (k - ownPart(run, i, c, k)));
    employedFte.push(y - (1 - r) * (n - ownPart(run, i, c, n)));
    providerStaff.push(epsilon);
    providerParts += costPart;
    providerPayment += e + arrangement.markup[i] * costPart;
  });
  const base = sum(own.ownCost[0].filter((_, c) => arrangement.moves[i][c]));
  return {
    capabilityCost,
    capabilityFte,
    paidCost,
    employedFte,
    providerStaff,
    providerParts,
    providerPayment,
    governance: governanceCost(arrangement.governanceRate[i], r, providerParts),
    ordering: t >= arrangement.orderingFrom[i] ? orderingCost(inputs, run.indices[t].wage) : 0,
    transition: transitionCost(
      inputs.transitionShareShared,
      base,
      rampAdvance(t, arrangement.rampStart, inputs.rampUpYears),
    ),
    stranded: 0,
    markupIncome: 0,
  };
}

/**
 * Extensions, Member exit: a member's payment for shared provision, what it pays the provider,
 * r·Σ_{c∈K}(e_ic + μ_i·π_ic), plus its governance cost.
 */
export function sharedPayment(r: number, sheet: CostSheet): number {
  return r * sheet.providerPayment + sheet.governance;
}

/**
 * §16: a member's part of the joint cost, r·(1 + μ_i)·Σ_{c∈K} π_ic plus its governance; the unrealised rest of
 * its own former cost stays its own.
 */
export function jointPayment(r: number, sheet: CostSheet, markup: number): number {
  return r * (1 + markup) * sheet.providerParts + sheet.governance;
}

/**
 * §5.1, §5.3, §5.4, §5.6 with §6–§8 and member exit. Members outside A, and a leaver from its exit year,
 * have their status-quo figures.
 */
export function contractPath(
  run: RunContext,
  arrangement: ContractArrangement,
  statusQuo: MemberYear[][],
  exitDraws: number[],
): PathRun {
  const { model, inputs, capabilities, T } = run;
  // §5.1: an arrangement exists only if it shares something
  if (!arrangement.shared.some(Boolean)) return finishPath(run, statusQuo, statusQuo, null);
  const exit = memberExit(model, arrangement.path, arrangement.members, arrangement.host, exitDraws);
  const providers = model.years.map((_, t) => contractProvider(run, arrangement, t));
  const sheets = run.members.map((_, i) =>
    model.years.map((_, t) => (arrangement.members[i] ? contractSheet(run, arrangement, providers[t], i, t) : null)),
  );

  // Member exit: the remaining members carry the leaver's former payment as stranded cost
  if (exit !== null) {
    const paymentBefore = run.members.map((_, j) => {
      const sheet = sheets[j][exit.year - 1];
      const r = ramp(exit.year - 1, arrangement.rampStart, inputs.rampUpYears);
      return sheet ? sharedPayment(r, sheet) : 0;
    });
    const remaining = sum(paymentBefore.filter((_, j) => arrangement.members[j] && j !== exit.member));
    run.members.forEach((_, j) => {
      if (!arrangement.members[j] || j === exit.member) return;
      for (let t = 0; t < T; t++) {
        const sheet = sheets[j][t] as CostSheet;
        sheet.stranded = strandedCost(exit, t, paymentBefore[exit.member], paymentBefore[j], remaining);
      }
    });
  }
  // §5.6: the host's markup income from the buyers present in the year
  if (arrangement.host >= 0) {
    for (let t = 0; t < T; t++) {
      const r = ramp(t, arrangement.rampStart, inputs.rampUpYears);
      const buyers = run.members
        .map((_, j) => j)
        .filter((j) => j !== arrangement.host && isPresent(arrangement, exit, j, t));
      const hostSheet = sheets[arrangement.host][t] as CostSheet;
      hostSheet.markupIncome = markupIncome(
        r,
        inputs.hostMarkup,
        buyers.map((j) => (sheets[j][t] as CostSheet).providerParts),
      );
    }
  }

  // §6–§8 year by year: each present member's budget, the provider's staff, coverage, staffing
  const { attrition, recruitment } = inputs;
  const ownFilled = run.members.map((_, i) => steadyStaffing(startSize(run, i), attrition, recruitment));
  let providerFilled = providerStartStaffing(run, arrangement.members);
  const result: MemberYear[][] = run.members.map(() => []);
  for (let t = 0; t < T; t++) {
    const r = ramp(t, arrangement.rampStart, inputs.rampUpYears);
    const present = run.members.map((_, i) => isPresent(arrangement, exit, i, t));
    const fixed = run.members.map((_, i) =>
      capabilities.map((_, c) => heldAsAssessed(run, i, c, arrangement.moves[i][c], r)),
    );
    const buysNew = run.members.map((_, i) =>
      capabilities.map((_, c) => newBuy(run, i, c, arrangement.moves[i][c], r)),
    );
    const money = run.members.map((_, i) =>
      present[i] ? ownBudget(run, i, t, sheets[i][t] as CostSheet, ownFilled[i], buysNew[i]) : null,
    );
    // §8: R_c, a regional body's staff for the rest of its region; E_c = Σ_{j present} ε_jc + R_c;
    // P_c = Σ_{j present} pay_jc·ε_jc + R_c
    const rest = capabilities.map((_, c) =>
      arrangement.shared[c] ? (1 - 1 / arrangement.volumeMultiple) * providers[t].need.fte[c] : 0,
    );
    const teamSum = (payOf: (j: number, c: number) => number) =>
      capabilities.map(
        (_, c) =>
          sum(run.members.map((_, j) => (money[j] ? payOf(j, c) * (sheets[j][t] as CostSheet).providerStaff[c] : 0))) +
          rest[c],
      );
    const fullTeam = teamSum(() => 1);
    const paidTeam = teamSum((j, c) => (money[j] as OwnBudget).pay[c]);
    const h =
      arrangement.host >= 0
        ? hostPart(providers[t].need.fte, providers[t].share[arrangement.host], arrangement.shared)
        : 0;
    let providerSize = 0;
    run.members.forEach((_, i) => {
      const budgetSide = money[i];
      if (!budgetSide) {
        result[i].push(statusQuo[i][t]);
        return;
      }
      const sheet = sheets[i][t] as CostSheet;
      const seen =
        arrangement.host >= 0 ? hostFirstStaffing(providerFilled, h, i === arrangement.host) : providerFilled;
      const place = (c: number): Place => (arrangement.moves[i][c] ? 'contract' : 'own');
      const team = capabilities.map((_, c) => teamForMember(paidTeam[c], fullTeam[c], budgetSide.pay[c]));
      const ownFte = capabilities.map((_, c) => ownPart(run, i, c, run.members[i].ownFte[t][c]));
      const hic = capabilities.map((_, c) => heldFte(place(c), budgetSide.pay[c], ownFte[c], r, team[c], 0));
      const ruled = capabilities.map((cap, c) => isHeld(cap, budgetSide.pay[c], hic[c]));
      const w = capabilities.map((cap, c) =>
        robustWeight(place(c), cap, hic[c], ownFilled[i], seen, budgetSide.pay[c], ownFte[c], r, team[c]),
      );
      const mapped = applyMap(run, i, fixed[i], ruled, ruled);
      const { held, robust } = applyMap(run, i, fixed[i], ruled, robustlyHeld(capabilities, mapped.held, w));
      result[i].push(ownMemberYear(run, i, t, sheet, budgetSide, held, robust));
      const size = unitSize(capabilities, sheet.employedFte, budgetSide.devCap);
      providerSize += size;
      ownFilled[i] = nextStaffing(ownFilled[i], size, attrition, recruitment);
    });
    // §7: N^P(t) = Σ_{j∈A present} N_j(t), plus the rest of a regional body's region
    providerSize += restOfRegionStaff(
      capabilities,
      arrangement.volumeMultiple,
      providers[t].need.fte,
      arrangement.shared,
    );
    providerFilled = nextStaffing(providerFilled, providerSize, attrition, recruitment);
  }
  // §16: what each present member pays for shared provision, a host net of its markup income
  const payments = run.members.map((_, i) =>
    model.years.map((_, t) => {
      const sheet = sheets[i][t];
      if (!sheet || !isPresent(arrangement, exit, i, t)) return 0;
      const r = ramp(t, arrangement.rampStart, inputs.rampUpYears);
      return jointPayment(r, sheet, arrangement.markup[i]) - sheet.markupIncome;
    }),
  );
  return finishPath(run, result, statusQuo, exit, payments);
}

// ---------------------------------------------------------------------------------------------------
// §5.5 Merger

/** §5.5 with §6–§8: the members of A are one municipality from year 0; the others are on status quo. */
export function mergerPath(run: RunContext, statusQuo: MemberYear[][]): PathRun {
  const { model, inputs, capabilities, T } = run;
  const members = Array.from(model.mergerMember, (x) => x === 1);
  const inA = run.members.map((_, i) => i).filter((i) => members[i]);
  const profiles = inA.map((i) => run.members[i].member);
  const legacy = providerLegacy(run, members);
  const { attrition, recruitment } = inputs;
  let filled = providerStartStaffing(run, members);
  const result: MemberYear[][] = run.members.map((_, i) => (members[i] ? [] : statusQuo[i]));
  // §16: each member's part of the merged organisation, r·a_i·Σ_c M_c (outside A: 0)
  const payments = run.members.map(() => model.years.map(() => 0));

  for (let t = 0; t < T; t++) {
    const r = ramp(t, 0, inputs.rampUpYears);
    const advance = rampAdvance(t, 0, inputs.rampUpYears);
    const summed = providerVolume(run, members, t, 1);
    const volume = { ...summed, systems: mergedSystems(profiles, inputs.consolidationYears, t) };
    const provider = needs(run, volume, legacy, t);
    // §5.5 realisation on the merged whole
    const mergedCost = capabilities.map((_, c) =>
      mergedRealised(provider.cost[c], sum(inA.map((i) => run.members[i].ownCost[t][c])), inputs.realisationMerger),
    );
    const mergedFte = capabilities.map((_, c) =>
      mergedRealised(provider.fte[c], sum(inA.map((i) => run.members[i].ownFte[t][c])), inputs.realisationMerger),
    );
    // §5.5 member parts, by population share
    const share = inA.map((i) => run.members[i].volumes[t].inhabitants / summed.inhabitants);
    const retired = retiredSystems(profiles, inputs.consolidationYears, t);
    inA.forEach((i, a) => {
      payments[i][t] = r * sum(mergedCost.map((cost) => share[a] * cost));
    });
    const sheets: CostSheet[] = inA.map((i, a) => {
      const x = capabilities.map((_, c) => blend(run.members[i].ownCost[t][c], share[a] * mergedCost[c], r));
      const y = capabilities.map((_, c) => blend(run.members[i].ownFte[t][c], share[a] * mergedFte[c], r));
      // §14: no own part is paid or staffed where the map says the capability is missing
      const unpaid = (own: number[]) => (value: number, c: number) =>
        value - (1 - r) * (own[c] - ownPart(run, i, c, own[c]));
      return {
        capabilityCost: x,
        capabilityFte: y,
        paidCost: x.map(unpaid(run.members[i].ownCost[t])),
        employedFte: y.map(unpaid(run.members[i].ownFte[t])),
        providerStaff: capabilities.map(() => 0),
        providerParts: 0,
        providerPayment: 0,
        governance: 0,
        ordering: 0,
        transition:
          transitionCost(inputs.transitionShareMerger, sum(run.members[i].ownCost[0]), advance) +
          migrationCost(inputs.migrationCostPerSystem, retired, share[a]),
        stranded: 0,
        markupIncome: 0,
      };
    });
    // §6 one organisation
    const holdings = sheets.map((s) => holdingCostOf(capabilities, s));
    const demands = sheets.map((s) => developmentDemandOf(capabilities, s.capabilityFte));
    const free = freeMoney(sum(inA.map((i) => run.members[i].budget[t])), sum(holdings));
    const devCap = developmentCapacity(filled, free, run.indices[t].wage);
    const completion = developmentCompletion(devCap, sum(demands));
    const organisationCost = capabilities.map((_, c) => sum(sheets.map((s) => s.paidCost[c])));
    // §14: what the merged municipality would newly buy (missing by the map in every member of A that
    // assessed it) is given up first
    const buys = run.shortfallOrder.filter((c) => mergedNewBuy(run, inA, c));
    const first = free < 0 ? shortfall(buys, organisationCost, free) : [];
    const saved = sum(buys.filter((c) => first[c] === true).map((c) => organisationCost[c]));
    const rest = run.shortfallOrder.filter((c) => !mergedNewBuy(run, inA, c));
    const second = free + saved < 0 ? shortfall(rest, organisationCost, free + saved) : capabilities.map(() => false);
    const givenUp = capabilities.map((_, c) => first[c] === true || second[c]);
    const pay = capabilities.map((cap, c) => paymentShare(cap, givenUp[c], completion));
    // §8 one coverage for all members
    const staff = capabilities.map((_, c) => sum(sheets.map((s) => s.employedFte[c])));
    const hc = capabilities.map((_, c) => heldFte('merger', pay[c], 0, r, 0, staff[c]));
    const held = capabilities.map((cap, c) => isHeld(cap, pay[c], hc[c]));
    const w = capabilities.map((cap, c) => robustWeight('merger', cap, hc[c], 0, filled, pay[c], 0, r, 0));
    const robust = robustlyHeld(capabilities, held, w);
    inA.forEach((i, a) => {
      const sheet = sheets[a];
      const memberDevCap = devCap * share[a];
      const drift = driftCostOf(capabilities, sheet);
      result[i].push({
        totalCost: totalCostOf(sheet),
        holdingCost: holdings[a],
        driftCost: drift,
        developmentDemand: demands[a],
        developmentCapacity: memberDevCap,
        capacityGap: demands[a] - memberDevCap,
        coverage: held.filter(Boolean).length / capabilities.length,
        robustCoverage: robust.filter(Boolean).length / capabilities.length,
        driftShare: driftShare(drift, holdings[a], free, share[a]),
        budget: run.members[i].budget[t],
        transitionCost: sheet.transition,
        population: run.members[i].volumes[t].inhabitants,
        merged: true,
        held,
        robust,
      });
    });
    // §7: N^P = Σ_{j∈A} Σ_{drift,styrning} y_jc + devCap
    const size = sum(sheets.map((s) => unitSize(capabilities, s.employedFte, 0))) + devCap;
    filled = nextStaffing(filled, size, attrition, recruitment);
  }
  return finishPath(run, result, statusQuo, null, payments);
}

// ---------------------------------------------------------------------------------------------------
// One run

/** One run of every path (§10: all paths with the same draws; a disabled path equals status quo). */
export function referenceRun(model: PreparedModel, runIndex: number): ReferenceRun {
  const { values, exitDraws } = drawRun(model, runIndex);
  const draws = boundedDraws(values);
  const inputs = namedInputs(draws);
  const run = runContext(model, inputs);
  const statusQuo = statusQuoPath(run);
  const paths = PATH_IDS.map((_, p): PathRun => {
    if (p === STATUS_QUO || !model.enabled[p]) return finishPath(run, statusQuo, statusQuo, null);
    if (p === SAMVERKAN) return contractPath(run, samverkanArrangement(run), statusQuo, exitDraws);
    if (p === OMFORDELNING) return contractPath(run, omfordelningArrangement(run), statusQuo, exitDraws);
    if (p === ASYMMETRISK) return contractPath(run, asymmetriskArrangement(run), statusQuo, exitDraws);
    return mergerPath(run, statusQuo);
  });
  return { rawDraws: values, draws, exitDraws, inputs, paths };
}
