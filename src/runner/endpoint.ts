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

/**
 * Something that can end a wait on a worker: the worker breaking, or its work being stopped. Raised at most
 * once; listening returns a function that stops listening.
 *
 * Not a promise that stays pending for the worker's life, raced against each call: every Promise.race
 * leaves a reaction on such a promise, and that reaction holds the answer it raced for until the promise
 * settles, which a healthy worker's never does. A session kept every chunk and result its pool ever passed
 * that way, about 1.4 MB per run (docs/performance.md, change 6).
 */
export class Alarm {
  private raised: Error | null = null;
  private readonly listeners = new Set<(error: Error) => void>();

  /** Raise the alarm: every listener hears it once, and one that listens later hears it at once. */
  raise(error: Error): void {
    if (this.raised) return;
    this.raised = error;
    for (const listener of [...this.listeners]) listener(error);
    this.listeners.clear();
  }

  listen(listener: (error: Error) => void): () => void {
    if (this.raised) {
      listener(this.raised);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners attached now (every settled wait has let go of its own). */
  get listening(): number {
    return this.listeners.size;
  }
}

/**
 * The answer to a call to a worker, unless one of `alarms` is raised first (it rejects with the alarm's
 * error) or, with `ms`, no answer comes within `ms` milliseconds (a hung worker). Once settled, it has let
 * go of the alarms and its timer, so nothing long-lived holds the answer.
 */
export function answerOf<T>(answer: Promise<T>, alarms: readonly Alarm[], ms?: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const quits: (() => void)[] = [];
    const end = () => {
      settled = true;
      clearTimeout(timer);
      for (const quit of quits.splice(0)) quit();
    };
    const fail = (error: unknown) => {
      end();
      reject(error);
    };
    // an alarm raised already ends the wait at once, before any other is listened to
    for (const alarm of alarms) if (!settled) quits.push(alarm.listen(fail));
    if (!settled && ms !== undefined)
      timer = setTimeout(() => fail(new Error(`worker did not answer in ${Math.round(ms / 1000)} s`)), ms);
    answer.then((value) => {
      end();
      resolve(value);
    }, fail);
  });
}

/** One worker (or its stand-in): its API, an alarm raised when it breaks, and a way to stop it. */
export interface Endpoint<Api> {
  readonly api: Promisified<Api>;
  /** Raised when the worker errors (a crash, or a script that fails to load). */
  readonly broken: Alarm;
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
