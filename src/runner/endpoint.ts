/**
 * How the pool runner talks to a worker without knowing what a worker is: an endpoint is one worker's API
 * as promises, a promise that rejects when it breaks, and a way to stop it. The web build makes endpoints
 * of Web Workers over Comlink (comlink.ts), the tests make them in this thread (in-process.ts). Also the
 * one list of a chunk's buffers that are transferred, not copied, between threads. No run logic here.
 */
import type { ChunkResult } from '../engine/index.js';
import type { AggregateApi, AnalysisApi, CoalitionApi, SimulationApi } from './apis.js';

/** An API whose every method answers with a promise, as a call to another thread does. */
export type Promisified<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** One worker (or its stand-in): its API, a promise that rejects when it breaks, and a way to stop it. */
export interface Endpoint<Api> {
  readonly api: Promisified<Api>;
  /** Rejects when the worker errors (a crash, or a script that fails to load); never resolves. */
  readonly broken: Promise<never>;
  terminate(): void;
  /** Mark a function passed to the API as a callback the worker may call back (a progress report). */
  callback<F extends (...args: never[]) => unknown>(f: F): F;
}

/** Makes the endpoints of a pool: simulation workers, one aggregator, and optionally the threshold search. */
export interface EndpointFactory {
  simulation(): Endpoint<SimulationApi>;
  aggregate(): Endpoint<AggregateApi>;
  /** The worker that searches thresholds (re-runs with an input pinned); optional. */
  analysis?(): Endpoint<AnalysisApi>;
  /** Workers that simulate groups for the coalition finder; optional. */
  coalition?(): Endpoint<CoalitionApi>;
}

/** Whether a value passed between threads is a chunk of runs (whose arrays are transferred). */
export function isChunk(value: unknown): value is ChunkResult {
  return typeof value === 'object' && value !== null && 'blockSums' in value && value.blockSums instanceof Float64Array;
}

/** The buffers of a chunk, transferred rather than copied: the one list, for every kind of thread. */
export const chunkBuffers = (c: ChunkResult): ArrayBuffer[] =>
  [c.totals, c.memberRuns, c.blockSums, c.groupSums, c.draws].map((a) => a.buffer as ArrayBuffer);

/** The buffers to transfer with a value passed between threads: a chunk's, or none. */
export const transferables = (value: unknown): ArrayBuffer[] => (isChunk(value) ? chunkBuffers(value) : []);
