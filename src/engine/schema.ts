import * as v from 'valibot';
import { ASSUMPTION_IDS, type AssumptionId, FORM_OVERHEAD } from './assumptions.js';

/** The scenario format's version. Bump it with a migration when the format changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** The nine key capabilities of the digital engine named by the Fyrbodal feasibility study. */
export const CAPABILITY_GROUPS = [
  'stabil-drift',
  'teknisk-miljo',
  'krav-sla',
  'leverantorer',
  'standarder',
  'verksamhetens-behov',
  'omvarld',
  'kompetens',
  'attraktiv-arbetsplats',
] as const;

/** The five paths: status quo and the four of SOU 2020:8. The order is the order of every result array. */
export const PATH_IDS = ['status-quo', 'samverkan', 'omfordelning', 'sammanlaggning', 'asymmetrisk'] as const;
export type PathId = (typeof PATH_IDS)[number];

// −0 becomes 0, so that a scenario survives a JSON round trip unchanged
const finite = () =>
  v.pipe(
    v.number(),
    v.finite(),
    v.transform((x) => (Object.is(x, -0) ? 0 : x)),
  );
const nonNegative = () => v.pipe(v.number(), v.finite(), v.minValue(0));
const share = () => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
const text = (max = 200) => v.pipe(v.string(), v.maxLength(max));
const bilingual = (max = 200) => v.strictObject({ sv: text(max), en: text(max) });
const source = () => v.pipe(v.string(), v.minLength(3, 'needs a source or "antagande: …"'), v.maxLength(2000));
const code = () => v.pipe(v.string(), v.regex(/^\d{4}$/, 'must be a four-digit kommunkod'));
const id = () => v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a kebab-case id'));

const ordered = (d: { low: number; mode: number; high: number }) =>
  d.low <= d.mode && d.mode <= d.high && d.low < d.high;

/** One uncertain input: a distribution plus its source. */
export const AssumptionSchema = v.pipe(
  v.variant('dist', [
    v.strictObject({ dist: v.literal('fixed'), value: finite(), source: source() }),
    v.strictObject({ dist: v.literal('uniform'), low: finite(), high: finite(), source: source() }),
    v.strictObject({ dist: v.literal('triangular'), low: finite(), mode: finite(), high: finite(), source: source() }),
    v.strictObject({ dist: v.literal('pert'), low: finite(), mode: finite(), high: finite(), source: source() }),
    v.strictObject({
      dist: v.literal('normal'),
      mean: finite(),
      sd: v.pipe(v.number(), v.finite(), v.gtValue(0)),
      source: source(),
    }),
    v.strictObject({
      dist: v.literal('lognormal'),
      median: v.pipe(v.number(), v.finite(), v.gtValue(0)),
      sigma: v.pipe(v.number(), v.finite(), v.gtValue(0)),
      source: source(),
    }),
  ]),
  v.check(
    (d) => (d.dist === 'uniform' ? d.low < d.high : d.dist === 'triangular' || d.dist === 'pert' ? ordered(d) : true),
    'needs low ≤ mode ≤ high and low < high',
  ),
);

const assumptionEntries = Object.fromEntries(ASSUMPTION_IDS.map((k) => [k, v.optional(AssumptionSchema)])) as {
  [K in AssumptionId]: v.OptionalSchema<typeof AssumptionSchema, undefined>;
};

/** A capability selection: a keyword for "every capability with that flag", or explicit ids. */
const Selection = v.union([v.picklist(['poolable', 'transferable', 'none']), v.pipe(v.array(id()), v.maxLength(500))]);

/**
 * A member leaving a shared arrangement: a given member in a given year, or any member with a yearly
 * probability (at most one exit per run). The others carry the leaver's former payment as stranded
 * cost, falling linearly to zero over `strandedYears` (Itsam lost 6.8 MSEK in 2024 after Kinda left).
 */
const Exit = v.optional(
  v.union([
    v.strictObject({
      member: v.pipe(v.string(), v.regex(/^\d{4}$/, 'must be a four-digit kommunkod')),
      year: v.pipe(v.number(), v.integer()),
      strandedYears: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 3),
    }),
    v.strictObject({
      probability: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
      strandedYears: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 3),
    }),
  ]),
);

