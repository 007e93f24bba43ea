import {
  ASSUMPTION_IDS,
  ASSUMPTIONS,
  type Assumption,
  type AssumptionId,
  type Bounds,
  FORM_OVERHEAD,
} from './assumptions.js';
import { resolveMap } from './capability-map.js';
import { cholesky, pearsonForRank } from './copula.js';
import { quantileFunction } from './distributions/index.js';
import {
  CAPABILITY_GROUPS,
  type Capability,
  type Issue,
  type Municipality,
  PATH_IDS,
  type Result,
  type Scenario,
} from './schema.js';
import { mergedSystemsTarget } from './systems.js';

/** Kinds and drivers as small integers, for the typed arrays of the hot loop. */
export const KIND = { drift: 0, styrning: 1, utveckling: 2 } as const;
export const DRIVER = { users: 0, systems: 1, inhabitants: 2, fixed: 3 } as const;

/**
 * A scenario resolved against its data: every lookup done, every selection turned into a mask, every
 * distribution compiled to a quantile function. Built once per scenario, shared by all runs.
 */
export class PreparedModel {
  scenario: Scenario;
  members: Municipality[];
  capabilities: Capability[];
  assumptions: Record<AssumptionId, Assumption>;
  quantiles: ((u: number) => number)[];
  /** Per input (draw order): the bounds every draw is clamped to. */
  boundMin: Float64Array;
  boundMax: Float64Array;
  years: number[];
  /** Per member (scenario order). */
  pop0: Float64Array;
  growth: Float64Array;
  employees: Float64Array;
  pupils: Float64Array;
  systems: Float64Array;
  legacy: Float64Array;
  /** Today's IT budget where the profile states it (SEK), else NaN (derived per run). */
  itCost: Float64Array;
  /** Today's IT staff (FTE) where the profile states it, else NaN (the unit's size is derived, §7). */
  itStaff: Float64Array;
  /**
   * [member][capability]: the level the capability map gives today (0–3), or −1 where the member did not
   * assess it (derived from the budget, §6). Docs/model.md §14.
   */
  mapLevel: Int8Array;
  /**
   * [member][capability]: 1 where the map says a supplier or an existing collaboration delivers the
   * capability today; a contract path leaves it there, outside what the member moves (§14). 0 elsewhere.
   */
  mapKept: Uint8Array;
  /** Per capability (catalogue order). */
  kind: Uint8Array;
  driver: Uint8Array;
  group: Uint8Array;
  minFte: Float64Array;
  fteAtRef: Float64Array;
  lnRef: Float64Array;
  betaLow: Float64Array;
  betaMode: Float64Array;
  betaHigh: Float64Array;
  nonStaffCost: Float64Array;
  nonStaffScale: Float64Array;
  /** Local capabilities in the order they are given up under a budget shortfall (governance first). */
  shortfallOrder: Int32Array;
  /** Capabilities per group, for group coverage. */
  groupSize: Float64Array;
  /** Path settings. */
  enabled: boolean[];
  samverkanMember: Uint8Array;
  pooled: Uint8Array;
  formOverhead: number;
  transferred: Uint8Array;
  bodyPopulation: number;
  mergerMember: Uint8Array;
  /** The system count the merged municipality consolidates toward (docs/model.md §5.5). */
  mergedSystems: number;
  asymMember: Uint8Array;
  host: number;
  provided: Uint8Array;
  /** Member exit per shared path (index into PATH_IDS): a fixed member and year index, or a yearly probability. */
  exits: (ExitPlan | null)[];
  /** Inputs under a correlation (draw order indices) and the Cholesky factor of their copula, if any. */
  correlated: Int32Array;
  copulaFactor: Float64Array;

