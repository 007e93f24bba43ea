/**
 * What each worker of the pool does, as factories of plain objects: a simulation worker simulates ranges
 * of runs, the aggregator collects them and summarises, the analysis worker searches thresholds. A Web
 * Worker exposes one (workers/*.worker.ts), the in-process endpoint calls a fresh one. Each object holds
 * one worker's state; the engine does the work. No threads or messages here.
 */

import { CoalitionGame, type GameData, type GroupForm, type GroupOutcome } from '../coalition/game.js';
import type { GroupDetails } from '../coalition/sharing.js';
import type { Capability, Municipality, Scenario } from '../engine/index.js';
import {
  Accumulator,
  type AssumptionId,
  type ChunkResult,
  type DecisionAnalysis,
  decisionSteps,
  drainPaced,
  loadModel,
  type PathId,
  type PreparedModel,
  type Results,
  Simulator,
  type Swing,
  swingSteps,
  type ThresholdAnalysis,
  thresholdSearch,
} from '../engine/index.js';
import { nextTask } from './next-task.js';

/** Load a model from raw inputs, or throw its issues as one message. */
function load(scenario: unknown, data: [unknown, unknown] | undefined): PreparedModel {
  if (!data) throw new Error('data not set');
  const model = loadModel(scenario, ...data);
  if (!model.ok) throw new Error(model.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return model.value;
}

/** A simulation worker: loads a run's scenario, then simulates the ranges of runs it is given. */
export function createSimulationApi() {
  let data: [unknown, unknown] | undefined;
  let simulator: Simulator | undefined;
  /** The run the loaded model belongs to: requests for any other run are refused (they are stale). */
  let loadedRun = -1;
  return {
    setData(municipalities: unknown, capabilities: unknown): void {
      data = [municipalities, capabilities];
    },
    load(scenario: unknown, run: number): void {
      simulator = new Simulator(load(scenario, data));
      loadedRun = run;
    },
    run(runStart: number, runCount: number, run: number): ChunkResult | null {
      if (run !== loadedRun) return null;
      if (!simulator) throw new Error('no scenario loaded');
      return simulator.simulateChunk(runStart, runCount);
    },
  };
}

/** The aggregator: collects a run's chunks in an Accumulator and summarises, off the main thread. */
export function createAggregateApi() {
  let data: [unknown, unknown] | undefined;
  let accumulator: Accumulator | undefined;
  let prepared: PreparedModel | undefined;
  /**
   * Runs the current run has room for. Its accumulator is made at the first chunk, so that allocating it
   * (≈ 60 MB at 10 000 runs) does not compete for a core with the first worker's first picture.
   */
  let room = 0;
  /** The run's accumulator, made when first needed. */
  function collected(): Accumulator {
    if (!prepared) throw new Error('not started');
    accumulator ??= new Accumulator(prepared, room);
    return accumulator;
  }
  /** The run being collected: chunks and requests of any other run are stale and ignored. */
  let currentRun = -1;
  /** Whether the run stops at its first stable answer (the scenario's `stopWhenStable`). */
  let stopWhenStable = false;
  return {
    setData(municipalities: unknown, capabilities: unknown): void {
      data = [municipalities, capabilities];
    },
    start(scenario: unknown, runs: number, run: number): void {
      const model = load(scenario, data);
      accumulator = undefined;
      room = runs;
      prepared = model;
      currentRun = run;
      stopWhenStable = model.scenario.stopWhenStable === true;
    },
    /**
     * Continue the current collection under a new run token with room for `runs` runs in all ("run more":
     * it runs them all, whatever the stability).
     */
    extend(runs: number, previousRun: number, run: number): boolean {
      if (!prepared || previousRun !== currentRun) return false;
      collected().grow(runs);
      currentRun = run;
      stopWhenStable = false;
      return true;
    },
    /** Collect a chunk. `stop`: the runs from 0 are a stable answer and the run stops there. */
    add(chunk: ChunkResult, run: number): { runsDone: number; stop: boolean } {
      if (run !== currentRun) return { runsDone: -1, stop: false };
      const into = collected();
      into.add(chunk);
      return { runsDone: into.runsDone, stop: stopWhenStable && into.stableAt() !== null };
    },
    /**
     * The complete result of the run: the first `stableAt` runs when it stopped at a stable answer (the
     * runs simulated beyond are dropped, so it equals a run of that many), with where the answer became
     * stable.
     */
    finish(run: number): Results | null {
      if (run !== currentRun) return null;
      const into = collected();
      const stableAt = into.stableAt();
      // also when no run beyond it arrived: the result is then a run of stableAt, not of the room it had
      if (stopWhenStable && stableAt !== null && into.runs > stableAt) into.truncate(stableAt);
      return into.summarize();
    },
    runTable(run: number): { columns: string[]; rows: number[][] } | null {
      if (!prepared || run !== currentRun) return null;
      return collected().runTable();
    },
    /** In steps: a newer run's messages are taken in between, and the swings give up (null). */
    async swings(inputs: AssumptionId[], run: number): Promise<Swing[] | null> {
      if (!prepared || run !== currentRun) return null;
      return drainPaced(swingSteps(prepared, inputs), nextTask, () => run === currentRun);
    },
    /** Cost against capacity, acceptability and value of information from the collected runs (in steps). */
    async decision(lambda: number, run: number): Promise<DecisionAnalysis | null> {
      if (!prepared || run !== currentRun || !accumulator || accumulator.runsDone === 0) return null;
      return drainPaced(decisionSteps(accumulator, lambda), nextTask, () => run === currentRun);
    },
    /** A picture of one chunk alone (a run's first runs, before any block is in): not collected. */
    glance(chunk: ChunkResult, run: number): Results | null {
      if (!prepared || run !== currentRun) return null;
      const alone = new Accumulator(prepared, chunk.runStart + chunk.runCount);
      alone.add(chunk);
      return alone.summarize();
    },
    summarize(run: number): Results | null {
      if (run !== currentRun) return null;
      return collected().summarize();
    },
  };
}

/** The threshold search (src/engine/thresholds.ts) in a worker of its own. */
export function createAnalysisApi() {
  let data: [unknown, unknown] | undefined;
  return {
    setData(municipalities: unknown, capabilities: unknown): void {
      data = [municipalities, capabilities];
    },
    /** The search in steps (steps.ts): a newer run stops this worker, which must not be inside one long task. */
    async thresholds(
      scenario: unknown,
      inputs: Partial<Record<PathId, AssumptionId[]>>,
      runs: number,
      progress?: (done: number, total: number) => void,
    ): Promise<ThresholdAnalysis | null> {
      return drainPaced(
        thresholdSearch(load(scenario, data), inputs, runs),
        nextTask,
        () => true,
        (step) => {
          if (step) void progress?.(step.done, step.total);
        },
      );
    },
  };
}

/**
 * A coalition worker (src/coalition/): simulates groups of one scenario's members for the coalition finder
 * and the cost-sharing keys. The search itself runs in the caller's thread (it is bookkeeping); only the
 * simulations are sent here, so that several workers share them.
 */
export function createCoalitionApi() {
  let data: GameData | undefined;
  let game: CoalitionGame | undefined;
  return {
    setData(municipalities: unknown, capabilities: unknown): void {
      data = { municipalities: municipalities as Municipality[], capabilities: capabilities as Capability[] };
    },
    /** Start a game for a scenario (the cache of the previous one is dropped). Throws on an invalid scenario. */
    setScenario(scenario: Scenario, forms: GroupForm[]): void {
      if (!data) throw new Error('data not set');
      load(scenario, [data.municipalities, data.capabilities]);
      game = new CoalitionGame(scenario, data, forms);
    },
    evaluate(groups: number[][], runs: number, from = 0): GroupOutcome[] {
      if (!game) throw new Error('scenario not set');
      const g = game;
      return groups.map((members) => g.evaluate(members, runs, from));
    },
    details(group: number[], form: GroupForm, runs: number): GroupDetails {
      if (!game) throw new Error('scenario not set');
      return game.details(group, form, runs);
    },
  };
}

export type SimulationApi = ReturnType<typeof createSimulationApi>;
export type CoalitionApi = ReturnType<typeof createCoalitionApi>;
export type AggregateApi = ReturnType<typeof createAggregateApi>;
export type AnalysisApi = ReturnType<typeof createAnalysisApi>;
