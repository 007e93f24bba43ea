/**
 * Game-theoretic splits of a group's gain (docs/model.md §16): the Shapley value (exact over every subset,
 * or estimated from sampled orders of joining) and the nucleolus (the split that makes the worst-off
 * subgroup's surplus as large as possible, then the next, … — by a sequence of linear programs, YALPS).
 * The game: v(S) is what subgroup S gains as one group in the chosen form, or 0 when it would rather stay
 * apart (docs/model.md §16); v of one kommun is 0. Values are given per subset as a bit mask over the
 * group's members (member k is bit k).
 */
import { solve } from 'yalps';
import { mulberry32 } from '../engine/rng.js';

/** Exact Shapley value: φ_i = Σ_{S∌i} |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)). O(n·2^n). */
export function shapleyExact(n: number, v: (mask: number) => number): number[] {
  if (n > 20) throw new RangeError('exact Shapley values need every subset: at most 20 members');
  // weight[s] = s!(n−s−1)!/n!, by a recurrence that never forms the factorials
  const weight = new Float64Array(n);
  weight[0] = 1 / n;
  for (let s = 1; s < n; s++) weight[s] = (weight[s - 1] * s) / (n - s);
  const values = new Float64Array(1 << n);
  for (let mask = 1; mask < 1 << n; mask++) values[mask] = v(mask);
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    const s = popcount(mask);
    if (s === n) continue;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      phi[i] += weight[s] * (values[mask | (1 << i)] - values[mask]);
    }
  }
  return phi;
}

/**
 * Orders of joining for a sampled Shapley value: `count` orders, each followed by its reverse (antithetic
 * pairs, which lowers the variance), from a seeded stream so that a link reproduces them.
 */
export function joiningOrders(n: number, count: number, seed: number): number[][] {
  const rng = mulberry32(seed);
  const orders: number[][] = [];
  for (let k = 0; k < count; k++) {
    const order = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    orders.push(order, [...order].reverse());
  }
  return orders;
}

/** The subgroups the orders need valued: every prefix of two or more members, as sorted member lists. */
export function prefixes(orders: number[][]): number[][] {
  const out = new Map<string, number[]>();
  for (const order of orders) {
    for (let k = 2; k <= order.length; k++) {
      const group = order.slice(0, k).sort((a, b) => a - b);
      out.set(group.join(','), group);
    }
  }
  return [...out.values()];
}

/**
 * The Shapley value estimated from orders of joining: each member's mean marginal gain over the orders,
 * and its standard error over the antithetic pairs. The estimates sum to v(all) exactly (each order's
 * marginal gains do).
 */
export function shapleyFromOrders(
  n: number,
  orders: number[][],
  v: (sortedMembers: number[]) => number,
): { value: number[]; standardError: number[] } {
  const pairs = orders.length / 2;
  const sums = new Array<number>(n).fill(0);
  const squares = new Array<number>(n).fill(0);
  for (let p = 0; p < pairs; p++) {
    const pairGain = new Array<number>(n).fill(0);
    for (const order of [orders[2 * p], orders[2 * p + 1]]) {
      let before = 0;
      for (let k = 0; k < order.length; k++) {
        const after = k === 0 ? 0 : v(order.slice(0, k + 1).sort((a, b) => a - b));
        pairGain[order[k]] += (after - before) / 2;
        before = after;
      }
    }
    for (let i = 0; i < n; i++) {
      sums[i] += pairGain[i];
      squares[i] += pairGain[i] ** 2;
    }
  }
  const value = sums.map((s) => s / pairs);
  const standardError = value.map((m, i) =>
    pairs > 1 ? Math.sqrt(Math.max(0, squares[i] / pairs - m * m) / (pairs - 1)) : Number.NaN,
  );
  return { value, standardError };
}

/** Excesses within this share of the largest |v| count as equal (the LPs work on values scaled to 1). */
const TOLERANCE = 1e-7;
/** How far below its fixed excess a fixed subgroup may fall in a later program (rounding only). */
const SLACK = 1e-7;
/** How far below ε the other subgroups may fall while one is lifted (rounding only; far below TOLERANCE). */
const LIFT_SLACK = 1e-8;
/** A lifted excess within this of ε counts as not lifted (the slack above, magnified by the program). */
const LIFT_TOLERANCE = 1e-6;

/**
 * The nucleolus over imputations (every member at least what it gains alone, 0): maximise the smallest
 * excess x(S) − v(S) over the proper subgroups, fix the subgroups whose excess every optimum shares, and
 * repeat on the rest until the split is determined. null when v(all) < 0 (no split leaves every member
 * as well off as alone) or a program fails. n ≤ 12.
 */
