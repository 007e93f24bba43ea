/**
 * Fair cost sharing for one chosen group (docs/model.md §16): every key of keys.ts, the Shapley value and
 * the nucleolus, and whether the group is stable — some key under which every member gains and, where
 * every subgroup was simulated, no subgroup would gain more on its own.
 *
 * The game: v(group) is the group's mean gain; v(T) of a proper subgroup is what T would gain as one group
 * in the same form, or 0 when it would rather stay apart (each kommun alone gains 0). All values come from
 * the same runs (common random numbers), so the Shapley values sum exactly to the group's gain.
 */
import type { Municipality, Scenario } from '../engine/index.js';
import type { GroupForm, GroupOutcome } from './game.js';
import { applyKeys, type KeyId, type KeyOutcome, type UnavailableReason } from './keys.js';
import type { Evaluator, FinderHooks } from './search.js';
import { joiningOrders, nucleolus, popcount, prefixes, shapleyExact, shapleyFromOrders } from './shapley.js';

/** Per member of a group, per run, for one form (CoalitionGame.details). */
export interface GroupDetails {
  members: number[];
  gain: Float64Array[];
  sharedPayment: Float64Array[];
  pupilWeight: Float64Array;
}

export interface SharingEvaluator extends Evaluator {
  details(group: number[], form: GroupForm, runs: number): Promise<GroupDetails>;
}

export interface SharingSettings {
  runs: number;
  /** Up to this many members every subgroup is simulated: exact Shapley value, nucleolus, core check. */
  exactUpTo: number;
  /** Beyond it, the Shapley value is estimated from this many antithetic pairs of joining orders. */
  orderPairs: number;
}

export const DEFAULT_SHARING: SharingSettings = { runs: 200, exactUpTo: 9, orderPairs: 12 };

/**
 * Beyond this many members no game-theoretic split is estimated: the sampled orders would need about
 * 24·(n − 2) subgroups simulated, minutes of work for a split whose error grows with n.
 */
export const MAX_SAMPLED_SHAPLEY = 20;

export interface SharingInput {
  /** The scenario's members; `group` indexes into them. */
  codes: string[];
  group: number[];
  form: GroupForm;
  /** Per scenario member: start-year inhabitants, employees, pupils. */
  population: number[];
  employees: number[];
  pupils: number[];
  fixedShare: number;
  seed: number;
  settings?: Partial<SharingSettings>;
}

export interface SharingResult {
  members: string[];
  form: GroupForm;
  runs: number;
  groupGain: number;
  shapley: 'exact' | 'sampled' | 'none';
  /** Whether every subgroup was simulated, so that `blockedBy` (the core condition) was checked. */
  coreChecked: boolean;
  /** Per key: its outcome, and the subgroup that would gain more alone than the key gives it (exact only). */
  keys: (KeyOutcome & { blockedBy: string[] | null })[];
  /** Keys under which every member gains and no subgroup would rather leave: only where every subgroup was tried. */
  stableKeys: KeyId[];
  subgroupsSimulated: number;
}

/** A shortfall below this share of the group's |gain| is rounding, not a blocking subgroup. */
const CORE_TOLERANCE = 1e-9;

/** The keys' bases per kommun (start-year inhabitants, employees, pupils) from its profile; 0 without one. */
export function keyBases(codes: readonly string[], profileOf: (code: string) => Municipality | undefined) {
  const figure = (of: (m: Municipality) => number) =>
    codes.map((code) => {
      const m = profileOf(code);
      return m ? of(m) : 0;
    });
  return {
    population: figure((m) => m.population),
    employees: figure((m) => m.employees),
    pupils: figure((m) => m.pupils ?? 0),
  };
}

/**
 * The scenario a sharing analysis simulates: without member exits. A key divides the cost among the members
 * that stay; with an exit the leaver would be charged for years after it left and the stranded cost would
 * fall outside every key (docs/model.md §16).
 */
export function withoutExits(scenario: Scenario): Scenario {
  const { exit: _s, ...samverkan } = scenario.paths.samverkan;
  const { exit: _a, ...asymmetrisk } = scenario.paths.asymmetrisk;
  return { ...scenario, paths: { ...scenario.paths, samverkan, asymmetrisk } };
}

