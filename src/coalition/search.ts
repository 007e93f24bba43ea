/**
 * The coalition finder (docs/model.md §16): which grouping of the scenario's kommuner — one group, several,
 * or none — gains most against everyone going alone, in expectation, under the scenario's uncertainty.
 *
 * Groups are screened with few runs and common random numbers (every group sees the same draws, so their
 * differences are not sampling noise), then the best groupings are simulated again with more runs and
 * ranked on those. Where the allowed groups are few enough, every one is screened and the best grouping is
 * found exactly by dynamic programming over subsets; otherwise a greedy search from both ends (everyone
 * alone, everyone together) is polished by local moves, and the result says that it may have missed a
 * better grouping. Pure: groups are simulated by an `Evaluator` (in this thread, or by workers).
 */
import { BLOCK_RUNS } from '../engine/simulate.js';
import { describe } from '../engine/statistics.js';
import { drain, drainPaced } from '../engine/steps.js';
import { allowedGroup, type Geography, type GroupConstraints } from './constraints.js';
import { type FormOutcome, GROUP_FORMS, type GroupForm, type GroupOutcome } from './game.js';
import { popcount } from './shapley.js';

/**
 * Simulates groups (member indices, ascending) over runs [from, from + runs), `from` a multiple of 100;
 * results in the order asked.
 */
export interface Evaluator {
  evaluate(groups: number[][], runs: number, from?: number): Promise<GroupOutcome[]>;
}

export interface FinderSettings {
  /** Runs per group while screening, and for the groupings ranked at the end. */
  screeningRuns: number;
  refineRuns: number;
  /** Groupings simulated again with `refineRuns` and ranked. */
  candidates: number;
  /** Up to this many allowed groups the search is exhaustive. */
  exhaustiveLimit: number;
  /** The heuristic search stops after screening this many groups. */
  maxScreened: number;
}

export const DEFAULT_SETTINGS: FinderSettings = {
  screeningRuns: 100,
  refineRuns: 1000,
  candidates: 6,
  exhaustiveLimit: 1100,
  maxScreened: 1500,
};

export interface FinderInput {
  /** The scenario's members (kommunkoder), in scenario order: group members index into it. */
  codes: string[];
  forms: readonly GroupForm[];
  constraints: GroupConstraints;
  geography: Geography;
  settings?: Partial<FinderSettings>;
}

/** One group of a grouping, from the refined runs. */
export interface FoundGroup {
  members: string[];
  form: GroupForm;
  meanGain: number;
  /** P(the group's gain > 0) over the refined runs. */
  probabilityGain: number;
  capacity: number;
}

/** One grouping, from the refined runs: its groups, who stays alone, and the total gain's distribution. */
export interface Grouping {
  groups: FoundGroup[];
  alone: string[];
  meanGain: number;
  p10: number;
  p90: number;
  probabilityGain: number;
  capacity: number;
  /** Its value while screening (mean gain over the screening runs). */
  screenedGain: number;
}

export interface FinderResult {
  method: 'exhaustive' | 'heuristic';
  /** Groups the constraints allow (exact up to 20 eligible kommuner, else null: too many to count). */
  allowedGroups: number | null;
  /** Groups screened, and whether the heuristic stopped at its limit. */
  screenedGroups: number;
  stoppedAtLimit: boolean;
  screeningRuns: number;
  refineRuns: number;
  /** Ranked by refined mean gain, best first; "everyone alone" (no groups) is one of them when allowed. */
  groupings: Grouping[];
  /** The first against the second, paired run by run: mean difference and its standard error. */
  lead: { mean: number; standardError: number } | null;
}

export interface FinderProgress {
  phase: 'screening' | 'refining';
  screenedGroups: number;
}