export function nucleolus(n: number, v: (mask: number) => number): number[] | null {
  if (n > 12) throw new RangeError('the nucleolus needs every subset: at most 12 members');
  const full = (1 << n) - 1;
  const values = new Float64Array(1 << n);
  let scale = 0;
  for (let mask = 1; mask <= full; mask++) {
    values[mask] = v(mask);
    scale = Math.max(scale, Math.abs(values[mask]));
  }
  if (values[full] < 0) return null;
  if (scale === 0) return new Array<number>(n).fill(0);
  for (let mask = 1; mask <= full; mask++) values[mask] /= scale;

  const fixed = new Map<number, number>(); // subgroup mask → its fixed excess
  let x: number[] | null = null;
  // each round fixes at least one subgroup, so this ends; it ends sooner when the split is determined
  for (let round = 0; round < full; round++) {
    const free = [];
    for (let mask = 1; mask < full; mask++) if (!fixed.has(mask)) free.push(mask);
    if (free.length === 0) break;
    const first = program(n, values, full, fixed, free, null);
    if (!first) return null;
    const { epsilon } = first;
    const at = first.x;
    x = at;
    // a subgroup at the minimum in this optimum is fixed when no optimum lifts its excess above it
    const tight = free.filter((mask) => Math.abs(excess(at, values, mask) - epsilon) < TOLERANCE);
    let newlyFixed = 0;
    for (const mask of tight) {
      const lifted = program(n, values, full, fixed, free, { epsilon, mask });
      if (lifted && lifted.objective <= epsilon + LIFT_TOLERANCE) {
        fixed.set(mask, epsilon);
        newlyFixed++;
      }
    }
    if (newlyFixed === 0) {
      // numerically no subgroup could be shown fixed: fix the tight ones (the optimum is then unique in them)
      for (const mask of tight) fixed.set(mask, epsilon);
    }
    // a subgroup whose members' sum is a combination of fixed sums (and the whole) has a determined excess:
    // fix it too, so that no later round is spent on it
    const basis = [...fixed.keys(), full];
    const r = rank(n, basis);
    if (r >= n) break;
    for (const mask of free) {
      if (!fixed.has(mask) && rank(n, [...basis, mask]) === r) fixed.set(mask, excess(at, values, mask));
    }
  }
  // the last round's optimum is the nucleolus: its fixed subgroups determine it
  return x ? x.map((xi) => xi * scale) : null;
}

function excess(x: number[], values: Float64Array, mask: number): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) if (mask & (1 << i)) s += x[i];
  return s - values[mask];
}

/**
 * One linear program of the nucleolus: x ≥ 0, Σx = v(all), fixed subgroups at least at their excess, every
 * free subgroup's excess ≥ ε. Without `lift`: maximise ε (with no free subgroup: any such x). With it: ε
 * held at lift.epsilon, maximise the excess of lift.mask. ε is free: ε = e⁺ − e⁻.
 */
function program(
  n: number,
  values: Float64Array,
  full: number,
  fixed: Map<number, number>,
  free: number[],
  lift: { epsilon: number; mask: number } | null,
): { x: number[]; epsilon: number; objective: number } | null {
  const constraints = new Map<string, { min?: number; max?: number; equal?: number }>();
  constraints.set('total', { equal: values[full] });
  // a fixed subgroup keeps at least its excess: on the previous optimum's face that means exactly (that is
  // what fixed means), and an inequality with a little slack does not make the program numerically infeasible
  for (const [mask, e] of fixed) constraints.set(`f${mask}`, { min: values[mask] + e - SLACK });
  for (const mask of free) {
    // x(S) − ε ≥ v(S), or with ε held: x(S) ≥ v(S) + ε
    constraints.set(`s${mask}`, lift ? { min: values[mask] + lift.epsilon - LIFT_SLACK } : { min: values[mask] });
  }
  const variables = new Map<string, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    const coefficients = new Map<string, number>([['total', 1]]);
    for (const mask of fixed.keys()) if (mask & (1 << i)) coefficients.set(`f${mask}`, 1);
    for (const mask of free) if (mask & (1 << i)) coefficients.set(`s${mask}`, 1);
    if (lift && lift.mask & (1 << i)) coefficients.set('objective', 1);
    variables.set(`x${i}`, coefficients);
  }
  if (!lift && free.length > 0) {
    const plus = new Map<string, number>([['objective', 1]]);
    const minus = new Map<string, number>([['objective', -1]]);
    for (const mask of free) {
      plus.set(`s${mask}`, -1);
      minus.set(`s${mask}`, 1);
    }
    variables.set('ePlus', plus);
    variables.set('eMinus', minus);
  }
  const solution = solve({ direction: 'maximize', objective: 'objective', constraints, variables });
  if (solution.status !== 'optimal') return null;
  const byName = new Map(solution.variables);
  const x = Array.from({ length: n }, (_, i) => byName.get(`x${i}`) ?? 0);
  const epsilon = lift ? lift.epsilon : (byName.get('ePlus') ?? 0) - (byName.get('eMinus') ?? 0);
  const objective = lift ? excess(x, values, lift.mask) : epsilon;
  return { x, epsilon, objective };
}

/** The rank of subgroups' indicator vectors (Gaussian elimination over the reals). */
function rank(n: number, masks: number[]): number {
  const rows = masks.map((mask) => Array.from({ length: n }, (_, i) => (mask & (1 << i) ? 1 : 0)));
  let r = 0;
  for (let col = 0; col < n && r < rows.length; col++) {
    const pivot = rows.findIndex((row, k) => k >= r && Math.abs(row[col]) > 1e-12);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot], rows[r]];
    for (let k = 0; k < rows.length; k++) {
      if (k === r) continue;
      const f = rows[k][col] / rows[r][col];
      if (f !== 0) for (let c = col; c < n; c++) rows[k][c] -= f * rows[r][c];
    }
    r++;
  }
  return r;
}

/** The number of members in a subgroup's bit mask. */
export function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
