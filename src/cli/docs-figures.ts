/**
 * Figures quoted in docs/model.md, generated from the code so that they cannot drift.
 * Run: npm run docs:figures [-- --check]
 *
 * Each figure is a named markdown block that sits in docs/model.md between the lines
 * `<!-- figures:NAME -->` and `<!-- /figures:NAME -->`; everything between them is replaced wholesale.
 * Without options the blocks are rewritten in place. With `--check` nothing is written, and the command
 * exits 1 listing every block whose content differs (and every marker pair that is missing or repeated).
 * The simulations run in this thread through the engine's `simulateAll`, which gives the same results as
 * `npm run simulate` for the same scenario, runs and seed (results do not depend on the split into chunks).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Accumulator,
  ASSUMPTIONS,
  type Assumption,
  type AssumptionId,
  analyseDecision,
  BLOCK_RUNS,
  CAPABILITY_GROUPS,
  type Capability,
  CHEAPER_TOLERANCE,
  centralValue,
  decisiveInputs,
  FORM_OVERHEAD,
  findThresholds,
  HOST_ADMINISTRATION,
  loadModel,
  PATH_IDS,
  type PathId,
  type PreparedModel,
  RECRUITMENT_HALF_SIZE,
  type Results,
  type Scenario,
  Simulator,
  simulateAll,
  splitRuns,
  twoWayThresholdAt,
} from '../engine/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The document the blocks live in. */
export const DOC_PATH = resolve(root, 'docs/model.md');

/** Runs of the scenario simulations quoted in the document. */
export const DOC_RUNS = 2000;

/** The blocks, in the order they appear in the document. */
export const BLOCK_NAMES = [
  'catalogue-counts',
  'assumptions',
  'fixed-constants',
  'fyrbodal-headline',
  'fyrbodal-earlier-defaults',
  'sml-it',
  'fyrbodal-decision',
] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

// ---------------------------------------------------------------------------------------------------
// Number formatting: plain figures, thousands grouped with a space, a real minus sign.

const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = Object.fromEntries([...'-0123456789'].map((c, k) => [c, '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'[k]]));

/** Group the integer part of a formatted number in threes with spaces (from 1 000 up). */
function group(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** A number with `decimals` decimals (or its shortest form), never "−0". */
export function num(x: number, decimals?: number): string {
  let text = decimals === undefined ? String(Math.abs(x)) : Math.abs(x).toFixed(decimals);
  if (text.includes('e')) {
    // 1e-9 → 10⁻⁹, 2.5e-7 → 2.5 × 10⁻⁷
    const [mantissa, exponent] = text.split('e');
    const power = `10${[...String(Number(exponent))].map((d) => SUPERSCRIPT[d]).join('')}`;
    return `${x < 0 ? MINUS : ''}${mantissa === '1' ? '' : `${mantissa} × `}${power}`;
  }
  text = group(text);
  return x < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/** With a sign: +4, −18, 0. */
const signed = (x: number, decimals = 0) => {
  const text = num(x, decimals);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
};
const msek = (sek: number) => num(sek / 1e6, 0);
const signedMsek = (sek: number, decimals = 0) => signed(sek / 1e6, decimals);
const percent = (share: number) => `${Math.round(share * 100)} %`;
const fte = (x: number) => num(x, 1);

// ---------------------------------------------------------------------------------------------------
// Markdown tables, padded the way Biome formats them (so that `biome format` leaves a block unchanged).

const width = (s: string) => [...s].length;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, k) => Math.max(3, ...cells.map((row) => width(row[k]))));
  const line = (row: string[]) => `| ${row.map((c, k) => c + ' '.repeat(widths[k] - width(c))).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

const code = (s: string) => `\`${s}\``;

// ---------------------------------------------------------------------------------------------------
// Static blocks: assumptions, constants, catalogue.

/** Bounds larger than this (in absolute value) are printed as ∞. */
const INFINITE = 1e9;

function bound(x: number): string {
  if (x >= INFINITE) return '∞';
  if (x <= -INFINITE) return `${MINUS}∞`;
  return num(x);
}