export async function analyseSharing(
  input: SharingInput,
  evaluator: SharingEvaluator,
  hooks: FinderHooks = {},
): Promise<SharingResult | null> {
  const settings = { ...DEFAULT_SHARING, ...input.settings };
  const group = [...input.group].sort((a, b) => a - b);
  const n = group.length;
  if (n < 2) throw new Error('a group needs at least two members');
  const { runs } = settings;
  const details = await evaluator.details(group, input.form, runs);
  if (hooks.cancelled?.()) return null;
  let groupGain = 0;
  for (const g of details.gain) for (let r = 0; r < runs; r++) groupGain += g[r] / runs;

  // subgroup values, from the same runs
  const exact = n <= settings.exactUpTo;
  const subgroups: number[][] = [];
  let orders: number[][] = [];
  if (exact) {
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
      if (popcount(mask) >= 2) subgroups.push(group.filter((_, k) => mask & (1 << k)));
    }
  } else if (n <= MAX_SAMPLED_SHAPLEY) {
    orders = joiningOrders(n, settings.orderPairs, input.seed);
    for (const p of prefixes(orders)) if (p.length < n) subgroups.push(p.map((k) => group[k]));
  }
  const values = new Map<string, number>();
  for (let from = 0; from < subgroups.length; from += 16) {
    if (hooks.cancelled?.()) return null;
    const batch = subgroups.slice(from, from + 16);
    const outcomes: GroupOutcome[] = await evaluator.evaluate(batch, runs);
    batch.forEach((g, k) => {
      values.set(g.join(','), Math.max(0, outcomes[k].forms[input.form]?.meanGain ?? 0));
    });
    hooks.progress?.({ phase: 'refining', screenedGroups: Math.min(from + 16, subgroups.length) });
  }
  const valueOfMembers = (positions: number[]) => {
    if (positions.length < 2) return 0;
    if (positions.length === n) return groupGain;
    return values.get(positions.map((k) => group[k]).join(',')) as number;
  };
  const maskValue = (mask: number) => valueOfMembers([...Array(n).keys()].filter((k) => mask & (1 << k)));

  let shapley: { value: number[]; exact: boolean; standardError: number[] | null } | null = null;
  let nucleolusValue: number[] | null = null;
  const reasons: Partial<Record<'shapley' | 'nucleolus', UnavailableReason>> = {};
  if (exact) {
    shapley = { value: shapleyExact(n, maskValue), exact: true, standardError: null };
    nucleolusValue = nucleolus(n, maskValue);
    // no split leaves every member as well off as alone when the group loses; else the programs failed
    if (!nucleolusValue) reasons.nucleolus = groupGain < 0 ? 'group-loses' : 'not-computed';
  } else {
    reasons.nucleolus = 'too-many-members';
    if (orders.length > 0) {
      const sampled = shapleyFromOrders(n, orders, valueOfMembers);
      shapley = { value: sampled.value, exact: false, standardError: sampled.standardError };
    } else reasons.shapley = 'too-many-members';
  }

  const pick = (xs: number[]) => group.map((i) => xs[i]);
  const outcomes = applyKeys({
    codes: group.map((i) => input.codes[i]),
    population: pick(input.population),
    employees: pick(input.employees),
    pupils: pick(input.pupils),
    gain: details.gain,
    sharedPayment: details.sharedPayment,
    pupilWeight: details.pupilWeight,
    fixedShare: input.fixedShare,
    shapley,
    nucleolus: nucleolusValue,
    reasons,
  });
  const tolerance = CORE_TOLERANCE * Math.max(1, Math.abs(groupGain));
  const keys = outcomes.map((o) => {
    if (!exact || !o.available) return { ...o, blockedBy: null };
    // the subgroup (two or more: a single member short of 0 is a member that loses) that falls furthest
    // short of what it would gain on its own
    let worst = 0;
    let blockedBy: string[] | null = null;
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
      if (popcount(mask) < 2) continue;
      let given = 0;
      for (let k = 0; k < n; k++) if (mask & (1 << k)) given += o.members[k].gain;
      const short = maskValue(mask) - given;
      if (short > tolerance && short > worst) {
        worst = short;
        blockedBy = o.members.filter((_, k) => mask & (1 << k)).map((m) => m.code);
      }
    }
    return { ...o, blockedBy };
  });
  return {
    members: group.map((i) => input.codes[i]),
    form: input.form,
    runs,
    groupGain,
    shapley: exact ? 'exact' : shapley ? 'sampled' : 'none',
    coreChecked: exact,
    keys,
    // stable only where every subgroup was tried
    stableKeys: exact
      ? keys.filter((k) => k.available && k.everyoneGains && k.blockedBy === null).map((k) => k.key)
      : [],
    subgroupsSimulated: subgroups.length,
  };
}
