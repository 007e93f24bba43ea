/**
 * The coalition block of docs/model.md §16: the finder on Dalsland's five kommuner under the default
 * assumptions and with more of the modelled gains realised, and the cost-sharing keys for SML-IT.
 */
import { DEFAULT_CONSTRAINTS, type Geography } from '../../coalition/constraints.js';
import { CoalitionGame, type GroupForm, inThread } from '../../coalition/game.js';
import { DEFAULT_FIXED_SHARE, type KeyId } from '../../coalition/keys.js';
import { DEFAULT_SETTINGS, findCoalitions } from '../../coalition/search.js';
import { analyseSharing, DEFAULT_SHARING, keyBases } from '../../coalition/sharing.js';
import type { Assumption, Capability, Municipality, Scenario } from '../../engine/index.js';
import { code, num, percent, signedMsek, table } from './format.js';
import { readJson } from './repo.js';

/** The "what would have to be true" variant: most modelled gains realised (an illustration, not a default). */
export const RAISED_REALISATION: Assumption = {
  dist: 'pert',
  low: 0.5,
  mode: 0.7,
  high: 0.9,
  source: 'antagande: illustration in docs/model.md §16, not a default',
};

const FORM = { samverkan: 'joint organisation', asymmetrisk: 'host' } satisfies Record<GroupForm, string>;
const KEY: Record<KeyId, string> = {
  use: 'by use (the model)',
  inhabitants: 'per inhabitant',
  users: 'per user',
  fixedVariable: `${percent(DEFAULT_FIXED_SHARE)} fixed + per inhabitant`,
  shapley: 'Shapley value',
  nucleolus: 'nucleolus',
};

export async function coalitionBlock(): Promise<string> {
  const municipalities = readJson('public/data/municipalities.json') as Municipality[];
  const capabilities = readJson('public/data/capabilities.json') as Capability[];
  const data = { municipalities, capabilities };
  const name = (c: string) => municipalities.find((m) => m.code === c)?.name ?? c;
  const geography: Geography = { county: () => '14', neighbours: () => [] };

  const finder = async (file: string, raised: boolean) => {
    const base = readJson(file) as Scenario;
    const scenario = raised
      ? { ...base, assumptions: { ...base.assumptions, realisationShared: RAISED_REALISATION } }
      : base;
    const game = new CoalitionGame(scenario, data);
    const result = await findCoalitions(
      { codes: scenario.members, forms: ['samverkan', 'asymmetrisk'], constraints: DEFAULT_CONSTRAINTS, geography },
      inThread(game),
    );
    if (!result) throw new Error('not cancelled, so never null');
    // everyone alone is the reference: 0 by definition, no spread and no probability to show
    const rows = result.groupings
      .slice(0, 4)
      .map((g, k) =>
        g.groups.length === 0
          ? [String(k + 1), 'everyone alone (the reference)', '0', '—', '—']
          : [
              String(k + 1),
              g.groups.map((x) => `${x.members.map(name).join(', ')} (${FORM[x.form]})`).join('; '),
              signedMsek(g.meanGain, 1),
              `${signedMsek(g.p10, 1)} … ${signedMsek(g.p90, 1)}`,
              percent(g.probabilityGain),
            ],
      );
    return { result, rows };
  };
  const dalsland = 'scenarios/dalsland.json';
  const plain = await finder(dalsland, false);
  const raised = await finder(dalsland, true);
  const header = ['rank', 'grouping', 'gain (MSEK, PV)', 'P10 … P90', 'P(gain)'];

  const sharing = async (file: string, raisedRealisation: boolean) => {
    const base = readJson(file) as Scenario;
    const scenario = raisedRealisation
      ? { ...base, assumptions: { ...base.assumptions, realisationShared: RAISED_REALISATION } }
      : base;
    const game = new CoalitionGame(scenario, data, ['asymmetrisk']);
    const result = await analyseSharing(
      {
        codes: scenario.members,
        group: scenario.members.map((_, i) => i),
        form: 'asymmetrisk',
        ...keyBases(scenario.members, (c) => municipalities.find((m) => m.code === c)),
        fixedShare: DEFAULT_FIXED_SHARE,
        seed: scenario.seed,
      },
      inThread(game),
    );
    if (!result) throw new Error('not cancelled, so never null');
    return result;
  };
  const smlIt = 'scenarios/sml-it.json';
  const keysTable = (result: Awaited<ReturnType<typeof sharing>>) =>
    table(
      ['key', ...result.members.map(name), 'every member gains'],
      result.keys.map((k) => [
        KEY[k.key],
        ...(k.available
          ? k.members.map((m) => `${signedMsek(m.gain, 1)}${m.loses ? ' (loses)' : ''}`)
          : result.members.map(() => (k.reason === 'group-loses' ? '— (the group loses)' : '— (too many members)'))),
        k.available ? (k.everyoneGains ? 'yes' : 'no') : '—',
      ]),
    );
  const smlPlain = await sharing(smlIt, false);
  const smlRaised = await sharing(smlIt, true);
  const settings = DEFAULT_SETTINGS;
  return [
    `Dalsland's five kommuner (${code(dalsland)}), both forms, no constraints: ${plain.result.method} search over ` +
      `${num(plain.result.allowedGroups ?? 0)} groups, screened with ${num(settings.screeningRuns)} runs each, the best ` +
      `${settings.candidates} groupings re-run with ${num(settings.refineRuns)} runs. Gain = present value of what the ` +
      'members save against each going alone over the horizon.',
    '',
    'Default assumptions:',
    '',
    table(header, plain.rows),
    '',
    `With ${code('realisationShared')} raised to PERT(${RAISED_REALISATION.dist === 'pert' ? `${RAISED_REALISATION.low}, ${RAISED_REALISATION.mode}, ${RAISED_REALISATION.high}` : ''}) (an illustration, not a default):`,
    '',
    table(header, raised.rows),
    '',
    `SML-IT (${code(smlIt)}) with Lysekil as host, ${num(DEFAULT_SHARING.runs)} runs, each member's gain against going ` +
      'alone (MSEK, present value) under each key; default assumptions:',
    '',
    keysTable(smlPlain),
    '',
    `Stable under: ${smlPlain.stableKeys.map((k) => KEY[k]).join(', ') || 'no key'}. With ${code('realisationShared')} raised as above:`,
    '',
    keysTable(smlRaised),
    '',
    `Stable under: ${smlRaised.stableKeys.map((k) => KEY[k]).join(', ') || 'no key'}.`,
    '',
    `Reproduce: ${code(`npm run simulate -- ${dalsland} --find-coalitions`)}; the keys tables are the sharing analysis ` +
      `of the whole group (${code('src/cli/figures/coalitions.ts')}); ${code(`npm run simulate -- ${smlIt} --find-coalitions --keys`)} ` +
      'shows the keys of the best grouping that forms a group.',
  ].join('\n');
}
