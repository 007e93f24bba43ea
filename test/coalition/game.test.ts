import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoalitionGame, inThread } from '../../src/coalition/game.js';
import { analyseSharing, keyBases, type SharingEvaluator } from '../../src/coalition/sharing.js';
import {
  type Capability,
  MEMBER_RUN_METRICS,
  type Municipality,
  PATH_IDS,
  type Scenario,
  Simulator,
} from '../../src/engine/index.js';
import { model, municipalities, pert, scenarioWith, smallCatalogue } from '../helpers.js';

/**
 * The coalition game (docs/model.md §16): a group simulated as a scenario of its own equals the same
 * arrangement inside the full scenario, and the sharing analysis divides exactly what the group gains.
 */
const data = { municipalities: municipalities as Municipality[], capabilities: smallCatalogue as Capability[] };
const dalsland = ['1438', '1460', '1461', '1492', '1439'];
const RUNS = 8;

function gameFor(change: (s: Scenario) => void = () => {}) {
  const scenario = scenarioWith((s) => {
    s.members = dalsland;
    s.assumptions = { realisationShared: pert(0.2, 0.5, 0.9) };
    change(s);
  });
  return { scenario, game: new CoalitionGame(scenario, data) };
}

/** Σ over the group of −npvVsStatusQuo per run, for one path, from the full scenario with that group. */
function fullScenarioGain(scenario: Scenario, group: string[], path: 'samverkan' | 'asymmetrisk'): Float64Array {
  const full = structuredClone(scenario);
  full.runs = RUNS;
  full.paths.samverkan.members = group;
  full.paths.asymmetrisk.members = group;
  if (full.paths.asymmetrisk.host !== 'largest' && !group.includes(full.paths.asymmetrisk.host)) {
    full.paths.asymmetrisk.host = 'largest';
  }
  const m = model(full);
  const chunk = new Simulator(m).simulateChunk(0, RUNS);
  const p = PATH_IDS.indexOf(path);
  const P = PATH_IDS.length;
  const n = m.members.length;
  const metric = MEMBER_RUN_METRICS.indexOf('npvVsStatusQuo');
  const out = new Float64Array(RUNS);
  m.members.forEach((member, i) => {
    if (!group.includes(member.code)) return;
    for (let r = 0; r < RUNS; r++) out[r] -= chunk.memberRuns[((metric * P + p) * n + i) * RUNS + r];
  });
  return out;
}

describe('the coalition game (docs/model.md §16)', () => {
  it('a group simulated alone gains exactly what the same arrangement gains inside the full scenario, run by run', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom('largest', '1460', '1492'),
        fc.integer({ min: 0, max: 1000 }),
        (members, host, seed) => {
          const { scenario, game } = gameFor((s) => {
            s.seed = seed;
            s.paths.asymmetrisk.host = host;
          });
          const outcome = game.evaluate(members, RUNS);
          const codes = [...members].sort((a, b) => a - b).map((i) => dalsland[i]);
          for (const form of ['samverkan', 'asymmetrisk'] as const) {
            const expected = fullScenarioGain(scenario, codes, form);
            const got = outcome.forms[form]?.gain as Float64Array;
            for (let r = 0; r < RUNS; r++) expect(got[r]).toBeCloseTo(expected[r], 3);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the sharing analysis: the Shapley values sum to the group’s gain, every key divides the same total', async () => {
    const { scenario, game } = gameFor();
    const evaluator: SharingEvaluator = inThread(game);
    for (const form of ['samverkan', 'asymmetrisk'] as const) {
      const result = await analyseSharing(
        {
          codes: scenario.members,
          group: [0, 1, 2, 3, 4],
          form,
          ...keyBases(scenario.members, (c) => (municipalities as Municipality[]).find((m) => m.code === c)),
          fixedShare: 0.25,
          seed: scenario.seed,
          settings: { runs: RUNS },
        },
        evaluator,
      );
      if (!result) throw new Error('cancelled');
      expect(result.shapley).toBe('exact');
      expect(result.groupGain).toBeCloseTo(game.evaluate([0, 1, 2, 3, 4], RUNS).forms[form]?.meanGain ?? NaN, 3);
      for (const key of result.keys.filter((k) => k.available)) {
        const total = key.members.reduce((s, m) => s + m.gain, 0);
        expect(total / Math.abs(result.groupGain)).toBeCloseTo(result.groupGain / Math.abs(result.groupGain), 6);
      }
      expect(result.subgroupsSimulated).toBe(25); // 2^5 − the empty set − 5 singles − the whole group
    }
  });
});
