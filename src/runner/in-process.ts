/**
 * Endpoints in this thread, for tests of the run lifecycle in Node (test/runner/): each calls a fresh API
 * object from apis.ts, answers in a later task, and passes arguments and answers as a worker would (cloned,
 * a chunk's buffers transferred, callbacks only when marked), so that a test fails on anything a worker
 * would refuse. Not for speed: the work is done on this thread.
 */
import { createAggregateApi, createAnalysisApi, createCoalitionApi, createSimulationApi } from './apis.js';
import { Alarm, type Endpoint, type EndpointFactory, type Promisified, transferables } from './endpoint.js';

/** A value passed to or from another thread: a structured clone, a chunk's buffers moved (detached here). */
const pass = <T>(value: T, transfer: ArrayBuffer[]): T => structuredClone(value, { transfer });

/** The next task, as a message from a worker would arrive. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** An error as it arrives from a worker: a new Error with the message, not the thrown object. */
const received = (error: unknown) =>
  error instanceof Error ? Object.assign(new Error(error.message), { name: error.name }) : error;

/**
 * An endpoint that calls the API object made by `create` in this thread. After terminate() calls never
 * answer, as a terminated worker's do not. `broken` is never raised (nothing here crashes like a worker).
 */
export function inProcessEndpoint<Api extends object>(create: () => Api): Endpoint<Api> {
  const target = create() as Record<string, (...args: unknown[]) => unknown>;
  const callbacks = new WeakSet<object>();
  let terminated = false;
  const marked = (x: unknown): x is (...args: unknown[]) => unknown => typeof x === 'function' && callbacks.has(x);
  // a callback runs in the caller's thread in a later task, with cloned arguments, and answers nothing
  const relay =
    (f: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      void nextTask().then(() => {
        if (!terminated) f(...pass(args, []));
      });
  const call = async (name: string, args: unknown[]) => {
    const cloned = pass(
      args.map((a) => (marked(a) ? undefined : a)),
      args.flatMap(transferables),
    );
    const sent = cloned.map((a, i) => {
      const arg = args[i];
      return marked(arg) ? relay(arg) : a;
    });
    await nextTask();
    if (terminated) return new Promise<never>(() => {});
    let answer: unknown;
    try {
      answer = await target[name](...sent);
    } catch (error) {
      throw received(error);
    }
    await nextTask();
    if (terminated) return new Promise<never>(() => {});
    return pass(answer, transferables(answer));
  };
  const api = Object.fromEntries(
    Object.keys(target).map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as Promisified<Api>;
  return {
    api,
    broken: new Alarm(),
    terminate: () => {
      terminated = true;
    },
    callback: (f) => {
      callbacks.add(f);
      return f;
    },
  };
}

/** A pool's endpoints, all in this thread. */
export const inProcessEndpoints: EndpointFactory = {
  simulation: () => inProcessEndpoint(createSimulationApi),
  aggregate: () => inProcessEndpoint(createAggregateApi),
  analysis: () => inProcessEndpoint(createAnalysisApi),
  coalition: () => inProcessEndpoint(createCoalitionApi),
};
