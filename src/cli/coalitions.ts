/**
 * `npm run simulate -- SCENARIO.json --find-coalitions …`: the coalition finder and the cost-sharing keys
 * (src/coalition/, docs/model.md §16) from the command line, writing JSON. In one process the groups are
 * simulated in this thread; `--by-county` splits the scenario's members by county and searches each
 * county in a process of its own (up to --workers at once), for a national sweep.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_CONSTRAINTS,
  type Geography,
  type GroupConstraints,
  type NeighbourRule,
} from '../coalition/constraints.js';
import { CoalitionGame, GROUP_FORMS, type GroupForm, inThread } from '../coalition/game.js';
import { DEFAULT_FIXED_SHARE } from '../coalition/keys.js';
import { DEFAULT_SETTINGS, type FinderResult, type FinderSettings, findCoalitions } from '../coalition/search.js';
import { analyseSharing, keyBases, type SharingResult, withoutExits } from '../coalition/sharing.js';
import type { KommunGeo } from '../data/kommun-geo.js';
import type { Capability, Municipality, Scenario } from '../engine/index.js';

export interface CoalitionOptions {
  forms: GroupForm[];
  constraints: GroupConstraints;
  settings: FinderSettings;
  keys: boolean;
  fixedShare: number;
}

export interface CoalitionReport {
  scenario: string;
  members: { code: string; name: string; county: string }[];
  options: CoalitionOptions;
  seconds: number;
  finder: FinderResult;
  /** The sharing analysis of each group of the best grouping that forms a group (with --keys). */
  sharing: SharingResult[];
}