export interface FinderHooks {
  progress?: (p: FinderProgress) => void;
  /** Checked between batches: true stops the search, which then returns null. */
  cancelled?: () => boolean;
  /**
   * Awaited within the search's own long loops, every PAUSE_EVERY subsets it counts or splits (up to
   * 2^20 each), so that a caller on a page's main thread can give the browser a turn; `cancelled` is
   * checked after each. Without it, the loops run through.
   */
  pause?: () => Promise<void>;
}

/**
 * Subsets counted or split between two pauses: under 1 ms of counting, a few ms of splitting on the
 * development machine (docs/model.md §16).
 */
export const PAUSE_EVERY = 1024;

/** A gain counts as a gain above rounding: more than 1 krona in present value. */
export const GAIN_TOLERANCE = 1;

/** A must-join kommun left alone: a penalty that every grouping placing it beats. */
const ALONE_PENALTY = 1e15;

const keyOf = (members: readonly number[]) => members.join(',');

/** A grouping while searching: its groups (ascending members, ordered by first member). */
type Partition = number[][];

const normalise = (p: Partition): Partition =>
  p
    .filter((g) => g.length > 0)
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0]);
const partitionKey = (p: Partition) =>
  normalise(p)
    .map((g) => keyOf(g))
    .join('|');

export async function findCoalitions(
  input: FinderInput,
  evaluator: Evaluator,
  hooks: FinderHooks = {},
): Promise<FinderResult | null> {
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const { codes, constraints, geography } = input;
  const forms = GROUP_FORMS.filter((f) => input.forms.includes(f));
  if (forms.length === 0) throw new Error('needs at least one form');
  const eligible = codes.map((_, i) => i).filter((i) => !constraints.exclude.includes(codes[i]));
  const mustJoin = new Set(codes.map((c, i) => (constraints.mustJoin.includes(c) ? i : -1)).filter((i) => i >= 0));
  const allowedCache = new Map<string, boolean>();
  const allowed = (g: readonly number[]) => {
    const key = keyOf(g);
    let ok = allowedCache.get(key);
    if (ok === undefined) {
      ok = allowedGroup(
        g.map((i) => codes[i]),
        constraints,
        geography,
      );
      allowedCache.set(key, ok);
    }
    return ok;
  };

  // screening: a group's value is its better allowed form's mean gain (−∞ when no form may be formed)
  const screened = new Map<string, { value: number }>();
  let stoppedAtLimit = false;
  /** The heuristic's screening limit for the current end of its search. */
  let limit = settings.maxScreened;
  /** A group's better form by mean gain among those the capacity rule allows (the first on a tie), or null. */
  const bestAllowedForm = (outcome: GroupOutcome): { form: GroupForm; o: FormOutcome } | null => {
    let best: { form: GroupForm; o: FormOutcome } | null = null;
    for (const form of forms) {
      const o = outcome.forms[form];
      if (!o || (!constraints.capacityMayFall && o.capacity < 0)) continue;
      if (!best || o.meanGain > best.o.meanGain) best = { form, o };
    }
    return best;
  };
  const valueOfOutcome = (outcome: GroupOutcome) => ({
    value: bestAllowedForm(outcome)?.o.meanGain ?? Number.NEGATIVE_INFINITY,
  });
  const screen = async (groups: number[][]): Promise<boolean> => {
    const missing = [...new Map(groups.filter((g) => !screened.has(keyOf(g))).map((g) => [keyOf(g), g])).values()];
    for (let from = 0; from < missing.length; from += 16) {
      if (hooks.cancelled?.()) return false;
      const batch = missing.slice(from, from + 16);
      const outcomes = await evaluator.evaluate(batch, settings.screeningRuns);
      batch.forEach((g, k) => {
        screened.set(keyOf(g), valueOfOutcome(outcomes[k]));
      });
      hooks.progress?.({ phase: 'screening', screenedGroups: screened.size });
    }
    return !hooks.cancelled?.();
  };
  /** A group's screened value (−∞ if not screened); a single kommun alone is 0 (−penalty if it must join). */
  const groupValue = (g: readonly number[]) => {
    if (g.length === 1) return mustJoin.has(g[0]) ? -ALONE_PENALTY : 0;
    if (!allowed(g)) return -Infinity;
    return screened.get(keyOf(g))?.value ?? Number.NEGATIVE_INFINITY;
  };
  const partitionValue = (p: Partition) => {
    const grouped = new Set(p.flat());
    let value = 0;
    for (const g of p) value += groupValue(g);
    for (const i of mustJoin) if (!grouped.has(i)) value -= ALONE_PENALTY;
    return value;
  };
  const pool = new Map<string, { partition: Partition; value: number }>();
  const remember = (p: Partition) => {
    const groups = normalise(p).filter((g) => g.length >= 2);
    const key = partitionKey(groups);
    if (!pool.has(key)) pool.set(key, { partition: groups, value: partitionValue(groups) });
  };

  // how many groups the constraints allow, where that can be counted
  const e = eligible.length;
  const maxSize = Math.min(constraints.maxGroupSize, e);
  let allowedGroups: number | null = null;
  let allGroups: number[][] | null = null;
  if (e <= 20) {
    const list: number[][] = [];
    let count = 0;
    for (let mask = 1; mask < 1 << e; mask++) {
      if (mask % PAUSE_EVERY === 0 && hooks.pause) {
        await hooks.pause();
        if (hooks.cancelled?.()) return null;
      }
      const size = popcount(mask);
      if (size < 2 || size > maxSize) continue;
      const g = eligible.filter((_, b) => mask & (1 << b));
      // not through the cache: up to 2^20 masks
      if (
        !allowedGroup(
          g.map((i) => codes[i]),
          constraints,
          geography,
        )
      )
        continue;
      count++;
      if (count <= settings.exhaustiveLimit) list.push(g);
    }
    allowedGroups = count;
    if (count <= settings.exhaustiveLimit) allGroups = list;
  }

  let method: FinderResult['method'];
  if (allGroups) {
    method = 'exhaustive';
    if (!(await screen(allGroups))) return null;
    // the best groupings exactly, not only the best and its neighbours: the runner-up and the lead are right too
    const steps = bestPartitionSteps(eligible, allGroups, groupValue, mustJoin, settings.candidates);
    const best = hooks.pause ? await drainPaced(steps, hooks.pause, () => !hooks.cancelled?.()) : drain(steps);
    if (best === null) return null;
    for (const p of best) remember(p);
  } else {
    method = 'heuristic';
    const outcome = await heuristic();
    if (outcome === null) return null;
  }
  remember([]);
  if (allowed(eligible)) {
    if (!(await screen([eligible]))) return null;
    remember([eligible]);
  }

  // refine: the best groupings by their screened value, simulated again with more runs
  const ranked = [...pool.values()]
    .filter((x) => x.value > -Infinity && x.value > -ALONE_PENALTY / 2)
    .sort((a, b) => b.value - a.value)
    .slice(0, settings.candidates);
  const groups = [...new Map(ranked.flatMap((x) => x.partition).map((g) => [keyOf(g), g])).values()];
  const refined = new Map<string, GroupOutcome>();
  // fresh runs, after the screening ones: the winners are not judged again on the runs that picked them
  const refineFrom = Math.ceil(settings.screeningRuns / BLOCK_RUNS) * BLOCK_RUNS;
  for (let from = 0; from < groups.length; from += 4) {
    if (hooks.cancelled?.()) return null;
    const batch = groups.slice(from, from + 4);
    const outcomes = await evaluator.evaluate(batch, settings.refineRuns, refineFrom);
    batch.forEach((g, k) => {
      refined.set(keyOf(g), outcomes[k]);
    });
    hooks.progress?.({ phase: 'refining', screenedGroups: screened.size });
  }
  const R = settings.refineRuns;
  const totals: Float64Array[] = [];
  const groupings = ranked.flatMap((x) => {
    const total = new Float64Array(R);
    const found: FoundGroup[] = [];
    for (const g of x.partition) {
      const pick = bestAllowedForm(refined.get(keyOf(g)) as GroupOutcome);
      // on the fresh runs no form keeps the capacity rule: the grouping is not shown
      if (!pick) return [];
      for (let r = 0; r < R; r++) total[r] += pick.o.gain[r];
      found.push({
        members: g.map((i) => codes[i]),
        form: pick.form,
        meanGain: pick.o.meanGain,
        probabilityGain: share(pick.o.gain, (v) => v > GAIN_TOLERANCE),
        capacity: pick.o.capacity,
      });
    }
    totals.push(total);
    const grouped = new Set(x.partition.flat());
    const stats = describe(total);
    return [
      {
        index: totals.length - 1,
        grouping: {
          groups: found,
          alone: codes.filter((_, i) => !grouped.has(i)),
          meanGain: stats.mean,
          p10: stats.p10,
          p90: stats.p90,
          probabilityGain: share(total, (v) => v > GAIN_TOLERANCE),
          capacity: found.reduce((s, g) => s + g.capacity, 0),
          screenedGain: x.value,
        } satisfies Grouping,
      },
    ];
  });
  groupings.sort((a, b) => b.grouping.meanGain - a.grouping.meanGain);
  let lead: FinderResult['lead'] = null;
  if (groupings.length >= 2) {
    const a = totals[groupings[0].index];
    const b = totals[groupings[1].index];
    const stats = describe(a.map((v, r) => v - b[r]));
    lead = { mean: stats.mean, standardError: stats.se };
  }
  return {
    method,
    allowedGroups,
    screenedGroups: screened.size,
    stoppedAtLimit,
    screeningRuns: settings.screeningRuns,
    refineRuns: R,
    groupings: groupings.map((g) => g.grouping),
    lead,
  };

  /** Greedy merging from everyone alone, then from everyone together, each polished by local moves. */
  async function heuristic(): Promise<true | null> {
    // half the screening budget for each end, so that the second always runs
    limit = Math.floor(settings.maxScreened / 2);
    // bottom-up: merge the two units whose union gains most, while that gain is positive
    let units: Partition = eligible.map((i) => [i]);
    for (;;) {
      const pairs: [number, number, number[]][] = [];
      for (let a = 0; a < units.length; a++) {
        for (let b = a + 1; b < units.length; b++) {
          const union = [...units[a], ...units[b]].sort((x, y) => x - y);
          if (allowed(union)) pairs.push([a, b, union]);
        }
      }
      if (!(await budgeted(pairs.map((p) => p[2])))) return null;
      let best: [number, number, number[]] | null = null;
      let bestGain = 0;
      for (const [a, b, union] of pairs) {
        if (!screened.has(keyOf(union))) continue;
        const gain = groupValue(union) - groupValue(units[a]) - groupValue(units[b]);
        if (gain > bestGain) {
          bestGain = gain;
          best = [a, b, union];
        }
      }
      if (!best) break;
      const [a, b, union] = best;
      units = [...units.filter((_, k) => k !== a && k !== b), union];
      remember(units);
    }
    if ((await polish(units)) === null) return null;
    // top-down: everyone together in as few allowed groups as possible, then local moves
    limit = settings.maxScreened;
    const start = chunks();
    if (!(await budgeted(start.filter((g) => g.length >= 2)))) return null;
    remember(start);
    if ((await polish(start)) === null) return null;
    return true;
  }

  /**
   * Screen the groups not yet screened, as many as the current limit allows (the rest stay unscreened and
   * count as not formable; the result says the limit was reached). False: cancelled.
   */
  async function budgeted(groups: number[][]): Promise<boolean> {
    const fresh = [
      ...new Map(groups.filter((g) => g.length >= 2 && !screened.has(keyOf(g))).map((g) => [keyOf(g), g])).values(),
    ];
    const room = Math.max(0, limit - screened.size);
    if (fresh.length > room) stoppedAtLimit = true;
    return screen(fresh.slice(0, room));
  }

  /** Best-improvement local search over single moves and merges, from a partition. */
  async function polish(start: Partition): Promise<Partition | null> {
    let current = withSingles(start);
    for (let step = 0; step < 50; step++) {
      const candidates = neighbours(
        current.filter((g) => g.length >= 2),
        eligible,
        allowed,
      );
      const needed = candidates.flat().filter((g) => g.length >= 2);
      if (!(await budgeted(needed))) return null;
      const here = partitionValue(current);
      let best: Partition | null = null;
      let bestValue = here;
      const valued = candidates.map((c) => ({ c, v: partitionValue(c) }));
      for (const { c, v } of valued) {
        if (v > bestValue + 1e-9 * Math.abs(here)) {
          bestValue = v;
          best = c;
        }
      }
      // the best neighbours are alternatives worth ranking, even when none improves on where the search is
      valued.sort((a, b) => b.v - a.v);
      for (const { c } of valued.slice(0, settings.candidates)) remember(c);
      if (!best) return current;
      current = withSingles(best);
      remember(current);
    }
    return current;
  }

  /** Everyone eligible in connected allowed groups of at most the largest size, in scenario order. */
  function chunks(): Partition {
    const left = new Set(eligible);
    const out: Partition = [];
    while (left.size > 0) {
      const first = Math.min(...left);
      left.delete(first);
      const group = [first];
      for (const i of [...left].sort((a, b) => a - b)) {
        if (group.length >= maxSize) break;
        const next = [...group, i].sort((a, b) => a - b);
        if (allowed(next)) {
          group.push(i);
          left.delete(i);
        }
      }
      out.push(group.sort((a, b) => a - b));
    }
    return out;
  }

  function withSingles(p: Partition): Partition {
    const grouped = new Set(p.flat());
    return normalise([...p.filter((g) => g.length >= 2), ...eligible.filter((i) => !grouped.has(i)).map((i) => [i])]);
  }
}

