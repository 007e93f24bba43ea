/**
 * The one way the app runs a scenario: the `Runner` interface (run, continue a run, cancel, and the
 * analyses of the latest run), and its implementation on a pool of workers, chunk by chunk, reached through
 * endpoints (endpoint.ts) — Web Workers in the app, this thread in tests. Not the engine (src/engine) and
 * not the run ids and store updates of the app (src/app/run-controller.ts).
 */
import {
  type AssumptionId,
  type ChunkResult,
  type DecisionAnalysis,
  type PathId,
  type Results,
  type Scenario,
  STABILITY_STEP,
  type Swing,
  splitRuns,
  type ThresholdAnalysis,
} from '../engine/index.js';
import type { AggregateApi, AnalysisApi, SimulationApi } from './apis.js';
import { Alarm, answerOf, type Endpoint, type EndpointFactory } from './endpoint.js';

/** Runs per chunk handed to a worker: small enough to cancel quickly and to show progress often. */
export const CHUNK_RUNS = 200;
/**
 * Runs of a new run's first picture: simulated by the first worker alone (40–65 ms in the app on two
 * cores, beside the page's redraw and the other worker; docs/performance.md) and summarised by the
 * aggregator on their own, shown before a whole block is in. They are simulated again within the first
 * block, which keeps the final result independent of this shortcut; the cost is these runs once per run.
 */
export const FIRST_LOOK_RUNS = 25;
/** Least time between two partial summaries (ms). */
const SUMMARY_INTERVAL_MS = 300;

export interface RunCallbacks {
  progress(done: number, results: Results): void;
  finished(results: Results): void;
  failed(message: string): void;
}

/**
 * Runs scenarios and answers questions about the latest run. Starting a run supersedes the one in flight,
 * whose callbacks never fire again; the analyses answer null when a newer run has started.
 */
export interface Runner {
  /** The municipality profiles and capability catalogue to simulate with. */
  setData(municipalities: unknown, capabilities: unknown): void;
  /** Start a run; any run in flight is superseded. */
  run(scenario: Scenario, callbacks: RunCallbacks): void;
  /**
   * Continue the last finished run up to `scenario.runs` runs (runs n … total − 1 of the same sequence),
   * keeping the runs already done. The result equals a single run of the larger count.
   */
  runMore(scenario: Scenario, doneRuns: number, callbacks: RunCallbacks): void;
  /** One-at-a-time swings of the given inputs for the latest run's scenario, or null when stale. */
  swings(inputs: AssumptionId[]): Promise<Swing[] | null>;
  /**
   * Cost against capacity, acceptability and value of information of the latest run, or null when stale.
   * `lambda`: SEK per development FTE-year.
   */
  decision(lambda?: number): Promise<DecisionAnalysis | null>;
  /**
   * Thresholds of the latest run's scenario, by re-running its first `runs` runs with one input pinned at
   * a time; null when a newer run started meanwhile (which stops the search). `progress` reports
   * evaluations done of planned.
   */
  thresholds(
    scenario: Scenario,
    inputs: Partial<Record<PathId, AssumptionId[]>>,
    runs: number,
    progress?: (done: number, total: number) => void,
  ): Promise<ThresholdAnalysis | null>;
  /** The per-run table of the latest run (for audit exports), or null when there is none. */
  runTable(): Promise<{ columns: string[]; rows: number[][] } | null>;
  /** Stop the run in flight; its late results are dropped. */
  cancel(): void;
  /** Stop every worker. */
  dispose(): void;
}

type Slot = Endpoint<SimulationApi>;

interface Pool {
  slots: Slot[];
  aggregator: Endpoint<AggregateApi>;
}

/** Times a failed or hung chunk is retried on a fresh worker before the run is given up. */
const RETRIES = 2;

/**
 * Runs scenarios on a pool of workers (endpoints), chunk by chunk, with an aggregator worker that summarises
 * so the main thread never does heavy work. Starting a run supersedes the one in flight: its remaining
 * chunks are not dispatched and its late results are dropped. A simulation worker that crashes or hangs
 * is replaced and its chunk run again — the result is the same, since a run depends only on its index;
 * only when that keeps failing does the run end with an error (and the pool is rebuilt next time).
 */
export class PoolRunner implements Runner {
  private pool?: Pool;
  private pending?: Promise<Pool>;
  private token = 0;
  private readonly factory: EndpointFactory;
  private readonly size: number;
  private readonly timeoutMs: number;
  private data: [unknown, unknown] = [[], []];
  /** The threshold search of the latest finished run, in its own worker (stopped when a run starts). */
  private analysis?: { endpoint: Endpoint<AnalysisApi>; stopped: Alarm };

  constructor(factory: EndpointFactory, size = defaultPoolSize(), timeoutMs = 60_000) {
    this.factory = factory;
    this.size = size;
    this.timeoutMs = timeoutMs;
  }

  setData(municipalities: unknown, capabilities: unknown): void {
    this.data = [municipalities, capabilities];
    this.dispose();
  }

  run(scenario: Scenario, callbacks: RunCallbacks): void {
    this.launch(scenario, callbacks, 0);
  }