export function distribution(a: Assumption): string {
  switch (a.dist) {
    case 'fixed':
      return `fixed ${num(a.value)}`;
    case 'uniform':
      return `uniform ${num(a.low)} / ${num(a.high)}`;
    case 'triangular':
      return `triangular ${num(a.low)} / ${num(a.mode)} / ${num(a.high)}`;
    case 'pert':
      return `PERT ${num(a.low)} / ${num(a.mode)} / ${num(a.high)}`;
    case 'normal':
      return `normal mean ${num(a.mean)}, sd ${num(a.sd)}`;
    case 'lognormal':
      return `lognormal median ${num(a.median)}, σ ${num(a.sigma)}`;
  }
}

function assumptionsBlock(): string {
  return table(
    ['#', 'id', 'etikett (sv)', 'unit', 'distribution', 'bounds', 'source'],
    ASSUMPTIONS.map((a, k) => [
      String(k + 1),
      code(a.id),
      a.label.sv,
      a.unit.en,
      distribution(a.default),
      `${bound(a.bounds.min)} – ${bound(a.bounds.max)}`,
      a.default.source,
    ]),
  );
}

/** The engine file that exports a constant, found by reading the source, so the table cannot go stale. */
function whereDefined(name: string): string {
  const dir = resolve(root, 'src/engine');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const found = files.filter((f) =>
    new RegExp(`^export const ${name}\\b`, 'm').test(readFileSync(resolve(dir, f), 'utf8')),
  );
  if (found.length !== 1) throw new Error(`cannot tell which file in src/engine exports ${name}`);
  return code(found[0]);
}

function fixedConstantsBlock(): string {
  const rows: string[][] = [];
  for (const [form, value] of Object.entries(FORM_OVERHEAD)) {
    rows.push([
      code(`FORM_OVERHEAD.${form}`),
      num(value),
      `base governance overhead of ${form}, share of the pooled cost (× \`governanceOverhead\`)`,
      whereDefined('FORM_OVERHEAD'),
    ]);
  }
  rows.push(
    [
      code('HOST_ADMINISTRATION'),
      num(HOST_ADMINISTRATION),
      "a host's administration, share of the cost of what it provides (× `governanceOverhead`)",
      whereDefined('HOST_ADMINISTRATION'),
    ],
    [
      code('RECRUITMENT_HALF_SIZE'),
      `${num(RECRUITMENT_HALF_SIZE)} FTE`,
      "unit size that overcomes half of a small unit's recruitment handicap",
      whereDefined('RECRUITMENT_HALF_SIZE'),
    ],
    [
      code('BLOCK_RUNS'),
      `${num(BLOCK_RUNS)} runs`,
      'runs per block: the unit of work and of per-municipality sums',
      whereDefined('BLOCK_RUNS'),
    ],
    [
      code('CHEAPER_TOLERANCE'),
      num(CHEAPER_TOLERANCE),
      "“cheaper” means below −tolerance × status quo's cost over the same span",
      whereDefined('CHEAPER_TOLERANCE'),
    ],
  );
  return table(['constant', 'value', 'meaning', 'where'], rows);
}