/**
 * The partitions one step away: a kommun moved to another group or out to stay alone, a lone kommun
 * joining another lone kommun, or two groups merged. Only allowed groups; groups of two or more.
 */
export function neighbours(
  partition: Partition,
  eligible: readonly number[],
  allowed: (g: readonly number[]) => boolean,
): Partition[] {
  const groups = partition.filter((g) => g.length >= 2);
  const grouped = new Set(groups.flat());
  const units: Partition = [...groups, ...eligible.filter((i) => !grouped.has(i)).map((i) => [i])];
  const out: Partition[] = [];
  const ok = (g: number[]) => g.length < 2 || allowed(g);
  units.forEach((from, a) => {
    for (const i of from) {
      const rest = from.filter((x) => x !== i);
      if (from.length >= 2 && ok(rest)) out.push([...units.filter((_, k) => k !== a), rest, [i]]);
      units.forEach((to, b) => {
        if (b === a || (from.length === 1 && b < a && to.length === 1)) return;
        const joined = [...to, i].sort((x, y) => x - y);
        if (!ok(rest) || !allowed(joined)) return;
        out.push([...units.filter((_, k) => k !== a && k !== b), rest, joined]);
      });
    }
  });
  for (let a = 0; a < units.length; a++) {
    for (let b = a + 1; b < units.length; b++) {
      if (units[a].length < 2 || units[b].length < 2) continue;
      const union = [...units[a], ...units[b]].sort((x, y) => x - y);
      if (allowed(union)) out.push([...units.filter((_, k) => k !== a && k !== b), union]);
    }
  }
  return out.map((p) => normalise(p).filter((g) => g.length >= 2));
}