  /**
   * A class, not an object literal: V8 builds an object literal's template on the literal's second
   * execution and widens every field's type on the way, which threw away all optimised simulation code
   * that had read the first model (the first ~100 runs after the first edit ran 3–6× slower). Fields
   * stored by a constructor keep their types, and TypeScript checks that every one is stored.
   */
  constructor(fields: PreparedModel) {
    this.scenario = fields.scenario;
    this.members = fields.members;
    this.capabilities = fields.capabilities;
    this.assumptions = fields.assumptions;
    this.quantiles = fields.quantiles;
    this.boundMin = fields.boundMin;
    this.boundMax = fields.boundMax;
    this.years = fields.years;
    this.pop0 = fields.pop0;
    this.growth = fields.growth;
    this.employees = fields.employees;
    this.pupils = fields.pupils;
    this.systems = fields.systems;
    this.legacy = fields.legacy;
    this.itCost = fields.itCost;
    this.itStaff = fields.itStaff;
    this.mapLevel = fields.mapLevel;
    this.mapKept = fields.mapKept;
    this.kind = fields.kind;
    this.driver = fields.driver;
    this.group = fields.group;
    this.minFte = fields.minFte;
    this.fteAtRef = fields.fteAtRef;
    this.lnRef = fields.lnRef;
    this.betaLow = fields.betaLow;
    this.betaMode = fields.betaMode;
    this.betaHigh = fields.betaHigh;
    this.nonStaffCost = fields.nonStaffCost;
    this.nonStaffScale = fields.nonStaffScale;
    this.shortfallOrder = fields.shortfallOrder;
    this.groupSize = fields.groupSize;
    this.enabled = fields.enabled;
    this.samverkanMember = fields.samverkanMember;
    this.pooled = fields.pooled;
    this.formOverhead = fields.formOverhead;
    this.transferred = fields.transferred;
    this.bodyPopulation = fields.bodyPopulation;
    this.mergerMember = fields.mergerMember;
    this.mergedSystems = fields.mergedSystems;
    this.asymMember = fields.asymMember;
    this.host = fields.host;
    this.provided = fields.provided;
    this.exits = fields.exits;
    this.correlated = fields.correlated;
    this.copulaFactor = fields.copulaFactor;
  }
}

type Selection = Scenario['paths']['samverkan']['pooled'];

/** How a member leaves a shared path: member −1 means "any member, with `probability` per year". */
export interface ExitPlan {
  member: number;
  yearIndex: number;
  probability: number;
  strandedYears: number;
}

function selectCapabilities(
  selection: Selection,
  capabilities: Capability[],
  flag: 'poolable' | 'transferable',
  path: string,
  issues: Issue[],
): Uint8Array {
  const mask = new Uint8Array(capabilities.length);
  if (selection === 'none') return mask;
  if (selection === 'poolable' || selection === 'transferable') {
    capabilities.forEach((c, i) => {
      mask[i] = c[selection] && c[flag] ? 1 : 0;
    });
    return mask;
  }
  selection.forEach((id, j) => {
    const i = capabilities.findIndex((c) => c.id === id);
    if (i < 0) issues.push({ path: `${path}.${j}`, message: `unknown capability "${id}"` });
    else if (!capabilities[i][flag]) {
      issues.push({ path: `${path}.${j}`, message: `capability "${id}" is not ${flag}` });
    } else mask[i] = 1;
  });
  return mask;
}

function selectMembers(subset: 'all' | string[], members: Municipality[], path: string, issues: Issue[]): Uint8Array {
  const mask = new Uint8Array(members.length);
  if (subset === 'all') return mask.fill(1);
  subset.forEach((code, j) => {
    const i = members.findIndex((m) => m.code === code);
    if (i < 0) issues.push({ path: `${path}.${j}`, message: `${code} is not a member of the scenario` });
    else mask[i] = 1;
  });
  if (subset.length === 0) issues.push({ path, message: 'needs at least one member' });
  return mask;
}

/**
 * Resolve a (shape-validated) scenario against municipality profiles and a capability catalogue.
 * Reports every inconsistency with the path of the field at fault: unknown or duplicate members,
 * capabilities that cannot be pooled or transferred, a host outside the arrangement, bad distributions.
 */
