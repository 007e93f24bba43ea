/**
 * Cost-sharing keys (fördelningsnycklar) for one group (docs/model.md §16). A member's cost on the path is
 * its own part (capabilities it keeps, its ordering function, its transition, the unrealised rest of its own
 * former cost of what moved, …) plus its part of the joint cost J = Σ shared payments: the provider's cost
 * of the members' parts at the provider's scale, with markup and the joint body's governance. The model
 * divides J by use: each capability by its own volume driver. A key divides J otherwise:
 *
 *   gain of member i under key k = its gain under the model's division + its shared payment − w_i^k · J,
 *
 * with Σ w^k = 1, so every key divides exactly J and the group's total is the same under every key.
 * The game-theoretic keys divide the group's gain instead (Shapley value, nucleolus; shapley.ts).
 */

/** The keys, in the order shown. */
export const KEYS = ['use', 'inhabitants', 'users', 'fixedVariable', 'shapley', 'nucleolus'] as const;
export type KeyId = (typeof KEYS)[number];

/**
 * The fixed part of a fixed-plus-variable key: a quarter of the joint cost as an equal base fee per
 * member, the rest per inhabitant. *Antagande*: a base fee plus a per-inhabitant part is a common form of
 * Swedish joint IT agreements, but no published share was found; the user can change it.
 */
export const DEFAULT_FIXED_SHARE = 0.25;

export interface KeyInput {
  codes: string[];
  /** Per member: inhabitants, employees and pupils in the start year (the key's basis). */
  population: number[];
  employees: number[];
  pupils: number[];
  /** Per member, per run: its gain under the model's division, and its shared payment (present values). */
  gain: Float64Array[];
  sharedPayment: Float64Array[];
  /** Per run: the pupil weight drawn (users = employees + weight × pupils, as the model counts them). */
  pupilWeight: Float64Array;
  /** Share of J split equally in the fixed-plus-variable key. */
  fixedShare: number;
  /** The group's game-theoretic splits of its mean gain, where computed. */
  shapley: { value: number[]; exact: boolean; standardError: number[] | null } | null;
  nucleolus: number[] | null;
  /** Why the Shapley value or the nucleolus is missing, where it is. */
  reasons?: Partial<Record<'shapley' | 'nucleolus', UnavailableReason>>;
}

export interface KeyMember {
  code: string;
  /** Mean gain against going alone (SEK, present value); negative: the member pays more than alone. */
  gain: number;
  /** Share of runs in which the member pays more than alone (null for the game-theoretic keys). */
  probabilityLoss: number | null;
  loses: boolean;
}

/** Why a game-theoretic key is not given: too many members to simulate every subgroup, no gain to divide, or
 * the linear programs gave no answer. */
export type UnavailableReason = 'too-many-members' | 'group-loses' | 'not-computed';

export interface KeyOutcome {
  key: KeyId;
  /** False where the key could not be computed (the reason is a code the UI words). */
  available: boolean;
  reason?: UnavailableReason;
  members: KeyMember[];
  /** Every member gains (in expectation) under this key. */
  everyoneGains: boolean;
  /**
   * Per member, the mean share of the joint cost it carries (volume keys; in the results the CLI writes).
   * By use: over the runs with a joint cost, absent when no run has one (nothing to divide).
   */
  weights?: number[];
  /** Per member, the standard error of a sampled Shapley value (absent when exact). */
  standardError?: number[];
}

/** A gain below this (SEK, present value) is a loss: rounding never makes a member a loser. */
const LOSS_TOLERANCE = -1;

/** Every key for one group. */
export function applyKeys(input: KeyInput): KeyOutcome[] {
  const n = input.codes.length;
  const runs = input.pupilWeight.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const byPopulation = () => {
    const total = sum(input.population);
    return input.population.map((p) => p / total);
  };
  const weightsOf: Record<'use' | 'inhabitants' | 'users' | 'fixedVariable', (r: number) => number[] | null> = {
    use: () => null, // the model's own division
    inhabitants: byPopulation,
    users: (r) => {
      const users = input.employees.map((e, i) => e + input.pupilWeight[r] * input.pupils[i]);
      const total = sum(users);
      return users.map((u) => u / total);
    },
    fixedVariable: () => {
      const f = input.fixedShare;
      return byPopulation().map((w) => f / n + (1 - f) * w);
    },
  };
  const volumeKey = (key: keyof typeof weightsOf): KeyOutcome => {
    const gains = input.codes.map(() => new Float64Array(runs));
    // the mean share over the runs where the key gives one: always for a key of weights, and for the
    // model's own division only where there is a joint cost to divide
    const meanWeight = new Array<number>(n).fill(0);
    let dividing = 0;
    for (let r = 0; r < runs; r++) {
      let joint = 0;
      for (let i = 0; i < n; i++) joint += input.sharedPayment[i][r];
      const w = weightsOf[key](r);
      const shares = w !== null || joint !== 0;
      if (shares) dividing++;
      for (let i = 0; i < n; i++) {
        if (shares) meanWeight[i] += w ? w[i] : input.sharedPayment[i][r] / joint;
        gains[i][r] = input.gain[i][r] + input.sharedPayment[i][r] - (w ? w[i] * joint : input.sharedPayment[i][r]);
      }
    }
    const members = input.codes.map((code, i): KeyMember => {
      let total = 0;
      let losses = 0;
      for (let r = 0; r < runs; r++) {
        total += gains[i][r];
        if (gains[i][r] < LOSS_TOLERANCE) losses++;
      }
      const gain = total / runs;
      return { code, gain, probabilityLoss: losses / runs, loses: gain < LOSS_TOLERANCE };
    });
    return {
      key,
      available: true,
      members,
      everyoneGains: members.every((m) => !m.loses),
      ...(dividing > 0 && { weights: meanWeight.map((w) => w / dividing) }),
    };
  };
  const gameKey = (key: 'shapley' | 'nucleolus', values: number[] | null, groupLoses: boolean): KeyOutcome => {
    if (!values) {
      return {
        key,
        available: false,
        reason: input.reasons?.[key] ?? (groupLoses ? 'group-loses' : 'too-many-members'),
        members: [],
        everyoneGains: false,
      };
    }
    const members = input.codes.map((code, i) => ({
      code,
      gain: values[i],
      probabilityLoss: null,
      loses: values[i] < LOSS_TOLERANCE,
    }));
    const se = key === 'shapley' ? input.shapley?.standardError : null;
    return {
      key,
      available: true,
      members,
      everyoneGains: members.every((m) => !m.loses),
      ...(se && { standardError: se }),
    };
  };
  let groupGain = 0;
  for (let i = 0; i < n; i++) for (let r = 0; r < runs; r++) groupGain += input.gain[i][r] / runs;
  const groupLoses = groupGain < LOSS_TOLERANCE;
  return [
    volumeKey('use'),
    volumeKey('inhabitants'),
    volumeKey('users'),
    volumeKey('fixedVariable'),
    gameKey('shapley', input.shapley?.value ?? null, groupLoses),
    gameKey('nucleolus', input.nucleolus, groupLoses),
  ];
}
