import { type Remote, transfer, wrap } from 'comlink';
import type { AggregateApi } from '../../workers/aggregate.worker.js';
import type { SimulationApi } from '../../workers/simulation.worker.js';
import {
  type AssumptionId,
  type ChunkResult,
  type Results,
  type Scenario,
  type Swing,
  splitRuns,
} from '../engine/index.js';

/** Runs per chunk handed to a worker: small enough to cancel quickly and to show progress often. */
export const CHUNK_RUNS = 200;
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
}

/** Module workers bundled by Vite (dev and build) and served by the test runner. */
export const moduleWorkers: WorkerFactory = {
  simulation: () =>
    new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
  aggregate: () =>
    new Worker(new URL('../../workers/aggregate.worker.ts', import.meta.url), { type: 'module', name: 'aggregate' }),
};

interface Pool {
  workers: Worker[];
  simulators: Remote<SimulationApi>[];
  aggregator: Remote<AggregateApi>;
  aggregatorWorker: Worker;
  broken: Promise<never>;
}

const buffers = (c: ChunkResult) =>
  [c.totals, c.memberRuns, c.blockSums, c.groupSums, c.draws].map((a) => a.buffer as ArrayBuffer);

/**
 * Runs scenarios on a pool of Web Workers, chunk by chunk, with an aggregator worker that summarises so
 * the main thread never does heavy work. Starting a run supersedes the one in flight: its remaining
 * chunks are not dispatched and its late results are dropped. A worker that fails ends the run with an
 * error and the pool is rebuilt for the next run.
 */
export class SimulationClient {
  private pool?: Pool;
  private token = 0;
  private readonly factory: WorkerFactory;
  private readonly size: number;
  private data: [unknown, unknown] = [[], []];

  constructor(factory: WorkerFactory = moduleWorkers, size = defaultPoolSize()) {
    this.factory = factory;
    this.size = size;
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
    if (!this.pool) return;
    for (const w of this.pool.workers) w.terminate();
    this.pool.aggregatorWorker.terminate();
    this.pool = undefined;
  }

  private async ensurePool(): Promise<Pool> {
    if (this.pool) return this.pool;
    const workers = Array.from({ length: this.size }, () => this.factory.simulation());
    const aggregatorWorker = this.factory.aggregate();
    const broken = new Promise<never>((_, reject) => {
      for (const w of [...workers, aggregatorWorker]) {
        w.addEventListener('error', (event) => {
          event.preventDefault();
          reject(new Error(`worker error: ${event.message || 'script failed'}`));
        });
      }
    });
    broken.catch(() => {}); // observed through Promise.race below
    const pool: Pool = {
      workers,
      simulators: workers.map((w) => wrap<SimulationApi>(w)),
      aggregator: wrap<AggregateApi>(aggregatorWorker),
      aggregatorWorker,
      broken,
    };
    this.pool = pool;
    await Promise.race([
      Promise.all([...pool.simulators, pool.aggregator].map((api) => api.setData(...this.data))),
      broken,
    ]);
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
    const guard = <T>(p: Promise<T>) => Promise.race([p, pool.broken]);
    // every request carries the run's token, so a worker never mixes a stale run's work into this one
    const collect = async () => {
      if (continueFrom > 0 && (await pool.aggregator.extend(scenario.runs, previous, token))) return continueFrom;
      await pool.aggregator.start(scenario, scenario.runs, token);
      return 0;
    };
    const [from] = await guard(Promise.all([collect(), ...pool.simulators.map((s) => s.load(scenario, token))]));
    if (!current()) return;
    const queue = splitRuns(scenario.runs, CHUNK_RUNS).filter((r) => r.runStart >= from);
    let done = 0;
    let lastSummary = performance.now();
    let summarizing = false;
    const maybeSummarize = async () => {
      if (summarizing || performance.now() - lastSummary < SUMMARY_INTERVAL_MS) return;
      summarizing = true;
      const runsAtRequest = done;
      const started = performance.now();
      const results = await guard(pool.aggregator.summarize(token));
      summarizing = false;
      // summarising competes with the simulation for cores: space summaries by their own cost
      lastSummary = performance.now() + 2 * (performance.now() - started);
      if (results && current() && runsAtRequest < scenario.runs) callbacks.progress(results.runsDone, results);
    };
    await guard(
      Promise.all(
        pool.simulators.map(async (simulator) => {
          while (queue.length > 0 && current()) {
            const range = queue.shift()!;
            const chunk = await guard(simulator.run(range.runStart, range.runCount, token));
            if (!current() || !chunk) return;
            done = await guard(pool.aggregator.add(transfer(chunk, buffers(chunk)), token));
            void maybeSummarize().catch(() => {});
          }
        }),
      ),
    );
    if (!current()) return;
    const results = await guard(pool.aggregator.summarize(token));
    if (results && current()) callbacks.finished(results);
  }
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, cores));
}
