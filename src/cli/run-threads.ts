import { Worker } from 'node:worker_threads';
import {
  Accumulator,
  type ChunkResult,
  type PreparedModel,
  type Results,
  Simulator,
  splitRuns,
} from '../engine/index.js';

/** Runs per task handed to a worker thread. Any value gives identical results (blocks are fixed). */
export const CHUNK_RUNS = 500;
/** Runs per task for a scenario that stops at a stable answer (checked every 100 runs). */
export const STOPPING_CHUNK_RUNS = 200;

/**
 * Run a model's Monte Carlo runs on `workers` Node worker threads (0: in this thread) and summarise.
 * The inputs are passed raw so each thread validates and prepares its own model.
 */
export async function runInThreads(
  model: PreparedModel,
  raw: [unknown, unknown, unknown],
  workers: number,
  runs = model.scenario.runs,
  chunkRuns = CHUNK_RUNS,
): Promise<Results> {
  return (await collectInThreads(model, raw, workers, runs, chunkRuns)).summarize();
}

/** How a scenario's runs are handed out, and how a run that stops at a stable answer ends. */
function plan(model: PreparedModel, runs: number, chunkRuns: number) {
  const stopping = model.scenario.stopWhenStable === true;
  // stopping is checked as chunks arrive: smaller chunks stop closer to the stable answer (same results)
  const ranges = splitRuns(runs, stopping ? Math.min(chunkRuns, STOPPING_CHUNK_RUNS) : chunkRuns);
  // a run that stopped at a stable answer is exactly a run of that many (as in the app's aggregator)
  const stopped = (a: Accumulator) => {
    const at = a.stableAt();
    if (stopping && at !== null && a.runsDone > at) a.truncate(at);
    return a;
  };
  return { stopping, ranges, stopped };
}

/**
 * A scenario's runs in this thread, as the CLI runs them: all of them, or up to its first stable answer
 * when it has `stopWhenStable` (then exactly a run of that many). Every run is kept.
 */
export function collectInThisThread(model: PreparedModel, runs = model.scenario.runs, chunkRuns = CHUNK_RUNS) {
  const acc = new Accumulator(model, runs);
  const { stopping, ranges, stopped } = plan(model, runs, chunkRuns);
  const simulator = new Simulator(model);
  for (const r of ranges) {
    acc.add(simulator.simulateChunk(r.runStart, r.runCount));
    if (stopping && acc.stableAt() !== null) break;
  }
  return stopped(acc);
}

/** As runInThreads, but returns the accumulator of all runs (for analyses that need every run). */
export async function collectInThreads(
  model: PreparedModel,
  raw: [unknown, unknown, unknown],
  workers: number,
  runs = model.scenario.runs,
  chunkRuns = CHUNK_RUNS,
): Promise<Accumulator> {
  if (workers <= 0) return collectInThisThread(model, runs, chunkRuns);
  const acc = new Accumulator(model, runs);
  const { stopping, ranges, stopped } = plan(model, runs, chunkRuns);
  // the worker is TypeScript: a small bootstrap registers tsx in each thread before loading it
  const url = new URL('../../workers/node-worker-bootstrap.mjs', import.meta.url);
  const pool = Array.from({ length: Math.min(workers, ranges.length) }, () => new Worker(url));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('error', reject);
            let inFlight = 0;
            const dispatch = () => {
              // a scenario that stops at a stable answer hands out no more ranges once it has one
              if (next < ranges.length && !(stopping && acc.stableAt() !== null)) {
                inFlight++;
                worker.postMessage(ranges[next++]);
              } else if (inFlight === 0) resolve();
            };
            worker.on('message', (message: { loaded?: boolean; chunk?: ChunkResult }) => {
              if (message.chunk) {
                inFlight--;
                acc.add(message.chunk);
              } else dispatch(); // two ranges in flight per worker: it never waits for the round trip
              dispatch();
            });
            worker.postMessage({ load: raw });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return stopped(acc);
}