function catalogueBlock(): string {
  const catalogue = readJson('public/data/capabilities.json') as Capability[];
  const count = <K extends string>(keys: readonly K[], of: (c: Capability) => string) =>
    keys.map((k) => [k, catalogue.filter((c) => of(c) === k).length] as const);
  const ids = (list: Capability[]) => list.map((c) => code(c.id)).join(', ');
  const notPoolable = catalogue.filter((c) => !c.poolable);
  const transferable = catalogue.filter((c) => c.transferable);
  const minFte = catalogue.reduce((sum, c) => sum + c.minFte, 0);
  return [
    `- **Capabilities**: ${catalogue.length}, in ${CAPABILITY_GROUPS.length} groups:`,
    ...count(CAPABILITY_GROUPS, (c) => c.group).map(([g, n]) => `  - ${code(g)} ${n}`),
    `- **Kinds**: ${count(['drift', 'styrning', 'utveckling'], (c) => c.kind)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    `- **Drivers**: ${count(['users', 'systems', 'inhabitants', 'fixed'], (c) => c.driver)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    `- **Poolable**: ${catalogue.length - notPoolable.length}. Not poolable (${notPoolable.length}): ${ids(notPoolable)}.`,
    `- **Transferable** (${transferable.length}): ${ids(transferable)}.`,
    `- **Minimum staffing**: the \`minFte\` values sum to ${num(minFte, 2)} FTE.`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Scenario blocks.

interface Run {
  model: PreparedModel;
  results: Results;
  /** Every run, for the decision analysis. */
  accumulator: Accumulator;
}

const data = () => ({
  municipalities: readJson('public/data/municipalities.json'),
  capabilities: readJson('public/data/capabilities.json'),
});

/** A scenario file run as `npm run simulate -- FILE --runs N` does, in this thread (optionally with overrides). */
export function runScenario(file: string, runs = DOC_RUNS, assumptions?: Scenario['assumptions']): Run {
  const scenario = readJson(file) as Record<string, unknown>;
  scenario.runs = runs;
  if (assumptions) scenario.assumptions = { ...(scenario.assumptions as object), ...assumptions };
  const { municipalities, capabilities } = data();
  const model = loadModel(scenario, municipalities, capabilities);
  if (!model.ok) throw new Error(`${file}: ${JSON.stringify(model.issues)}`);
  // as simulateAll, keeping the accumulator (results do not depend on the split into chunks)
  const simulator = new Simulator(model.value);
  const accumulator = new Accumulator(model.value, runs);
  for (const r of splitRuns(runs, 1000)) accumulator.add(simulator.simulateChunk(r.runStart, r.runCount));
  return { model: model.value, results: accumulator.summarize(), accumulator };
}

/** Re-runs per point of the threshold search quoted in the document (as the CLI's default). */
const DOC_THRESHOLD_RUNS = 200;

/** The decision analysis of a run (docs/model.md §13), as `npm run simulate` prints it. */
function decisionBlock(file: string, run: Run): string {
  const { model, results, accumulator } = run;
  const decision = analyseDecision(accumulator);
  const thresholds = findThresholds(model, decisiveInputs(results), DOC_THRESHOLD_RUNS);
  const pct = (x: number) => `${num(x * 100, 0)} %`;
  const value = (id: AssumptionId, x: number) => {
    const unit = ASSUMPTIONS.find((a) => a.id === id)?.unit.en ?? '';
    return unit.startsWith('share') ? `${num(x * 100, 1)} %` : num(x, 2);
  };
  const thresholdRows = thresholds.thresholds.map((t) => [
    pathLabel(model, t.path),
    `\`${t.input}\``,
    t.value === null
      ? `${t.cheaperWhen} in ${value(t.input, t.range[0])} – ${value(t.input, t.range[1])}`
      : `${t.cheaperWhen === 'above' ? '≥' : '≤'} ${value(t.input, t.value)}${
          t.se === null
            ? ''
            : ` ± ${ASSUMPTIONS.find((a) => a.id === t.input)?.unit.en.startsWith('share') ? `${num(t.se * 100, 1)} pp` : num(t.se, 2)}`
        }`,
    `${value(t.input, t.priorRange[0])} – ${value(t.input, t.priorRange[1])}`,
    pct(t.priorShareCheaper),
    pct(results.paths[t.path].probCheaper ?? 0),
    t.check === null
      ? '–'
      : `${num(t.check / 1e6, 1)} MSEK (${num((100 * Math.abs(t.check)) / thresholds.statusQuoNpv, 2)} %)`,
  ]);
  const planeRows = PATH_IDS.flatMap((id) => {
    const p = decision.plane[id];
    if (!p) return [];
    const q = p.quadrants;
    return [
      [
        pathLabel(model, id),
        `${pct(q.cheaperMore)} / ${pct(q.cheaperSame)} / ${pct(q.cheaperLess)} / ${pct(q.dearerMore)} / ${pct(q.dearerSame)} / ${pct(q.dearerLess)}`,
        p.correlation === null ? '–' : num(p.correlation, 2),
        num(p.capacityPerYear, 1),
        `${num(p.requiredYearlySaving / 1e6, 1)} (${num(p.requiredSavingShare * 100, 1)} %)`,
      ],
    ];
  });
  const { lambdas, best } = decision.acceptability;
  const atWage = lambdas.findIndex((l) => l >= decision.wageCost - 1e-6);
  const bestAt = (i: number) =>
    PATH_IDS.filter((p) => best[p])
      .map((p) => `${pathLabel(model, p)} ${pct(best[p]?.[i] ?? 0)}`)
      .join(', ');
  const evppi = decision.evppi
    .slice(0, 3)
    .map((e) => `\`${e.input}\` ${num(e.value / 1e6, 1)}${e.se === null ? '' : ` ± ${num(e.se / 1e6, 1)}`} MSEK`)
    .join('; ');
  return [
    `${caption(run)} Thresholds: ${thresholds.runs} re-runs per point (runs 0 … ${thresholds.runs - 1}, one input pinned).`,
    '',
    table(
      [
        'path',
        'input',
        'cheaper in the median when',
        'assumed range',
        'share of the assumption on that side',
        'P(cheaper)',
        'check at the threshold',
      ],
      thresholdRows,
    ),
    '',
    table(
      [
        'path',
        'cheaper & more / same / less capacity; dearer & more / same / less',
        'correlation ΔC, ΔE',
        'dev. capacity vs SQ (FTE per year)',
        'yearly saving needed, MSEK (% of SQ)',
      ],
      planeRows,
    ),
    '',
    `Best option at λ = 0 (cost alone): ${bestAt(0)}. At λ = ${num(lambdas[atWage] / 1000, 0)} kSEK per FTE-year beyond the wage (a development year worth twice its wage cost): ${bestAt(atWage)}.`,
    '',
    `EVPPI (λ = 0): ${evppi}; EVPI ${num(decision.evpi / 1e6, 1)} MSEK.`,
    ...thresholds.twoWay.flatMap((tw) => {
      const [a, b] = tw.inputs;
      const at = (y: number) => {
        const x = twoWayThresholdAt(tw, y);
        return `\`${b}\` = ${value(b, y)}: ${x === null ? 'no threshold' : `\`${a}\` ≥ ${value(a, x)}`}`;
      };
      return [
        '',
        `Two-way, ${pathLabel(model, tw.path)} (${tw.runs} runs per point, both pinned): ${at(tw.priorRanges[1][0])}; ${at(tw.priorRanges[1][1])}.`,
      ];
    }),
    '',
    `Reproduce: \`npm run simulate -- ${file} --runs ${results.runsDone}\``,
  ].join('\n');
}

/** One run of a model's scenario with every uncertain input at its central value (as in _Calibration_). */
function centralRun(model: PreparedModel): Results {
  const scenario: Scenario = structuredClone(model.scenario);
  scenario.runs = 1;
  scenario.correlations = [];
  scenario.assumptions = Object.fromEntries(
    (Object.entries(model.assumptions) as [AssumptionId, Assumption][]).map(([id, a]) => [
      id,
      { dist: 'fixed', value: centralValue(a), source: 'antagande: centralvärde' },
    ]),
  ) as Scenario['assumptions'];
  const { municipalities, capabilities } = data();
  const central = loadModel(scenario, municipalities, capabilities);
  if (!central.ok) throw new Error(JSON.stringify(central.issues));
  return simulateAll(central.value, 1);
}

function pathLabel(model: PreparedModel, id: PathId): string {
  const paths = model.scenario.paths;
  switch (id) {
    case 'status-quo':
      return 'Status quo';
    case 'samverkan':
      return `Samverkan (${paths.samverkan.form})`;
    case 'omfordelning':
      return 'Omfördelning';
    case 'sammanlaggning':
      return 'Sammanläggning';
    case 'asymmetrisk':
      return `Asymmetrisk, ${model.members[model.host]?.name ?? '?'} host`;
  }
}

function caption({ results }: Run): string {
  const years = results.years;
  const last = years[years.length - 1];
  return `${num(results.runsDone)} runs, seed ${results.scenario.seed}, ${years[0]}–${last}, MSEK in ${years[0]} prices; a negative NPV means cheaper than status quo.`;
}

/**
 * Coverage in year index t, the members' mean coverage weighted by their inhabitants in the start year.
 * The scenario's coverage is an unweighted mean over kommuner, so a merger (which gives every member the
 * merged municipality's coverage) lifts the small kommuner's share of it; weighted by inhabitants the
 * comparison is between the same people.
 */
function weightedCoverage(
  model: PreparedModel,
  members: Results['paths'][PathId]['municipalities'],
  t: number,
): number {
  let weighted = 0;
  let people = 0;
  members.forEach((member, i) => {
    weighted += member.years[t].coverage * model.members[i].population;
    people += model.members[i].population;
  });
  return weighted / people;
}

function pathTable({ model, results }: Run): string {
  const last = results.years.length - 1;
  const lastYear = results.years[last];
  const rows = PATH_IDS.filter((id) => results.paths[id].enabled).map((id) => {
    const p = results.paths[id];
    const h = p.horizonCost;
    const n = p.npvVsStatusQuo;
    const y = p.years[last];
    const sq = id === 'status-quo';
    return [
      pathLabel(model, id),
      `${msek(h.p10)} / ${msek(h.p50)} / ${msek(h.p90)}`,
      sq ? '–' : `${signedMsek(n.p10)} / ${signedMsek(n.p50)} / ${signedMsek(n.p90)}`,
      p.probCheaper === null ? '–' : percent(p.probCheaper),
      p.breakEven === null ? '–' : (p.breakEven.median?.toString() ?? `after ${lastYear}`),
      fte(y.developmentCapacity.p50),
      percent(y.coverage.mean),
      percent(weightedCoverage(model, p.municipalities, last)),
      percent(y.robustCoverage.mean),
    ];
  });
  return table(
    [
      'path',
      `${results.years.length}-year cost P10 / P50 / P90 (MSEK)`,
      'NPV vs status quo P10 / P50 / P90 (MSEK)',
      'P(cheaper)',
      'median break-even',
      `dev. capacity ${lastYear} P50 (FTE)`,
      `coverage ${lastYear}`,
      `coverage ${lastYear}, by inhabitants`,
      `robust coverage ${lastYear}`,
    ],
    rows,
  );
}

const reproduce = (file: string) => `Reproduce: \`npm run simulate -- ${file} --runs ${DOC_RUNS}\``;

function headlineBlock(file: string, run: Run): string {
  return [caption(run), '', pathTable(run), '', reproduce(file)].join('\n');
}

function memberTable(run: Run): string {
  const { model, results } = run;
  const central = centralRun(model).paths['status-quo'];
  const startYear = results.years[0];
  const order = model.members.map((m, i) => ({ m, i })).sort((a, b) => a.m.name.localeCompare(b.m.name, 'sv'));
  const perInhabitant = (sek: number, population: number) => num(sek / population, 0);
  const rows = order.map(({ m, i }) => {
    const need = central.municipalities[i].years[0].totalCost;
    const budget = central.municipalities[i].years[0].budget;
    return [
      m.name,
      num(m.population),
      signedMsek(results.paths.asymmetrisk.municipalities[i].npvVsStatusQuo.p50, 1),
      signedMsek(results.paths.samverkan.municipalities[i].npvVsStatusQuo.p50, 1),
      num(need / 1e6, 1),
      perInhabitant(need, m.population),
      num(budget / 1e6, 1),
      perInhabitant(budget, m.population),
    ];
  });
  const population = model.members.reduce((sum, m) => sum + m.population, 0);
  const need = central.years[0].totalCost.mean;
  const budget = central.years[0].budget.mean;
  rows.push([
    'all three',
    num(population),
    signedMsek(results.paths.asymmetrisk.npvVsStatusQuo.p50, 1),
    signedMsek(results.paths.samverkan.npvVsStatusQuo.p50, 1),
    num(need / 1e6, 1),
    perInhabitant(need, population),
    num(budget / 1e6, 1),
    perInhabitant(budget, population),
  ]);
  return table(
    [
      'member',
      'inhabitants',
      'asymmetrisk NPV P50 (MSEK)',
      'samverkan NPV P50 (MSEK)',
      `status-quo need ${startYear} (MSEK)`,
      'need (kr/inh)',
      `budget ${startYear} (MSEK)`,
      'budget (kr/inh)',
    ],
    rows,
  );
}

function smlItBlock(file: string, run: Run): string {
  return [
    caption(run),
    '',
    pathTable(run),
    '',
    `Per member: median NPV against the member's own status quo over the same runs (the median of the total is not the sum of the members' medians), and status quo's need and budget in ${run.results.years[0]} in one run with every input at its central value.`,
    '',
    memberTable(run),
    '',
    reproduce(file),
  ].join('\n');
}

const earlier = 'antagande: förvalet före modellrättelsen (commit 0821931), bara för jämförelse';
const pert = (low: number, mode: number, high: number): Assumption => ({
  dist: 'pert',
  low,
  mode,
  high,
  source: earlier,
});
const none: Assumption = { dist: 'fixed', value: 0, source: earlier };

/**
 * The defaults that changed with the model-integrity revision, as they were before it (commit 0821931),
 * with the new inputs switched off. Run with today's rules, they separate what the rules changed from
 * what the defaults changed.
 */
export const EARLIER_DEFAULTS: Scenario['assumptions'] = {
  realisationShared: pert(0.1, 0.5, 0.9),
  realisationMerger: pert(0, 0.15, 0.7),
  transitionShareShared: pert(0.1, 0.25, 0.5),
  transitionShareMerger: pert(0.05, 0.1, 0.2),
  migrationCostPerSystem: pert(50_000, 150_000, 400_000),
  hostMarkup: pert(0, 0.04, 0.08),
  scaleShift: { dist: 'triangular', low: -1, mode: 0, high: 1, source: earlier },
  scaleShiftDrift: none,
  scaleShiftGovernance: none,
  scaleShiftDevelopment: none,
  nonStaffScaleShift: none,
};

function earlierDefaultsBlock(file: string): string {
  const run = runScenario(file, DOC_RUNS, EARLIER_DEFAULTS);
  return [
    `${caption(run)} Today's rules with the defaults as they were before this revision (\`EARLIER_DEFAULTS\` in \`src/cli/docs-figures.ts\`).`,
    '',
    pathTable(run),
  ].join('\n');
}

/** Every block's markdown (without markers). Runs the two scenario simulations: a few seconds. */
export function figureBlocks(): Record<BlockName, string> {
  const fyrbodal = 'scenarios/fyrbodal.json';
  const smlIt = 'scenarios/sml-it.json';
  const fyrbodalRun = runScenario(fyrbodal);
  return {
    'catalogue-counts': catalogueBlock(),
    assumptions: assumptionsBlock(),
    'fixed-constants': fixedConstantsBlock(),
    'fyrbodal-headline': headlineBlock(fyrbodal, fyrbodalRun),
    'fyrbodal-earlier-defaults': earlierDefaultsBlock(fyrbodal),
    'sml-it': smlItBlock(smlIt, runScenario(smlIt)),
    'fyrbodal-decision': decisionBlock(fyrbodal, fyrbodalRun),
  };
}

// ---------------------------------------------------------------------------------------------------
// Markers.

const openMarker = (name: string) => `<!-- figures:${name} -->`;
const closeMarker = (name: string) => `<!-- /figures:${name} -->`;

/** What sits between a block's markers: the content with a blank line on each side. */
const framed = (content: string) => `\n${content.trim()}\n`;

interface Located {
  /** Line indices of the opening and closing marker. */
  open: number;
  close: number;
}

/** Problems with a block's markers: each must appear exactly once, on its own line, opening first. */
export function markerProblems(doc: string, names: readonly string[]): string[] {
  const lines = doc.split('\n').map((l) => l.trim());
  const problems: string[] = [];
  for (const name of names) {
    const opens = lines.filter((l) => l === openMarker(name)).length;
    const closes = lines.filter((l) => l === closeMarker(name)).length;
    if (opens !== 1 || closes !== 1) {
      problems.push(
        `${name}: expected one "${openMarker(name)}" and one "${closeMarker(name)}", found ${opens} and ${closes}`,
      );
    } else if (lines.indexOf(closeMarker(name)) < lines.indexOf(openMarker(name))) {
      problems.push(`${name}: the closing marker comes before the opening one`);
    }
  }
  return problems;
}

function locate(lines: string[], name: string): Located {
  const open = lines.findIndex((l) => l.trim() === openMarker(name));
  const close = lines.findIndex((l) => l.trim() === closeMarker(name));
  return { open, close };
}

/** The text currently between a block's markers, or null when the markers are not usable. */
export function blockContent(doc: string, name: string): string | null {
  if (markerProblems(doc, [name]).length > 0) return null;
  const lines = doc.split('\n');
  const { open, close } = locate(lines, name);
  return lines.slice(open + 1, close).join('\n');
}

/** The document with each block's content replaced. Throws when a block's markers are missing or repeated. */
export function applyBlocks(doc: string, blocks: Record<string, string>): string {
  const problems = markerProblems(doc, Object.keys(blocks));
  if (problems.length > 0) throw new Error(`docs markers:\n${problems.join('\n')}`);
  let lines = doc.split('\n');
  for (const [name, content] of Object.entries(blocks)) {
    const { open, close } = locate(lines, name);
    lines = [...lines.slice(0, open + 1), ...framed(content).split('\n'), ...lines.slice(close)];
  }
  return lines.join('\n');
}

/** A short unified-style diff of the first differing stretch of two texts. */
export function briefDiff(current: string, wanted: string, context = 1, max = 6): string[] {
  const a = current.split('\n');
  const b = wanted.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - context);
  const out = [`@@ block line ${start + 1} @@`];
  for (const line of a.slice(from, start)) out.push(`  ${line}`);
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  for (const line of removed.slice(0, max)) out.push(`- ${line}`);
  if (removed.length > max) out.push(`  … ${removed.length - max} more removed`);
  for (const line of added.slice(0, max)) out.push(`+ ${line}`);
  if (added.length > max) out.push(`  … ${added.length - max} more added`);
  return out;
}

export interface StaleBlock {
  name: string;
  /** Why it is stale: a marker problem, or a diff of document (−) against generated (+). */
  detail: string[];
}

/** Blocks whose markers are unusable or whose content differs from what the generator produces. */
export function staleBlocks(doc: string, blocks: Record<string, string>): StaleBlock[] {
  const stale: StaleBlock[] = [];
  for (const [name, content] of Object.entries(blocks)) {
    const problems = markerProblems(doc, [name]);
    if (problems.length > 0) {
      stale.push({ name, detail: problems });
      continue;
    }
    const current = blockContent(doc, name) ?? '';
    const wanted = framed(content);
    if (current !== wanted) stale.push({ name, detail: briefDiff(current, wanted) });
  }
  return stale;
}

// ---------------------------------------------------------------------------------------------------

function main(): void {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown argument ${unknown[0]}\nUsage: npm run docs:figures [-- --check]\n`);
    process.exit(2);
  }
  const check = args.includes('--check');
  const blocks = figureBlocks();
  // read the document only now, after the simulations, so that edits made meanwhile are kept
  const doc = readFileSync(DOC_PATH, 'utf8');
  const stale = staleBlocks(doc, blocks);
  if (check) {
    if (stale.length === 0) {
      process.stdout.write(`docs/model.md: all ${BLOCK_NAMES.length} figure blocks are up to date\n`);
      return;
    }
    for (const s of stale) process.stderr.write(`figures:${s.name} is out of date\n${s.detail.join('\n')}\n\n`);
    process.stderr.write(`${stale.length} block(s) out of date: run npm run docs:figures\n`);
    process.exit(1);
  }
  const problems = markerProblems(doc, BLOCK_NAMES);
  if (problems.length > 0) {
    process.stderr.write(`Cannot update docs/model.md:\n${problems.join('\n')}\n`);
    process.exit(1);
  }
  if (stale.length === 0) {
    process.stdout.write('docs/model.md: figure blocks already up to date\n');
    return;
  }
  writeFileSync(DOC_PATH, applyBlocks(doc, blocks));
  process.stdout.write(`docs/model.md: updated ${stale.map((s) => s.name).join(', ')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
