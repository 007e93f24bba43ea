/**
 * The coalition finder's part of the app state ("Vem med vem?", issue #21): the user's settings, the search
 * and the sharing analysis with their status, and the pure rules around them — which constraints and
 * geography the settings give, whether a result still belongs to the scenario on screen, and the ordinary
 * scenario that opens one found group.
 */
import type { Geography, GroupConstraints, NeighbourRule } from '../coalition/constraints.js';
import type { GroupForm } from '../coalition/game.js';
import type { FinderResult } from '../coalition/search.js';
import type { SharingResult } from '../coalition/sharing.js';
import type { KommunGeo } from '../data/kommun-geo.js';
import type { Municipality, Scenario } from '../engine/index.js';

/** What the user says of one member: it may join a group, must join one, or stays outside. */
export type MemberRole = 'may' | 'must' | 'out';

export interface CoalitionSettings {
  forms: GroupForm[];
  /** Largest group; null: no limit beyond the scenario's members. */
  maxGroupSize: number | null;
  neighbours: NeighbourRule;
  /** By kommunkod; a member not listed may join. */
  roles: Record<string, MemberRole>;
  /** False: a group whose development capacity falls is not formed ("kapaciteten får inte minska"). */
  capacityMayFall: boolean;
  /** The fixed part of the fixed-plus-variable key (an assumption, default 25 %). */
  fixedShare: number;
}

/** Which group of which grouping (indices into the finder's ranked list). */
export interface ChosenGroup {
  grouping: number;
  group: number;
}

export interface CoalitionState {
  settings: CoalitionSettings;
  finder: {
    /** Increases with every search; answers of older ones are dropped. */
    id: number;
    status: 'idle' | 'running' | 'done' | 'failed';
    phase: 'screening' | 'refining';
    screened: number;
    result: FinderResult | null;
    /** The forms the search used (the sharing analysis reuses the workers that hold them). */
    forms: GroupForm[];
    /** The scenario the result belongs to, and its coalitionKey: another scenario on screen makes it stale. */
    scenario: Scenario | null;
    key: string | null;
    error: string | null;
  };
  chosen: ChosenGroup | null;
  sharing: {
    id: number;
    status: 'idle' | 'running' | 'done' | 'failed';
    done: number;
    result: SharingResult | null;
    error: string | null;
  };
}

export const initialCoalition = (fixedShare: number): CoalitionState => ({
  settings: {
    forms: ['samverkan', 'asymmetrisk'],
    maxGroupSize: null,
    neighbours: 'any',
    roles: {},
    capacityMayFall: true,
    fixedShare,
  },
  finder: {
    id: 0,
    status: 'idle',
    phase: 'screening',
    screened: 0,
    result: null,
    forms: [],
    scenario: null,
    key: null,
    error: null,
  },
  chosen: null,
  sharing: { id: 0, status: 'idle', done: 0, result: null, error: null },
});

const keys = new WeakMap<Scenario, string>();

/**
 * What a finder result depends on in a scenario: everything but the run count and the stopping rule (the
 * finder sets its own runs). Memoised by scenario object, since containers ask on every render.
 */
export function coalitionKey(scenario: Scenario): string {
  let key = keys.get(scenario);
  if (key === undefined) {
    const { runs: _runs, stopWhenStable: _stop, ...rest } = scenario;
    key = JSON.stringify(rest);
    keys.set(scenario, key);
  }
  return key;
}

/** Whether the finder's result was computed for another scenario than the one on screen. */
export const coalitionStale = (c: CoalitionState, scenario: Scenario): boolean =>
  c.finder.result !== null && c.finder.key !== coalitionKey(scenario);

/** The finder's constraints from the settings, for the scenario's members (roles of others are ignored). */
export function finderConstraints(settings: CoalitionSettings, members: readonly string[]): GroupConstraints {
  const role = (c: string) => settings.roles[c] ?? 'may';
  return {
    mustJoin: members.filter((c) => role(c) === 'must'),
    exclude: members.filter((c) => role(c) === 'out'),
    maxGroupSize: Math.max(2, Math.min(settings.maxGroupSize ?? members.length, members.length)),
    neighbours: settings.neighbours,
    capacityMayFall: settings.capacityMayFall,
  };
}

/** County from the profiles in use, bordering kommuner from kommun-geo.json (unknown without it). */
export function geographyOf(profiles: readonly Municipality[], geo: KommunGeo | null | undefined): Geography {
  const county = new Map(profiles.map((m) => [m.code, m.county]));
  return {
    county: (code) => county.get(code),
    neighbours: (code) => geo?.kommuner[code]?.neighbours,
  };
}

/** The host of a group sharing through a host: the scenario's named host if it is in the group, else the largest. */
export function groupHost(members: readonly string[], scenario: Scenario, profiles: readonly Municipality[]): string {
  const named = scenario.paths.asymmetrisk.host;
  if (named !== 'largest' && members.includes(named)) return named;
  const population = (code: string) => profiles.find((m) => m.code === code)?.population ?? 0;
  return members.reduce((a, b) => (population(b) > population(a) ? b : a));
}

/**
 * An ordinary scenario of one found group: its members, the form's path on for all of them (with the group's
 * host for a host arrangement), everything else as it was; subsets, hosts and exits of kommuner no longer
 * members fall back as when members are edited. `name` is the new scenario's name in both languages.
 */
export function groupScenario(
  scenario: Scenario,
  group: { members: readonly string[]; form: GroupForm },
  host: string,
  name: Scenario['name'],
): Scenario {
  const next = structuredClone(scenario) as Scenario;
  const members = new Set(group.members);
  next.members = scenario.members.filter((c) => members.has(c));
  next.name = name;
  for (const id of ['samverkan', 'sammanlaggning', 'asymmetrisk'] as const) {
    const list = next.paths[id].members;
    const kept = list === 'all' ? 'all' : list.filter((c) => members.has(c));
    next.paths[id].members = Array.isArray(kept) && kept.length === 0 ? 'all' : kept;
  }
  for (const id of ['samverkan', 'asymmetrisk'] as const) {
    const exit = next.paths[id].exit;
    if (exit && 'member' in exit && !members.has(exit.member)) delete next.paths[id].exit;
  }
  const path = next.paths[group.form];
  path.enabled = true;
  path.members = 'all';
  if (group.form === 'asymmetrisk') {
    next.paths.asymmetrisk.host = host;
    const exit = next.paths.asymmetrisk.exit;
    if (exit && 'member' in exit && exit.member === host) delete next.paths.asymmetrisk.exit;
  } else if (next.paths.asymmetrisk.host !== 'largest' && !members.has(next.paths.asymmetrisk.host)) {
    next.paths.asymmetrisk.host = 'largest';
  }
  return next;
}
