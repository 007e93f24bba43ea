/**
 * Long analyses as steps: a generator that yields between parts of its work, and `drain`, which runs one
 * to the end in this thread (the CLI, the tests). A worker instead goes back to its event loop at every
 * step (`drainPaced`, with the pause src/runner/apis.ts gives it), so that a newer run is not kept
 * waiting: the aggregator takes the new run's messages in between and the analysis gives up, and a worker
 * stopped with terminate() stops at once — Chromium lets a worker that is inside one long task run on for
 * up to two seconds (docs/performance.md). The coalition finder pauses the same way on the page's thread.
 */

/** Run a generator's steps to the end in this thread, telling `onStep` of each; its result. */
export function drain<S, R>(steps: Generator<S, R>, onStep?: (step: S) => void): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
  }
}

/**
 * Run a generator's steps, awaiting `pause` after each: a turn of the thread's event loop, which the caller
 * gives (the engine knows no threads). Null as soon as `current()`, asked after each pause, says the work
 * is stale.
 */
export async function drainPaced<S, R>(
  steps: Generator<S, R>,
  pause: () => Promise<void>,
  current: () => boolean,
  onStep?: (step: S) => void,
): Promise<R | null> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
    await pause();
    if (!current()) return null;
  }
}
