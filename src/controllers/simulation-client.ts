import { proxy, type Remote, transfer, wrap } from 'comlink';
import type { AggregateApi } from '../../workers/aggregate.worker.js';
import type { AnalysisApi } from '../../workers/analysis.worker.js';
import type { SimulationApi } from '../../workers/simulation.worker.js';
import {
  type AssumptionId,
  type ChunkResult,
  type DecisionAnalysis,
  type PathId,
  type Results,
  type Scenario,
  type Swing,
  splitRuns,
  type ThresholdAnalysis,
} from '../engine/index.js';

/** Runs per chunk handed to a worker: small enough to cancel quickly and to show progress often. */
export const CHUNK_RUNS = 200;
/**
 * Runs of a new run's first picture: simulated by the first worker alone (≈ 20 ms) and summarised by the
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

export interface WorkerFactory {
  simulation(): Worker;
  aggregate(): Worker;
  /** The worker that searches thresholds (re-runs with an input pinned); optional. */
  analysis?(): Worker;
}

/** Module workers bundled by Vite (dev and build) and served by the test runner. */
export const moduleWorkers: WorkerFactory = {
  simulation: () =>
    new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
  aggregate: () =>
    new Worker(new URL('../../workers/aggregate.worker.ts', import.meta.url), { type: 'module', name: 'aggregate' }),
  analysis: () =>
    new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
};

/** A simulation worker with its Comlink proxy and a promise that rejects when the worker errors. */
interface Slot {
  worker: Worker;
  api: Remote<SimulationApi>;
  broken: Promise<never>;
}

interface Pool {
  slots: Slot[];
  aggregator: Remote<AggregateApi>;
  aggregatorWorker: Worker;
  aggregatorBroken: Promise<never>;
}

/** Times a failed or hung chunk is retried on a fresh worker before the run is given up. */
const RETRIES = 2;

const buffers = (c: ChunkResult) =>
  [c.totals, c.memberRuns, c.blockSums, c.groupSums, c.draws].map((a) => a.buffer as ArrayBuffer);

/** A promise that rejects when the worker reports an error (a crash, or a script that fails to load). */
function brokenPromise(worker: Worker): Promise<never> {
  const broken = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`worker error: ${event.message || 'script failed'}`));
    });
  });
  broken.catch(() => {}); // observed through Promise.race
  return broken;
}

/** Reject after `ms` milliseconds (a hung worker). */
function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`worker did not answer in ${Math.round(ms / 1000)} s`)), ms),
  );
}

/**
 * Runs scenarios on a pool of Web Workers, chunk by chunk, with an aggregator worker that summarises so
 * the main thread never does heavy work. Starting a run supersedes the one in flight: its remaining
 * chunks are not dispatched and its late results are dropped. A simulation worker that crashes or hangs
 * is replaced and its chunk run again — the result is the same, since a run depends only on its index;
 * only when that keeps failing does the run end with an error (and the pool is rebuilt next time).
 */
export class SimulationClient {
  private pool?: Pool;
  private pending?: Promise<Pool>;
  private token = 0;
  private readonly factory: WorkerFactory;
  private readonly size: number;
  private readonly timeoutMs: number;
  private data: [unknown, unknown] = [[], []];
  /** The threshold search of the latest finished run, in its own worker (stopped when a run starts). */
  private analysis?: { worker: Worker; stop: () => void };

  constructor(factory: WorkerFactory = moduleWorkers, size = defaultPoolSize(), timeoutMs = 60_000) {
    this.factory = factory;
    this.size = size;
    this.timeoutMs = timeoutMs;
  }

  /** The municipality profiles and capability catalogue the workers simulate with. */
  setData(municipalities: unknown, capabilities: unknown): void {
    this.data = [municipalities, capabilities];
    this.dispose();
  }

  /** Start a run; any run in flight is superseded. */
  run(scenario: Scenario, callbacks: RunCallbacks): void {
    this.launch(scenario, callbacks, 0);
  }

  /**
   * Continue the last finished run up to `scenario.runs` runs (runs n … total − 1 of the same sequence),
   * keeping the runs already done. The result equals a single run of the larger count.
   */
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

