/**
 * The coalition game (docs/model.md §16): what a group of the scenario's kommuner gains, against each of
 * them going alone, when it shares its IT as one joint organisation (samverkan) or through a host
 * (asymmetrisk). Every group is simulated as a scenario of its own members with the same seed, so every
 * group sees the same draws run by run (common random numbers). A kommun's status quo does not depend on who else is in the scenario, so a group's
 * figures equal those of the same arrangement inside the full scenario (test/coalition/game.test.ts).
 * Common random numbers make the differences between groups far less noisy than the groups' own figures,
 * not noiseless: the finder reports the standard error of the difference it ranks on.
 */
import {
  ASSUMPTION_IDS,
  type Capability,
  loadModel,
  MEMBER_RUN_METRICS,
  type Municipality,
  PATH_IDS,
  type Scenario,
  Simulator,
} from '../engine/index.js';

/** The two ways a group can share: one joint organisation, or one of them as host for the others. */
export const GROUP_FORMS = ['samverkan', 'asymmetrisk'] as const;
export type GroupForm = (typeof GROUP_FORMS)[number];

const PATH = { samverkan: PATH_IDS.indexOf('samverkan'), asymmetrisk: PATH_IDS.indexOf('asymmetrisk') };
const RUN = Object.fromEntries(MEMBER_RUN_METRICS.map((name, i) => [name, i])) as Record<
  (typeof MEMBER_RUN_METRICS)[number],
  number
>;
const P = PATH_IDS.length;
const PUPIL_WEIGHT = ASSUMPTION_IDS.indexOf('pupilWeight');

/** One form of one group, over the runs simulated. */
export interface FormOutcome {
  /** Per run: the group's gain, present value of Σ (status quo cost − path cost) over its members (SEK). */
  gain: Float64Array;
  meanGain: number;
  /** Mean change in the members' development capacity in the final year (FTE, summed). */
  capacity: number;
}

/** Per member of a group, per run: what the keys of keys.ts need (one form). */
export interface MemberDetail {
  /** Present value of the member's gain under the model's own allocation (−npvVsStatusQuo). */
  gain: Float64Array[];
  /** Present value of its shared payment (its part of the joint cost, docs/model.md §16). */
  sharedPayment: Float64Array[];
}

export interface GroupOutcome {
  /** Scenario member indices, ascending. */
  members: number[];
  runs: number;
  forms: Partial<Record<GroupForm, FormOutcome>>;
}

/** The group's better form by mean gain (never a form the game did not simulate). */
export function bestForm(outcome: GroupOutcome): GroupForm {
  let best: GroupForm | undefined;
  for (const form of GROUP_FORMS) {
    const o = outcome.forms[form];
    if (o && (best === undefined || o.meanGain > (outcome.forms[best] as FormOutcome).meanGain)) best = form;
  }
  if (best === undefined) throw new Error('no form simulated');
  return best;
}

/** A game as an evaluator in this thread (the CLI, the docs' figures, tests); the app uses workers. */
export function inThread(game: CoalitionGame) {
  return {
    evaluate: async (groups: number[][], runs: number, from = 0) => groups.map((g) => game.evaluate(g, runs, from)),
    details: async (group: number[], form: GroupForm, runs: number) => game.details(group, form, runs),
  };
}

/** The data a game simulates against: the embedded (or imported) profiles and catalogue. */
export interface GameData {
  municipalities: Municipality[];
  capabilities: Capability[];
}

/**
 * Simulates groups of one scenario's members, with a cache per group and run count. The scenario's own
 * settings hold for every group: seed, horizon, discount rate, assumptions, correlations, imported
 * profiles and capabilities, the capability map, the joint organisation's legal form and what it pools,
 * what a host provides, and a yearly exit probability. A named host leads a group it is in (else the
 * largest member hosts), and an exit of a named member applies only to groups it is in.
 */
export class CoalitionGame {
  readonly codes: string[];
  private readonly cache = new Map<string, GroupOutcome>();
  /** Groups simulated (cache misses), for the search's account of its work. */
  simulated = 0;

  constructor(
    readonly scenario: Scenario,
    private readonly data: GameData,
    readonly forms: readonly GroupForm[] = GROUP_FORMS,
  ) {
    if (forms.length === 0) throw new Error('needs at least one form');
    this.codes = [...scenario.members];
  }

