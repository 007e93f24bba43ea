import { ASSUMPTIONS, type Assumption, type AssumptionId } from './assumptions.js';
import { quantileFunction, statedRange } from './distributions/index.js';
import { type PreparedModel, prepareModel } from './model.js';
import { PATH_IDS, type PathId, type Scenario } from './schema.js';
import { Simulator } from './simulate.js';
import { drain } from './steps.js';
import { Accumulator } from './summarize.js';

/** The net cost against status quo (NPV, SEK) of each path with one input at its low and high end. */
export interface Swing {
  input: AssumptionId;
  lowValue: number;
  highValue: number;
  npv: Partial<Record<PathId, { low: number; base: number; high: number }>>;
}

const fixed = (value: number): Assumption => ({ dist: 'fixed', value, source: 'antagande: svingberäkning' });

/**
 * One-at-a-time swings: every input at its median, then one input at a time at its low and its high end,
 * each evaluated with a single deterministic run. Shows how far each input alone moves the result,
 * which rank correlations cannot. Cost: 1 + 2·|inputs| runs.
 */
export function oneAtATime(model: PreparedModel, inputs: AssumptionId[]): Swing[] {
  return drain(swingSteps(model, inputs));
}

/** oneAtATime as steps (steps.ts): one after each of its runs. */
export function* swingSteps(model: PreparedModel, inputs: AssumptionId[]): Generator<undefined, Swing[]> {
  const medians = Object.fromEntries(
    ASSUMPTIONS.map((def) => [def.id, fixed(quantileFunction(model.assumptions[def.id])(0.5))]),
  ) as Record<AssumptionId, Assumption>;
  const npvOf = (assumptions: Record<AssumptionId, Assumption>) => {
    const scenario: Scenario = { ...model.scenario, runs: 1, assumptions, correlations: [] };
    const prepared = prepareModel(scenario, model.members, model.capabilities);
    if (!prepared.ok) throw new Error(prepared.issues[0].message);
    const acc = new Accumulator(prepared.value, 1);
    acc.add(new Simulator(prepared.value).simulateChunk(0, 1));
    const results = acc.summarize();
    return Object.fromEntries(
      PATH_IDS.filter((p) => p !== 'status-quo' && model.enabled[PATH_IDS.indexOf(p)]).map((p) => [
        p,
        results.paths[p].npvVsStatusQuo.mean,
      ]),
    );
  };
  const base = npvOf(medians);
  yield;
  const swings: Swing[] = [];
  for (const input of inputs) {
    const [lowValue, highValue] = statedRange(model.assumptions[input]);
    const low = npvOf({ ...medians, [input]: fixed(lowValue) });
    yield;
    const high = npvOf({ ...medians, [input]: fixed(highValue) });
    yield;
    const npv: Swing['npv'] = {};
    for (const p of Object.keys(base) as PathId[]) npv[p] = { low: low[p], base: base[p], high: high[p] };
    swings.push({ input, lowValue, highValue, npv });
  }
  return swings;
}