/**
 * The capability map (förmågekartan): a kommun's own assessment of each capability today. Levels: 0 saknas
 * (missing), 1 sårbar (held, but hangs on one person), 2 etablerad (established), 3 stark (strong, could
 * lend to others). `by`: who delivers it today — the kommun's own staff, a supplier or an existing
 * collaboration. See docs/model.md §14 for how the model uses it.
 */
export const CAPABILITY_LEVELS = [0, 1, 2, 3] as const;
export type CapabilityLevel = (typeof CAPABILITY_LEVELS)[number];
export const DELIVERIES = ['own', 'supplier', 'collaboration'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const MapCellSchema = v.strictObject({
  level: v.picklist(CAPABILITY_LEVELS, 'must be a level 0, 1, 2 or 3'),
  by: v.picklist(DELIVERIES, 'must be own, supplier or collaboration'),
});
export type MapCell = v.InferOutput<typeof MapCellSchema>;

export const CapabilityMapSchema = v.strictObject({
  /** Invented example values, not any kommun's assessment: every view says so. */
  example: v.optional(v.boolean()),
  /** Who assessed, and when (shown with the map). */
  source: v.optional(v.pipe(v.string(), v.maxLength(600))),
  /** Per kommunkod, per capability id: the assessed cell. Capabilities a kommun did not assess are absent. */
  members: v.record(code(), v.record(id(), MapCellSchema)),
});
export type CapabilityMap = v.InferOutput<typeof CapabilityMapSchema>;

/** Member subset of a shared path: `all` = every scenario member. */
const MemberSubset = v.union([v.literal('all'), v.pipe(v.array(code()), v.maxLength(290))]);

/** A municipality profile. Optional figures are derived by the engine when absent (see docs/model.md). */
export const MunicipalitySchema = v.strictObject({
  code: code(),
  name: text(80),
  county: v.pipe(v.string(), v.regex(/^\d{2}$/, 'must be a two-digit county code')),
  countyName: v.optional(text(80)),
  population: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_000_000)),
  populationYear: v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
  populationPrev: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  populationPrevYear: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)))),
  populationGrowth: v.pipe(v.number(), v.finite(), v.minValue(-0.1), v.maxValue(0.1)),
  employees: v.pipe(v.number(), v.finite(), v.minValue(1)),
  pupils: v.optional(nonNegative()),
  itCost: v.optional(v.nullable(nonNegative())),
  itStaff: v.optional(v.nullable(nonNegative())),
  systems: v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(5000)),
  legacyShare: share(),
  sources: v.record(v.string(), source()),
});

export type Municipality = v.InferOutput<typeof MunicipalitySchema>;

const beta = () => v.pipe(v.number(), v.finite(), v.minValue(0.3), v.maxValue(1.2));

/** One capability of the digital engine (see MODEL.md §1). */
export const CapabilitySchema = v.strictObject({
  id: id(),
  group: v.picklist(CAPABILITY_GROUPS),
  name: bilingual(),
  description: v.optional(bilingual(600)),
  kind: v.picklist(['drift', 'styrning', 'utveckling']),
  driver: v.picklist(['users', 'systems', 'inhabitants', 'fixed']),
  minFte: nonNegative(),
  fteAtRef: nonNegative(),
  refVolume: v.pipe(v.number(), v.finite(), v.gtValue(0)),
  scale: v.pipe(
    v.strictObject({ low: beta(), mode: beta(), high: beta() }),
    v.check((s) => s.low <= s.mode && s.mode <= s.high, 'needs low ≤ mode ≤ high'),
  ),
  nonStaffCost: nonNegative(),
  nonStaffScale: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1.2)),
  poolable: v.boolean(),
  transferable: v.boolean(),
  framework: v.optional(text(300)),
  sources: v.record(v.string(), source()),
});

export type Capability = v.InferOutput<typeof CapabilitySchema>;