  /** One-at-a-time swings of the given inputs for the latest run's scenario, or null when stale. */
  async swings(inputs: AssumptionId[]): Promise<Swing[] | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.swings(inputs, this.token);
  }

  /**
   * Cost against capacity, acceptability and value of information of the latest run (from its stored
   * runs, in the aggregator), or null when stale. `lambda`: SEK per development FTE-year.
   */
  async decision(lambda = 0): Promise<DecisionAnalysis | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.decision(lambda, this.token);
  }

  /**
   * Thresholds of the latest run's scenario, searched in a worker of their own by re-running its first
   * `runs` runs with one input pinned at a time. Null when a newer run started meanwhile (which stops
   * the search). `progress` reports evaluations done of planned.
   */
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
    const worker = make();
    const api = wrap<AnalysisApi>(worker);
    // a worker that errors, or is stopped because a newer run started, ends the wait
    let stop = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = () => reject(new Error('stopped'));
    });
    stopped.catch(() => {});
    const broken = Promise.race([brokenPromise(worker), stopped]);
    this.analysis = { worker, stop };
    try {
      await Promise.race([api.setData(...this.data), broken]);
      const onProgress = progress ? proxy(progress) : undefined;
      const result = await Promise.race([api.thresholds(scenario, inputs, runs, onProgress), broken]);
      return token === this.token ? result : null;
    } catch (error) {
      if (token !== this.token || this.analysis?.worker !== worker) return null; // stopped: not an error
      throw error;
    } finally {
      if (this.analysis?.worker === worker) this.stopAnalysis();
    }
  }

  private stopAnalysis(): void {
    const running = this.analysis;
    this.analysis = undefined;
    running?.worker.terminate();
    running?.stop();
  }

  /** The per-run table of the latest run (for audit exports), or null when there is none. */
  async runTable(): Promise<{ columns: string[]; rows: number[][] } | null> {
    if (!this.pool) return null;
    return this.pool.aggregator.runTable(this.token);
  }

  /** Stop dispatching the run in flight; its late results are dropped. */
  cancel(): void {
    this.token++;
  }

  /** Terminate every worker. */
  dispose(): void {
    this.stopAnalysis();
    const pending = this.pending;
    this.pool = undefined;
    this.pending = undefined;
    void pending
      ?.then((pool) => {
        for (const slot of pool.slots) slot.worker.terminate();
        pool.aggregatorWorker.terminate();
      })
      .catch(() => {});
  }

  /** A fresh simulation worker, given the data (and the scenario, when a run is under way). */
  private async newSlot(scenario?: Scenario, token?: number): Promise<Slot> {
    const worker = this.factory.simulation();
    const slot: Slot = { worker, api: wrap<SimulationApi>(worker), broken: brokenPromise(worker) };
    try {
      await this.guard(slot, slot.api.setData(...this.data));
      if (scenario && token !== undefined) await this.guard(slot, slot.api.load(scenario, token));
    } catch (error) {
      worker.terminate();
      throw error;
    }
    return slot;
  }

  /** Wait for a worker's answer, unless it errors or hangs. */
  private guard<T>(slot: Slot, answer: Promise<T>): Promise<T> {
    return Promise.race([answer, slot.broken, timeout(this.timeoutMs)]);
  }

  /** Replace the worker in slot `index` with a fresh one (tries RETRIES times). */
  private async replace(pool: Pool, index: number, scenario: Scenario, token: number): Promise<Slot> {
    pool.slots[index].worker.terminate();
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
    const aggregatorWorker = this.factory.aggregate();
    const pool: Pool = {
      slots: [],
      aggregator: wrap<AggregateApi>(aggregatorWorker),
      aggregatorWorker,
      aggregatorBroken: brokenPromise(aggregatorWorker),
    };
    const settled = await Promise.allSettled(Array.from({ length: this.size }, () => this.newSlot()));
    for (const result of settled) if (result.status === 'fulfilled') pool.slots.push(result.value);
    try {
      await Promise.race([pool.aggregator.setData(...this.data), pool.aggregatorBroken, timeout(this.timeoutMs)]);
      // no worker started: try once more, and give up with that error
      if (pool.slots.length === 0) pool.slots.push(await this.newSlot());
    } catch (error) {
      for (const slot of pool.slots) slot.worker.terminate();
      aggregatorWorker.terminate();
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
    const aggregate = <T>(p: Promise<T>) => Promise.race([p, pool.aggregatorBroken, timeout(this.timeoutMs)]);
    // every request carries the run's token, so a worker never mixes a stale run's work into this one
    const collect = async () => {
      if (continueFrom > 0 && (await pool.aggregator.extend(scenario.runs, previous, token))) return continueFrom;
      await pool.aggregator.start(scenario, scenario.runs, token);
      return 0;
    };
    const loadSlot = async (index: number) => {
      try {
        await this.guard(pool.slots[index], pool.slots[index].api.load(scenario, token));
      } catch {
        await this.replace(pool, index, scenario, token);
      }
    };
    // the first picture comes from the first worker alone as soon as it has the scenario; pictures only
    // ever get more runs (a late first look is dropped), and the complete result goes to finished()
    let shown = 0;
    const show = (results: Results | null) => {
      if (!results || !current() || results.runsDone <= shown || results.runsDone >= scenario.runs) return;
      shown = results.runsDone;
      callbacks.progress(results.runsDone, results);
    };
    const loads = pool.slots.map((_, i) => loadSlot(i));
    if (continueFrom === 0 && scenario.runs > FIRST_LOOK_RUNS) {
      void loads[0]
        .then(() => {
          if (!current()) return null;
          const slot = pool.slots[0];
          return this.guard(slot, slot.api.run(0, FIRST_LOOK_RUNS, token));
        })
        // summarised by the aggregator, whose summary code is warm (a worker's would run cold)
        .then((chunk) =>
          chunk && current() ? aggregate(pool.aggregator.glance(transfer(chunk, buffers(chunk)), token)) : null,
        )
        .then(show)
        // a failing worker fails the first chunk too, which is where it is handled
        .catch(() => {});
    }
    const [from] = await Promise.all([aggregate(collect()), ...loads]);
    if (!current()) return;
    // one block per worker first, so that the pictures after the first one come early too
    const queue = splitRuns(scenario.runs, CHUNK_RUNS, from, pool.slots.length);
    // the first partial result is summarised as soon as it arrives, later ones spaced out
    let lastSummary = Number.NEGATIVE_INFINITY;
    let summarizing = false;
    const maybeSummarize = async () => {
      if (summarizing || performance.now() - lastSummary < SUMMARY_INTERVAL_MS) return;
      summarizing = true;
      const started = performance.now();
      const results = await aggregate(pool.aggregator.summarize(token));
      summarizing = false;
      // summarising competes with the simulation for cores: space summaries by three times their cost
      lastSummary = performance.now() + 3 * (performance.now() - started);
      show(results);
    };
    const added: Promise<number>[] = [];
    // the first failure of the aggregator ends the run at once, not after every chunk has been simulated
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure ??= error;
      queue.length = 0;
    };
    await Promise.all(
      pool.slots.map(async (_, index) => {
        while (queue.length > 0 && current() && failure === null) {
          const range = queue.shift()!;
          let chunk: ChunkResult | null = null;
          for (let attempt = 0; ; attempt++) {
            const slot = pool.slots[index];
            try {
              chunk = await this.guard(slot, slot.api.run(range.runStart, range.runCount, token));
              break;
            } catch (error) {
              if (!current()) return;
              if (attempt >= RETRIES) throw error;
              // a crashed or hung worker: replace it and run the same runs again (same result)
              await this.replace(pool, index, scenario, token);
            }
          }
          if (!current() || !chunk) return;
          // the worker goes on with its next chunk at once, not after the aggregator has taken this one:
          // the aggregator may be in the middle of a summary of several hundred milliseconds
          const adding = aggregate(pool.aggregator.add(transfer(chunk, buffers(chunk)), token));
          added.push(adding);
          void adding.then(maybeSummarize).catch(fail);
        }
      }),
    );
    if (failure !== null) throw failure;
    await Promise.all(added);
    if (!current()) return;
    const results = await aggregate(pool.aggregator.summarize(token));
    if (results && current()) callbacks.finished(results);
  }
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, cores));
}