/**
 * The k best partitions of `eligible` into allowed groups and lone kommuner, best first, by dynamic
 * programming over subsets: for each subset the k best ways to split it, where the kommun with the lowest
 * index either stays alone or joins one of the groups containing it. Exact for the values given (every
 * allowed group screened). Up to 16 kommuner; beyond, the best one and its neighbours (memory).
 */
export function bestPartitions(
  eligible: readonly number[],
  groups: readonly number[][],
  groupValue: (g: readonly number[]) => number,
  mustJoin: ReadonlySet<number>,
  k: number,
): Partition[] {
  return drain(bestPartitionSteps(eligible, groups, groupValue, mustJoin, k));
}

/** bestPartitions in steps (steps.ts): yields after every PAUSE_EVERY subsets, returns the same partitions. */
export function* bestPartitionSteps(
  eligible: readonly number[],
  groups: readonly number[][],
  groupValue: (g: readonly number[]) => number,
  mustJoin: ReadonlySet<number>,
  k: number,
): Generator<undefined, Partition[]> {
  const e = eligible.length;
  const keep = e <= 16 ? Math.max(1, k) : 1;
  const bit = new Map(eligible.map((i, b) => [i, b]));
  const byLowest: { mask: number; value: number; group: number[]; index: number }[][] = eligible.map(() => []);
  const all: { mask: number; value: number; group: number[]; index: number }[] = [];
  for (const g of groups) {
    let mask = 0;
    for (const i of g) mask |= 1 << (bit.get(i) as number);
    const entry = { mask, value: groupValue(g), group: g as number[], index: all.length };
    byLowest[bit.get(g[0]) as number].push(entry);
    all.push(entry);
  }
  const size = 1 << e;
  // per subset, up to `keep` entries: value, the group chosen for its lowest kommun (−1: alone), and which
  // entry of the rest it continues with
  const value = new Float64Array(size * keep).fill(Number.NEGATIVE_INFINITY);
  const choice = new Int32Array(size * keep).fill(-2);
  const next = new Int32Array(size * keep);
  const count = new Int32Array(size);
  yield; // allocating and filling the tables (2^20 entries each) is a step of its own
  value[0] = 0;
  choice[0] = -1;
  count[0] = 1;
  const candidates: { v: number; c: number; j: number }[] = [];
  for (let mask = 1; mask < size; mask++) {
    if (mask % PAUSE_EVERY === 0) yield;
    const low = 31 - Math.clz32(mask & -mask);
    candidates.length = 0;
    const offer = (v: number, c: number, rest: number) => {
      for (let j = 0; j < count[rest]; j++) {
        const total = v + value[rest * keep + j];
        if (total > Number.NEGATIVE_INFINITY) candidates.push({ v: total, c, j });
      }
    };
    if (!mustJoin.has(eligible[low])) offer(0, -1, mask ^ (1 << low));
    byLowest[low].forEach((g) => {
      if ((g.mask & mask) === g.mask) offer(g.value, g.index, mask ^ g.mask);
    });
    candidates.sort((a, b) => b.v - a.v);
    const n = Math.min(keep, candidates.length);
    for (let q = 0; q < n; q++) {
      value[mask * keep + q] = candidates[q].v;
      choice[mask * keep + q] = candidates[q].c;
      next[mask * keep + q] = candidates[q].j;
    }
    count[mask] = n;
  }
  const full = size - 1;
  const out: Partition[] = [];
  for (let q = 0; q < count[full]; q++) {
    const partition: Partition = [];
    let mask = full;
    let at = q;
    while (mask > 0) {
      const low = 31 - Math.clz32(mask & -mask);
      const c = choice[mask * keep + at];
      const j = next[mask * keep + at];
      if (c < 0) mask ^= 1 << low;
      else {
        partition.push(all[c].group);
        mask ^= all[c].mask;
      }
      at = j;
    }
    out.push(normalise(partition));
  }
  if (keep === 1 && out.length > 0) {
    const allowedSet = new Set(groups.map((g) => keyOf(g)));
    out.push(...neighbours(out[0], eligible, (g) => allowedSet.has(keyOf(g))));
  }
  return out;
}

function share(values: ArrayLike<number>, test: (v: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i])) c++;
  return values.length > 0 ? c / values.length : 0;
}
