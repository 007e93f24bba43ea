/**
 * The scenario simulations the figures quote: a scenario file run as `npm run simulate` runs it (keeping
 * every run for the decision analysis), one run with every input at its central value, and the table of
 * the paths' results with its caption.
 */
import {
  type Accumulator,
  type Assumption,
  type AssumptionId,
  centralValue,
  loadModel,
  PATH_IDS,
  type PathId,
  type PreparedModel,
  type Results,
  type Scenario,
  simulateAll,
} from '../../engine/index.js';
import { collectInThisThread } from '../run-threads.js';
import { fte, msek, num, percent, signedMsek, table } from './format.js';
import { readJson } from './repo.js';

/** Runs of the scenario simulations quoted in the document. */
export const DOC_RUNS = 2000;

/** A scenario run for the figures: its model, its results, and every run kept for the decision analysis. */
export interface Run {
  model: PreparedModel;
  results: Results;
  /** Every run, for the decision analysis. */
  accumulator: Accumulator;
}

/** The bundled data: every municipality and the capability catalogue. */
const data = () => ({
  municipalities: readJson('public/data/municipalities.json'),
  capabilities: readJson('public/data/capabilities.json'),
});

/**
 * A scenario file run as `npm run simulate -- FILE --runs N` does, in this thread (optionally with overrides):
 * a scenario with `stopWhenStable` stops at its first stable answer, so `runs` is then the most.
 */
export function runScenario(file: string, runs = DOC_RUNS, assumptions?: Scenario['assumptions']): Run {
  const scenario = readJson(file) as Record<string, unknown>;
  scenario.runs = runs;
  if (assumptions) scenario.assumptions = { ...(scenario.assumptions as object), ...assumptions };
  const { municipalities, capabilities } = data();
  const model = loadModel(scenario, municipalities, capabilities);
  if (!model.ok) throw new Error(`${file}: ${JSON.stringify(model.issues)}`);
  // as the CLI runs it: a preset stops at its first stable answer, with `runs` as the most
  const accumulator = collectInThisThread(model.value, runs);
  return { model: model.value, results: accumulator.summarize(), accumulator };
}

/** One run of a model's scenario with every uncertain input at its central value (as in _Calibration_). */
export function centralRun(model: PreparedModel): Results {
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

export function pathLabel(model: PreparedModel, id: PathId): string {
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

export function caption({ model, results }: Run): string {
  const years = results.years;
  const last = years[years.length - 1];
  const runs =
    model.scenario.stopWhenStable && results.stability?.stable
      ? `${num(results.runsDone)} runs (a stable answer, §15)`
      : `${num(results.runsDone)} runs`;
  return `${runs}, seed ${results.scenario.seed}, ${years[0]}–${last}, MSEK in ${years[0]} prices; a negative NPV means cheaper than status quo.`;
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

export function pathTable({ model, results }: Run): string {
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

export const reproduce = (file: string) => `Reproduce: \`npm run simulate -- ${file} --runs ${DOC_RUNS}\``;

/** The headline block: a scenario's paths, with how to reproduce them. */
export function headlineBlock(file: string, run: Run): string {
  return [caption(run), '', pathTable(run), '', reproduce(file)].join('\n');
}