/** Parse the finder's command-line options; a message on bad usage. */
export function coalitionOptions(values: Record<string, unknown>): CoalitionOptions | string {
  const list = (name: string) =>
    typeof values[name] === 'string'
      ? (values[name] as string)
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
  const integer = (name: string, fallback: number, min: number, max: number) => {
    if (values[name] === undefined) return fallback;
    const n = Number(values[name]);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  const forms = values.forms === undefined ? [...GROUP_FORMS] : list('forms');
  if (forms.length === 0 || forms.some((f) => !(GROUP_FORMS as readonly string[]).includes(f)))
    return `--forms takes ${GROUP_FORMS.join(',')} (one or both)`;
  const neighbours = (values.neighbours ?? 'any') as NeighbourRule;
  if (!['any', 'county', 'adjacent'].includes(neighbours)) return '--neighbours takes any, county or adjacent';
  const codes = [...list('must-join'), ...list('exclude')];
  if (codes.some((c) => !/^\d{4}$/.test(c))) return '--must-join and --exclude take four-digit kommunkoder';
  const maxGroupSize = integer('max-group-size', DEFAULT_CONSTRAINTS.maxGroupSize, 2, 290);
  const screeningRuns = integer('screening-runs', DEFAULT_SETTINGS.screeningRuns, 10, 100_000);
  const refineRuns = integer('refine-runs', DEFAULT_SETTINGS.refineRuns, 10, 1_000_000);
  if (maxGroupSize === null) return '--max-group-size must be an integer from 2 to 290';
  if (screeningRuns === null) return '--screening-runs must be an integer from 10 to 100000';
  if (refineRuns === null) return '--refine-runs must be an integer from 10 to 1000000';
  const fixedShare = values['fixed-share'] === undefined ? DEFAULT_FIXED_SHARE : Number(values['fixed-share']);
  if (!(fixedShare >= 0 && fixedShare <= 1)) return '--fixed-share must be a share from 0 to 1';
  return {
    forms: forms as GroupForm[],
    constraints: {
      ...DEFAULT_CONSTRAINTS,
      mustJoin: list('must-join'),
      exclude: list('exclude'),
      maxGroupSize,
      neighbours,
      capacityMayFall: values['keep-capacity'] !== true,
    },
    settings: { ...DEFAULT_SETTINGS, screeningRuns, refineRuns },
    keys: values.keys === true,
    fixedShare,
  };
}

/** Run the finder (and the keys) for one scenario in this thread. */
export async function findInProcess(
  scenario: Scenario,
  municipalities: Municipality[],
  capabilities: Capability[],
  geo: KommunGeo,
  options: CoalitionOptions,
  progress: (message: string) => void = () => {},
): Promise<CoalitionReport> {
  const started = performance.now();
  // profiles carried by the scenario replace the embedded ones, as in the app
  const carried = new Map((scenario.profiles ?? []).map((p) => [p.code, p]));
  const profiles = municipalities.map((m) => carried.get(m.code) ?? m);
  const byCode = new Map(profiles.map((m) => [m.code, m]));
  const geography: Geography = {
    county: (code) => byCode.get(code)?.county,
    neighbours: (code) => geo.kommuner[code]?.neighbours,
  };
  const game = new CoalitionGame(scenario, { municipalities, capabilities }, options.forms);
  const evaluator = inThread(game);
  let last = 0;
  const finder = (await findCoalitions(
    {
      codes: scenario.members,
      forms: options.forms,
      constraints: options.constraints,
      geography,
      settings: options.settings,
    },
    evaluator,
    {
      progress: (p) => {
        if (p.screenedGroups - last >= 100) {
          last = p.screenedGroups;
          progress(`${p.phase}: ${p.screenedGroups} groups`);
        }
      },
    },
  )) as FinderResult;
  const sharing: SharingResult[] = [];
  // the best grouping that forms any group (when everyone alone ranks first, the next one)
  const chosen = finder.groupings.find((g) => g.groups.length > 0);
  // keys divide the cost among members that stay: without member exits (sharing.ts)
  if (options.keys && chosen) {
    const sharingEvaluator = inThread(
      new CoalitionGame(withoutExits(scenario), { municipalities, capabilities }, options.forms),
    );
    for (const group of chosen.groups) {
      progress(`keys: ${group.members.join(', ')}`);
      const result = await analyseSharing(
        {
          codes: scenario.members,
          group: group.members.map((c) => scenario.members.indexOf(c)),
          form: group.form,
          ...keyBases(scenario.members, (c) => byCode.get(c)),
          fixedShare: options.fixedShare,
          seed: scenario.seed,
        },
        sharingEvaluator,
      );
      if (result) sharing.push(result);
    }
  }
  return {
    scenario: scenario.id,
    members: scenario.members.map((code) => {
      const m = byCode.get(code) as Municipality;
      return { code, name: m.name, county: m.county };
    }),
    options,
    seconds: (performance.now() - started) / 1000,
    finder,
    sharing,
  };
}

/**
 * One scenario per county of the scenario's members (same settings, members of that county only), each
 * searched by a child process running this CLI, at most `workers` at a time. Counties with one member are
 * left out (nobody to group with).
 */
export async function findByCounty(
  scenarioPath: string,
  scenario: Scenario,
  municipalities: Municipality[],
  passOn: string[],
  workers: number,
  progress: (message: string) => void,
): Promise<Record<string, CoalitionReport>> {
  const carried = new Map((scenario.profiles ?? []).map((p) => [p.code, p]));
  const countyOf = (code: string) => (carried.get(code) ?? municipalities.find((m) => m.code === code))?.county;
  const counties = new Map<string, string[]>();
  for (const code of scenario.members) {
    const county = countyOf(code) ?? '??';
    counties.set(county, [...(counties.get(county) ?? []), code]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'dm-coalitions-'));
  const jobs = [...counties].filter(([, codes]) => codes.length >= 2);
  const out: Record<string, CoalitionReport> = {};
  let next = 0;
  const cli = new URL('./simulate.ts', import.meta.url).pathname;
  const runOne = (county: string, codes: string[]) =>
    new Promise<void>((resolve, reject) => {
      const file = join(dir, `${county}.json`);
      const result = join(dir, `${county}.out.json`);
      const keepExit = (exit: Scenario['paths']['samverkan']['exit']) =>
        exit && 'member' in exit && !codes.includes(exit.member) ? undefined : exit;
      const own: Scenario = {
        ...scenario,
        id: `${scenario.id}-lan-${county}`,
        members: codes,
        paths: {
          ...scenario.paths,
          samverkan: { ...scenario.paths.samverkan, members: 'all', exit: keepExit(scenario.paths.samverkan.exit) },
          sammanlaggning: { ...scenario.paths.sammanlaggning, members: 'all' },
          asymmetrisk: {
            ...scenario.paths.asymmetrisk,
            members: 'all',
            host: codes.includes(scenario.paths.asymmetrisk.host) ? scenario.paths.asymmetrisk.host : 'largest',
            exit: keepExit(scenario.paths.asymmetrisk.exit),
          },
        },
      };
      writeFileSync(file, JSON.stringify(own));
      const child = spawn(process.execPath, [...process.execArgv, cli, file, ...passOn, '--out', result], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      child.stderr.on('data', (d) => {
        errors += d;
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0) return reject(new Error(`county ${county} (${scenarioPath}): ${errors.trim()}`));
        out[county] = JSON.parse(readFileSync(result, 'utf8')) as CoalitionReport;
        progress(`county ${county}: ${codes.length} kommuner in ${out[county].seconds.toFixed(1)} s`);
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, async () => {
      while (next < jobs.length) {
        const [county, codes] = jobs[next++];
        await runOne(county, codes);
      }
    }),
  );
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The ranked groupings as a plain-text table (mnkr, present value over the horizon). */
export function formatCoalitions(report: CoalitionReport): string {
  const name = new Map(report.members.map((m) => [m.code, m.name]));
  const mnkr = (x: number) => (x / 1e6).toFixed(1);
  const f = report.finder;
  const lines = [
    `Coalition finder: ${f.method}, ${f.screenedGroups} groups screened with ${f.screeningRuns} runs` +
      (f.allowedGroups === null ? '' : ` of ${f.allowedGroups} allowed`) +
      `${f.stoppedAtLimit ? ' (stopped at the limit)' : ''}; best ${f.groupings.length} re-run with ${f.refineRuns} runs`,
    'rank  gain mnkr (P10 … P90)   P(gain)  groups',
  ];
  f.groupings.forEach((g, k) => {
    const groups = g.groups.map((x) => `${x.form}: ${x.members.map((c) => name.get(c)).join(', ')}`).join(' | ');
    lines.push(
      `${String(k + 1).padStart(4)}  ${mnkr(g.meanGain).padStart(9)} (${mnkr(g.p10)} … ${mnkr(g.p90)})  ${g.probabilityGain.toFixed(2).padStart(7)}  ${groups || 'everyone alone'}`,
    );
  });
  if (f.lead) lines.push(`#1 over #2: ${mnkr(f.lead.mean)} mnkr (standard error ${mnkr(f.lead.standardError)})`);
  for (const s of report.sharing) {
    lines.push('', `Keys for ${s.members.map((c) => name.get(c)).join(', ')} (${s.form}), gain mnkr per member:`);
    for (const key of s.keys) {
      const cells = key.available
        ? key.members.map((m) => `${name.get(m.code)} ${mnkr(m.gain)}${m.loses ? ' LOSES' : ''}`).join('; ')
        : `not available (${key.reason})`;
      lines.push(`  ${key.key.padEnd(14)} ${cells}`);
    }
    lines.push(
      `  stable under: ${s.stableKeys.join(', ') || 'no key'}${s.coreChecked ? '' : ' (subgroups not checked)'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