  /** The scenario that simulates exactly this group (members in scenario order). */
  groupScenario(members: readonly number[], runs: number): Scenario {
    const s = this.scenario;
    const codes = members.map((i) => this.codes[i]);
    const inGroup = new Set(codes);
    const named = s.paths.asymmetrisk.host;
    const hostCode =
      named !== 'largest' && inGroup.has(named)
        ? named
        : codes.reduce((a, b) => (this.population(b) > this.population(a) ? b : a));
    // an exit of a named member applies to groups it is in, and never to a group's host
    const exitIn = <E extends { member: string } | { probability: number }>(exit: E | undefined, host?: string) =>
      exit && ('probability' in exit || (inGroup.has(exit.member) && exit.member !== host)) ? exit : undefined;
    return {
      ...s,
      members: codes,
      runs,
      stopWhenStable: false,
      paths: {
        samverkan: {
          ...s.paths.samverkan,
          enabled: this.forms.includes('samverkan'),
          members: 'all',
          exit: exitIn(s.paths.samverkan.exit),
        },
        omfordelning: { ...s.paths.omfordelning, enabled: false },
        sammanlaggning: { ...s.paths.sammanlaggning, enabled: false, members: 'all' },
        asymmetrisk: {
          ...s.paths.asymmetrisk,
          enabled: this.forms.includes('asymmetrisk'),
          members: 'all',
          host: hostCode,
          exit: exitIn(s.paths.asymmetrisk.exit, hostCode),
        },
      },
    };
  }

  private population(code: string): number {
    const own = this.scenario.profiles?.find((p) => p.code === code);
    return (own ?? this.data.municipalities.find((m) => m.code === code))?.population ?? 0;
  }

  /**
   * Simulate a group (≥ 2 members) over runs [from, from + runs), `from` a multiple of 100: its gain per form.
   * Cached.
   */
  evaluate(members: readonly number[], runs: number, from = 0): GroupOutcome {
    const sorted = [...members].sort((a, b) => a - b);
    const key = `${from}+${runs}:${sorted.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { chunk, M } = this.simulate(sorted, runs, from);
    const forms: Partial<Record<GroupForm, FormOutcome>> = {};
    for (const form of this.forms) {
      const p = PATH[form];
      const gain = new Float64Array(runs);
      let capacity = 0;
      for (let i = 0; i < M; i++) {
        const npv = ((RUN.npvVsStatusQuo * P + p) * M + i) * runs;
        const cap = ((RUN.finalDevelopmentCapacity * P + p) * M + i) * runs;
        const capSq = ((RUN.finalDevelopmentCapacity * P + 0) * M + i) * runs;
        for (let r = 0; r < runs; r++) {
          gain[r] -= chunk.memberRuns[npv + r];
          capacity += chunk.memberRuns[cap + r] - chunk.memberRuns[capSq + r];
        }
      }
      let sum = 0;
      for (let r = 0; r < runs; r++) sum += gain[r];
      forms[form] = { gain, meanGain: sum / runs, capacity: capacity / runs };
    }
    const outcome: GroupOutcome = { members: sorted, runs, forms };
    this.cache.set(key, outcome);
    return outcome;
  }

  /**
   * Per member of the group, per run, for one form: its gain under the model's allocation and its shared
   * payment, plus the draws of each run (keys by users need the pupil weight). Not cached.
   */
  details(
    members: readonly number[],
    form: GroupForm,
    runs: number,
  ): MemberDetail & { members: number[]; pupilWeight: Float64Array } {
    const sorted = [...members].sort((a, b) => a - b);
    const { chunk, M, pupilWeightIndex } = this.simulate(sorted, runs);
    const p = PATH[form];
    const slice = (metric: number, i: number, negate: boolean) => {
      const from = ((metric * P + p) * M + i) * runs;
      const out = chunk.memberRuns.slice(from, from + runs);
      if (negate) for (let r = 0; r < runs; r++) out[r] = -out[r];
      return out;
    };
    return {
      members: sorted,
      gain: sorted.map((_, i) => slice(RUN.npvVsStatusQuo, i, true)),
      sharedPayment: sorted.map((_, i) => slice(RUN.sharedPayment, i, false)),
      pupilWeight: chunk.draws.slice(pupilWeightIndex * runs, (pupilWeightIndex + 1) * runs),
    };
  }

  private simulate(sorted: number[], runs: number, from = 0) {
    if (sorted.length < 2) throw new Error('a group needs at least two members');
    const model = loadModel(this.groupScenario(sorted, runs), this.data.municipalities, this.data.capabilities);
    if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.simulated++;
    const chunk = new Simulator(model.value).simulateChunk(from, runs);
    return { chunk, M: sorted.length, pupilWeightIndex: PUPIL_WEIGHT };
  }
}