export function prepareModel(
  scenario: Scenario,
  municipalities: Municipality[],
  capabilities: Capability[],
): Result<PreparedModel> {
  const issues: Issue[] = [];
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const members: Municipality[] = [];
  const seen = new Set<string>();
  scenario.members.forEach((code, i) => {
    const m = byCode.get(code);
    if (!m) issues.push({ path: `members.${i}`, message: `unknown kommunkod ${code}` });
    else if (seen.has(code)) issues.push({ path: `members.${i}`, message: `${code} is listed twice` });
    else members.push(m);
    seen.add(code);
  });
  const capIds = new Set<string>();
  capabilities.forEach((c, i) => {
    if (capIds.has(c.id)) issues.push({ path: `capabilities.${i}.id`, message: `duplicate capability id "${c.id}"` });
    capIds.add(c.id);
  });

  const assumptions = {} as Record<AssumptionId, Assumption>;
  const quantiles: ((u: number) => number)[] = [];
  for (const def of ASSUMPTIONS) {
    const a: Assumption = scenario.assumptions?.[def.id] ?? def.default;
    assumptions[def.id] = a;
    try {
      quantiles.push(quantileFunction(a));
    } catch (error) {
      issues.push({ path: `assumptions.${def.id}`, message: (error as Error).message });
      quantiles.push(() => Number.NaN);
    }
    const outside = outsideBounds(a, def.bounds);
    if (outside) issues.push({ path: `assumptions.${def.id}`, message: outside });
  }

  const p = scenario.paths;
  const samverkanMember = selectMembers(p.samverkan.members, members, 'paths.samverkan.members', issues);
  const mergerMember = selectMembers(p.sammanlaggning.members, members, 'paths.sammanlaggning.members', issues);
  const asymMember = selectMembers(p.asymmetrisk.members, members, 'paths.asymmetrisk.members', issues);
  const pooled = selectCapabilities(p.samverkan.pooled, capabilities, 'poolable', 'paths.samverkan.pooled', issues);
  const provided = selectCapabilities(
    p.asymmetrisk.provided,
    capabilities,
    'poolable',
    'paths.asymmetrisk.provided',
    issues,
  );
  const transferred = selectCapabilities(
    p.omfordelning.transferred,
    capabilities,
    'transferable',
    'paths.omfordelning.transferred',
    issues,
  );
  let host = -1;
  if (p.asymmetrisk.host === 'largest') {
    members.forEach((m, i) => {
      if (asymMember[i] && (host < 0 || m.population > members[host].population)) host = i;
    });
  } else {
    host = members.findIndex((m) => m.code === p.asymmetrisk.host);
    if (host < 0 || !asymMember[host]) {
      issues.push({
        path: 'paths.asymmetrisk.host',
        message: `host ${p.asymmetrisk.host} is not a member of the arrangement`,
      });
    }
  }
  const exitPlan = (path: 'samverkan' | 'asymmetrisk', inPath: Uint8Array): ExitPlan | null => {
    const exit = p[path].exit;
    if (!exit) return null;
    if ('probability' in exit)
      return { member: -1, yearIndex: -1, probability: exit.probability, strandedYears: exit.strandedYears };
    const member = members.findIndex((x) => x.code === exit.member);
    const yearIndex = exit.year - scenario.startYear;
    if (member < 0 || !inPath[member])
      issues.push({ path: `paths.${path}.exit.member`, message: `${exit.member} is not a member of the arrangement` });
    else if (path === 'asymmetrisk' && member === host)
      issues.push({ path: `paths.${path}.exit.member`, message: 'the host cannot leave its own arrangement' });
    if (yearIndex < 1 || yearIndex >= scenario.horizonYears) {
      issues.push({
        path: `paths.${path}.exit.year`,
        message: `must lie from ${scenario.startYear + 1} to ${scenario.startYear + scenario.horizonYears - 1}`,
      });
    }
    return { member, yearIndex, probability: 0, strandedYears: exit.strandedYears };
  };
  const exits = [null, exitPlan('samverkan', samverkanMember), null, null, exitPlan('asymmetrisk', asymMember)];

  const { levels: mapLevel, kept: mapKept } = resolveMap(scenario, members, capabilities, issues);

  // correlations: a symmetric matrix over the inputs involved, which must be positive semi-definite
  const involved = [...new Set((scenario.correlations ?? []).flatMap((c) => [c.a, c.b]))].sort(
    (x, y) => ASSUMPTION_IDS.indexOf(x) - ASSUMPTION_IDS.indexOf(y),
  );
  const m = involved.length;
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; i++) matrix[i * m + i] = 1;
  const seenPairs = new Set<string>();
  (scenario.correlations ?? []).forEach((c, k) => {
    const i = involved.indexOf(c.a);
    const j = involved.indexOf(c.b);
    const key = [c.a, c.b].sort().join('|');
    if (seenPairs.has(key))
      issues.push({ path: `correlations.${k}`, message: `the pair ${c.a}–${c.b} is given twice` });
    seenPairs.add(key);
    matrix[i * m + j] = matrix[j * m + i] = pearsonForRank(c.rho);
  });
  const copulaFactor = m > 0 ? cholesky(matrix, m) : new Float64Array(0);
  if (copulaFactor === null) {
    issues.push({
      path: 'correlations',
      message: 'the correlations contradict each other (the matrix is not positive semi-definite)',
    });
  }
  if (issues.length > 0) return { ok: false, issues };

  const M = members.length;
  const C = capabilities.length;
  const f64 = (n: number, fn: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => fn(i));
  const order = capabilities
    .map((c, i) => ({ i, kind: KIND[c.kind] }))
    .filter((c) => c.kind !== KIND.utveckling)
    // governance goes first, then operations; within a kind the catalogue's last entries go first
    .sort((a, b) => b.kind - a.kind || b.i - a.i)
    .map((c) => c.i);
  const groupSize = new Float64Array(CAPABILITY_GROUPS.length);
  for (const c of capabilities) groupSize[CAPABILITY_GROUPS.indexOf(c.group)]++;

  return {
    ok: true,
    value: new PreparedModel({
      scenario,
      members,
      capabilities,
      assumptions,
      quantiles,
      boundMin: Float64Array.from(ASSUMPTIONS, (d) => d.bounds.min),
      boundMax: Float64Array.from(ASSUMPTIONS, (d) => d.bounds.max),
      years: Array.from({ length: scenario.horizonYears }, (_, t) => scenario.startYear + t),
      pop0: f64(M, (i) => members[i].population),
      growth: f64(M, (i) => members[i].populationGrowth),
      employees: f64(M, (i) => members[i].employees),
      pupils: f64(M, (i) => members[i].pupils ?? 0),
      systems: f64(M, (i) => members[i].systems),
      legacy: f64(M, (i) => members[i].legacyShare),
      itCost: f64(M, (i) => members[i].itCost ?? Number.NaN),
      itStaff: f64(M, (i) => members[i].itStaff ?? Number.NaN),
      mapLevel,
      mapKept,
      kind: Uint8Array.from(capabilities, (c) => KIND[c.kind]),
      driver: Uint8Array.from(capabilities, (c) => DRIVER[c.driver]),
      group: Uint8Array.from(capabilities, (c) => CAPABILITY_GROUPS.indexOf(c.group)),
      minFte: f64(C, (i) => capabilities[i].minFte),
      fteAtRef: f64(C, (i) => capabilities[i].fteAtRef),
      lnRef: f64(C, (i) => Math.log(capabilities[i].refVolume)),
      betaLow: f64(C, (i) => capabilities[i].scale.low),
      betaMode: f64(C, (i) => capabilities[i].scale.mode),
      betaHigh: f64(C, (i) => capabilities[i].scale.high),
      nonStaffCost: f64(C, (i) => capabilities[i].nonStaffCost),
      nonStaffScale: f64(C, (i) => capabilities[i].nonStaffScale),
      shortfallOrder: Int32Array.from(order),
      groupSize,
      enabled: PATH_IDS.map((id) => id === 'status-quo' || p[id].enabled),
      samverkanMember,
      pooled,
      formOverhead: FORM_OVERHEAD[p.samverkan.form],
      transferred,
      bodyPopulation: p.omfordelning.bodyPopulation,
      mergerMember,
      mergedSystems: mergedSystemsTarget(members.filter((_, i) => mergerMember[i])),
      asymMember,
      host,
      provided,
      exits,
      correlated: Int32Array.from(involved, (id) => ASSUMPTION_IDS.indexOf(id)),
      copulaFactor: copulaFactor ?? new Float64Array(0),
    }),
  };
}

/**
 * Why a distribution reaches outside an input's bounds, or null. Bounded distributions must lie inside;
 * unbounded ones (normal, lognormal) need their centre inside, and their draws are clamped.
 */
function outsideBounds(a: Assumption, bounds: Bounds): string | null {
  const values =
    a.dist === 'fixed'
      ? [a.value]
      : a.dist === 'normal'
        ? [a.mean]
        : a.dist === 'lognormal'
          ? [a.median]
          : [a.low, a.high];
  const bad = values.some((x) => x < bounds.min || x > bounds.max);
  return bad ? `must lie from ${bounds.min} to ${bounds.max}` : null;
}

export { ASSUMPTION_IDS };