  runMore(scenario: Scenario, doneRuns: number, callbacks: RunCallbacks): void {
    this.launch(scenario, callbacks, doneRuns);
  }

  private launch(scenario: Scenario, callbacks: RunCallbacks, continueFrom: number): void {
    this.stopAnalysis();
    const previous = this.token;
    const token = ++this.token;
    const current = () => token === this.token;
    this.execute(scenario, token, current, callbacks, continueFrom, previous).catch((error: unknown) => {
      this.dispose(); // a failed worker may be in any state: start afresh next time
      if (current()) callbacks.failed(error instanceof Error ? error.message : String(error));
    });
  }

  /** Computed in the aggregator, from the latest run's model. */
  async swings(inputs: AssumptionId[]): Promise<Swing[] | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.api.swings(inputs, this.token);
  }

  /** Computed in the aggregator, from the latest run's stored runs. */
  async decision(lambda = 0): Promise<DecisionAnalysis | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.api.decision(lambda, this.token);
  }

  /** Searched in a worker of their own, stopped when a run starts. */
  async thresholds(
    scenario: Scenario,
    inputs: Partial<Record<PathId, AssumptionId[]>>,
    runs: number,
    progress?: (done: number, total: number) => void,
  ): Promise<ThresholdAnalysis | null> {
    const make = this.factory.analysis;
    if (!make) return null;
    const token = this.token;
    this.stopAnalysis();
    const endpoint = make();
    // a worker that errors, or is stopped because a newer run started, ends the wait
    const stopped = new Alarm();
    const alarms = [endpoint.broken, stopped];
    this.analysis = { endpoint, stopped };
    try {
      await answerOf(endpoint.api.setData(...this.data), alarms);
      const onProgress = progress ? endpoint.callback(progress) : undefined;
      const result = await answerOf(endpoint.api.thresholds(scenario, inputs, runs, onProgress), alarms);
      return token === this.token ? result : null;
    } catch (error) {
      if (token !== this.token || this.analysis?.endpoint !== endpoint) return null; // stopped: not an error
      throw error;
    } finally {
      if (this.analysis?.endpoint === endpoint) this.stopAnalysis();
    }
  }

  private stopAnalysis(): void {
    const running = this.analysis;
    this.analysis = undefined;
    running?.endpoint.terminate();
    running?.stopped.raise(new Error('stopped'));
  }

  async runTable(): Promise<{ columns: string[]; rows: number[][] } | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.api.runTable(this.token);
  }

  /** Stops dispatching the run in flight. */
  cancel(): void {
    this.token++;
  }

  dispose(): void {
    this.stopAnalysis();
    const pending = this.pending;
    this.pool = undefined;
    this.pending = undefined;
    void pending
      ?.then((pool) => {
        for (const slot of pool.slots) slot.terminate();
        pool.aggregator.terminate();
      })
      .catch(() => {});
  }

  /** A fresh simulation worker, given the data (and the scenario, when a run is under way). */
  private async newSlot(scenario?: Scenario, token?: number): Promise<Slot> {
    const slot = this.factory.simulation();
    try {
      await this.guard(slot, slot.api.setData(...this.data));
      if (scenario && token !== undefined) await this.guard(slot, slot.api.load(scenario, token));
    } catch (error) {
      slot.terminate();
      throw error;
    }
    return slot;
  }

  /** Wait for a worker's answer, unless it errors or hangs. */
  private guard<T>(slot: Slot, answer: Promise<T>): Promise<T> {
    return answerOf(answer, [slot.broken], this.timeoutMs);
  }

  /** Replace the worker in slot `index` with a fresh one (tries RETRIES times). */
  private async replace(pool: Pool, index: number, scenario: Scenario, token: number): Promise<Slot> {
    pool.slots[index].terminate();
    let lastError: unknown;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      try {
        const slot = await this.newSlot(scenario, token);
        pool.slots[index] = slot;
        return slot;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  private ensurePool(): Promise<Pool> {
    // one pool at a time: a run that starts while the pool is still starting waits for the same pool
    this.pending ??= this.startPool().then(
      (pool) => {
        this.pool = pool;
        return pool;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  private async startPool(): Promise<Pool> {
    const pool: Pool = { slots: [], aggregator: this.factory.aggregate() };
    const settled = await Promise.allSettled(Array.from({ length: this.size }, () => this.newSlot()));
    for (const result of settled) if (result.status === 'fulfilled') pool.slots.push(result.value);
    try {
      await answerOf(pool.aggregator.api.setData(...this.data), [pool.aggregator.broken], this.timeoutMs);
      // no worker started: try once more, and give up with that error
      if (pool.slots.length === 0) pool.slots.push(await this.newSlot());
    } catch (error) {
      for (const slot of pool.slots) slot.terminate();
      pool.aggregator.terminate();
      throw error;
    }
    return pool;
  }

  private async execute(
    scenario: Scenario,
    token: number,
    current: () => boolean,
    callbacks: RunCallbacks,
    continueFrom: number,
    previous: number,
  ): Promise<void> {
    const pool = await this.ensurePool();
    if (!current()) return;
    const aggregate = <T>(p: Promise<T>) => answerOf(p, [pool.aggregator.broken], this.timeoutMs);
    // every request carries the run's token, so a worker never mixes a stale run's work into this one
    const collect = async () => {
      if (continueFrom > 0 && (await pool.aggregator.api.extend(scenario.runs, previous, token))) return continueFrom;
      await pool.aggregator.api.start(scenario, scenario.runs, token);
      return 0;
    };
    const loadSlot = async (index: number) => {
      try {
        await this.guard(pool.slots[index], pool.slots[index].api.load(scenario, token));
      } catch {
        await this.replace(pool, index, scenario, token);
      }
    };
    // the first picture comes from the first worker alone, right after it has the scenario; pictures only
    // ever get more runs (a late first look is dropped), and the complete result goes to finished()
    let shown = 0;
    const show = (results: Results | null) => {
      if (!results || !current() || results.runsDone <= shown || results.runsDone >= scenario.runs) return;
      shown = results.runsDone;
      callbacks.progress(results.runsDone, results);
    };
    const loads = pool.slots.map((_, i) => loadSlot(i));
    if (continueFrom === 0 && scenario.runs > FIRST_LOOK_RUNS) {
      // asked for right behind the load, not once it has answered: a worker takes its messages in order,
      // and the answer would wait for the main thread, which is drawing the edit at that moment
      const slot = pool.slots[0];
      void this.guard(slot, slot.api.run(0, FIRST_LOOK_RUNS, token))
        // summarised by the aggregator, whose summary code is warm (a worker's would run cold)
        .then((chunk) => (chunk && current() ? aggregate(pool.aggregator.api.glance(chunk, token)) : null))
        .then(show)
        // a failing worker fails the first chunk too, which is where it is handled
        .catch(() => {});
    }
    const [from] = await Promise.all([aggregate(collect()), ...loads]);
    if (!current()) return;
    // one block per worker first, so that the pictures after the first one come early too; a run that
    // stops at a stable answer hands out one checkpoint's runs at a time, so that it stops close to it
    const stopping = scenario.stopWhenStable === true && continueFrom === 0;
    const queue = splitRuns(scenario.runs, stopping ? STABILITY_STEP : CHUNK_RUNS, from, pool.slots.length);
    // the first partial result is summarised as soon as it arrives, later ones spaced out
    let lastSummary = Number.NEGATIVE_INFINITY;
    let summarizing = false;
    const maybeSummarize = async () => {
      if (summarizing || performance.now() - lastSummary < SUMMARY_INTERVAL_MS) return;
      summarizing = true;
      const started = performance.now();
      const results = await aggregate(pool.aggregator.api.summarize(token));
      summarizing = false;
      // summarising competes with the simulation for cores: space summaries by three times their cost
      lastSummary = performance.now() + 3 * (performance.now() - started);
      show(results);
    };
    const added: Promise<unknown>[] = [];
    // the first failure of the aggregator ends the run at once, not after every chunk has been simulated
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure ??= error;
      queue.length = 0;
    };
    // a stable answer ends the run at once: the chunks still under way hold runs beyond it, which the
    // result drops anyway (it is the first stableAt runs), so they are neither awaited nor collected
    let stopped = false;
    let stopNow = () => {};
    const stop = new Promise<void>((resolve) => {
      stopNow = resolve;
    });
    const live = () => current() && !stopped;
    const simulated = Promise.all(
      pool.slots.map(async (_, index) => {
        while (queue.length > 0 && live() && failure === null) {
          const range = queue.shift()!;
          let chunk: ChunkResult | null = null;
          for (let attempt = 0; ; attempt++) {
            const slot = pool.slots[index];
            try {
              chunk = await this.guard(slot, slot.api.run(range.runStart, range.runCount, token));
              break;
            } catch (error) {
              if (!live()) return;
              if (attempt >= RETRIES) throw error;
              // a crashed or hung worker: replace it and run the same runs again (same result)
              await this.replace(pool, index, scenario, token);
            }
          }
          if (!live() || !chunk) return;
          // the worker goes on with its next chunk at once, not after the aggregator has taken this one:
          // the aggregator may be in the middle of a summary of several hundred milliseconds
          const adding = aggregate(pool.aggregator.api.add(chunk, token));
          added.push(adding);
          void adding
            .then((taken) => {
              if (taken.stop) {
                stopped = true;
                queue.length = 0;
                stopNow();
                return;
              }
              return stopped ? undefined : maybeSummarize();
            })
            .catch(fail);
        }
      }),
    );
    await Promise.race([simulated, stop]);
    // a chunk under way at the stop that fails later is no failure of this run
    if (stopped) simulated.catch(() => {});
    if (failure !== null) throw failure;
    // the chunks handed to the aggregator so far (it takes them in order, before finish)
    await Promise.all(added);
    if (failure !== null) throw failure;
    if (!current()) return;
    const results = await aggregate(pool.aggregator.api.finish(token));
    if (!results || !current()) return;
    shown = Number.POSITIVE_INFINITY; // no picture after the complete result
    callbacks.finished(results);
  }
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, cores));
}