/** A scenario: who takes part, which paths are compared with which settings, and the assumptions. */
export const ScenarioSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  id: id(),
  name: bilingual(),
  description: v.optional(bilingual(2000)),
  members: v.pipe(v.array(code()), v.minLength(1, 'needs at least one member'), v.maxLength(290)),
  startYear: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
  horizonYears: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  runs: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4294967295)),
  /**
   * Stop at the first stable answer (src/engine/stability.ts), checked every 100 runs, with `runs` as the
   * most; absent or false: run all `runs`. Part of the scenario, so a link reproduces where it stopped.
   */
  stopWhenStable: v.optional(v.boolean()),
  /**
   * How the inputs are drawn: 'mc' (absent: the default) independent pseudo-random uniforms per run;
   * 'rqmc' point i of a scrambled Sobol sequence for run i (src/engine/sobol.ts, docs/model.md §15).
   */
  sampling: v.optional(v.picklist(['mc', 'rqmc'])),
  discountRate: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(0.5)),
  paths: v.strictObject({
    samverkan: v.strictObject({
      enabled: v.boolean(),
      form: v.picklist(Object.keys(FORM_OVERHEAD) as (keyof typeof FORM_OVERHEAD)[]),
      members: MemberSubset,
      pooled: Selection,
      exit: Exit,
    }),
    omfordelning: v.strictObject({
      enabled: v.boolean(),
      transferred: Selection,
      bodyPopulation: v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(20_000_000)),
    }),
    sammanlaggning: v.strictObject({ enabled: v.boolean(), members: MemberSubset }),
    asymmetrisk: v.strictObject({
      enabled: v.boolean(),
      host: v.union([v.literal('largest'), code()]),
      members: MemberSubset,
      provided: Selection,
      exit: Exit,
    }),
  }),
  assumptions: v.optional(v.strictObject(assumptionEntries), {}),
  /**
   * Municipality profiles that replace the embedded ones (imported data): travel with the scenario in
   * links, files and saved scenarios.
   */
  profiles: v.optional(v.pipe(v.array(MunicipalitySchema), v.maxLength(400))),
  /** Capabilities that replace the catalogue's ones with the same id (imported or edited costs). */
  capabilities: v.optional(v.pipe(v.array(CapabilitySchema), v.maxLength(300))),
  /** The capability map: each member's own assessment of its capabilities today (optional, partial). */
  capabilityMap: v.optional(CapabilityMapSchema),
  /** Rank (Spearman) correlations between uncertain inputs, imposed with a Gaussian copula. */
  correlations: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.strictObject({
            a: v.picklist(ASSUMPTION_IDS),
            b: v.picklist(ASSUMPTION_IDS),
            rho: v.pipe(finite(), v.minValue(-1), v.maxValue(1)),
            source: v.optional(v.pipe(v.string(), v.maxLength(600))),
          }),
          v.check((c) => c.a !== c.b, 'needs two different inputs'),
        ),
      ),
      v.maxLength(100),
    ),
  ),
});

export type Scenario = v.InferOutput<typeof ScenarioSchema>;

export const MunicipalitiesSchema = v.pipe(v.array(MunicipalitySchema), v.minLength(1), v.maxLength(400));
export const CapabilitiesSchema = v.pipe(v.array(CapabilitySchema), v.minLength(1), v.maxLength(300));

/** One problem found in an input: where (dot path, e.g. `paths.asymmetrisk.host`) and what. */
export interface Issue {
  path: string;
  message: string;
}

/** The outcome of parsing outside input: a value, or every problem found. Never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

function toIssues(issues: readonly v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '(root)',
    message: issue.message,
  }));
}

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Result<T> {
  const result = v.safeParse(schema, input);
  return result.success ? { ok: true, value: result.output } : { ok: false, issues: toIssues(result.issues) };
}

/** Validate a scenario's shape (not yet against the data: see `prepareModel`). */
export const parseScenario = (input: unknown): Result<Scenario> => parseWith(ScenarioSchema, input);
/** Validate a list of municipality profiles. */
export const parseMunicipalities = (input: unknown): Result<Municipality[]> => parseWith(MunicipalitiesSchema, input);
/** Validate a capability catalogue. */
export const parseCapabilities = (input: unknown): Result<Capability[]> => parseWith(CapabilitiesSchema, input);
