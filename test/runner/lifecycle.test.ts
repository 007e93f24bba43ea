/**
 * The run lifecycle of the pool runner (src/runner/runner.ts) in Node, on in-process endpoints that pass
 * values as workers do: superseded and cancelled runs stay silent, a preview or a finished run continued
 * equals one run of the larger count, a failing or hung simulation worker is replaced (same figures) or
 * the run fails with a message, and the latest run's analyses answer null once a newer run has started.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Accumulator,
  ASSUMPTIONS,
  type AssumptionId,
  analyseDecision,
  centralValue,
  findThresholds,
  MIN_STABLE_RUNS,
  oneAtATime,
  type Results,
  type Scenario,
  Simulator,
  simulateAll,
} from '../../src/engine/index.js';
import {
  createAggregateApi,
  createAnalysisApi,
  createSimulationApi,
  type SimulationApi,
} from '../../src/runner/apis.js';
import type { EndpointFactory } from '../../src/runner/endpoint.js';
import { inProcessEndpoint, inProcessEndpoints } from '../../src/runner/in-process.js';
import { PoolRunner, type RunCallbacks } from '../../src/runner/runner.js';
import { model, municipalities, scenarioWith, smallCatalogue } from '../helpers.js';

const scenario = (runs: number, seed = 1): Scenario =>
  scenarioWith((s) => {
    s.runs = runs;
    s.seed = seed;
  });

/** What a run reported, in order. */
interface Log {
  progress: number[];
  finished: Results[];
  failed: string[];
}

function recorder(): { log: Log; callbacks: RunCallbacks; ended: Promise<Results> } {
  const log: Log = { progress: [], finished: [], failed: [] };
  let end: (r: Results) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const ended = new Promise<Results>((resolve, reject) => {
    end = resolve;
    fail = reject;
  });
  ended.catch(() => {}); // a run that fails is asserted through the log, or awaited by the test
  const callbacks: RunCallbacks = {
    progress: (done) => log.progress.push(done),
    finished: (results) => {
      log.finished.push(results);
      end(results);
    },
    failed: (message) => {
      log.failed.push(message);
      fail(new Error(message));
    },
  };
  return { log, callbacks, ended };
}

const runners: PoolRunner[] = [];
function runner(factory: EndpointFactory = inProcessEndpoints, timeoutMs?: number): PoolRunner {
  const r = new PoolRunner(factory, 2, timeoutMs);
  r.setData(municipalities, smallCatalogue);
  runners.push(r);
  return r;
}
afterEach(() => {
  for (const r of runners.splice(0)) r.dispose();
});

const run = (r: PoolRunner, s: Scenario) => {
  const rec = recorder();
  r.run(s, rec.callbacks);
  return rec.ended;
};
/** Let late answers of workers arrive (several tasks). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const same = (a: Results, b: Results) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

/** Simulation endpoints whose `i`-th made (from 1) gets its API changed by `change`, if it returns one. */
function simulationEndpoints(change: (made: number, api: SimulationApi) => SimulationApi | undefined) {
  let made = 0;
  const factory: EndpointFactory = {
    ...inProcessEndpoints,
    simulation: () => {
      const api = createSimulationApi();
      const changed = change(++made, api) ?? api;
      return inProcessEndpoint(() => changed);
    },
  };
  return { factory, made: () => made };
}

/** A full garbage collection: V8's gc(), taken once and the flag turned off again for other tests. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  return gc;
})();

/**
 * Whether the objects still exist after a full collection, once their holder has let them go. A WeakRef's
 * target is kept to the end of the task that made it, hence the wait for the next one.
 */
async function alive(refs: WeakRef<object>[]): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  return refs.filter((r) => r.deref() !== undefined).length;
}

describe('the pool runner’s run lifecycle', () => {
  it('drops a superseded run: its callbacks never fire, the newer run finishes with its own figures', async () => {
    const r = runner();
    const a = recorder();
    r.run(scenario(300, 1), a.callbacks);
    const b = scenario(300, 2);
    const results = await run(r, b);
    await settle();
    expect(a.log).toEqual({ progress: [], finished: [], failed: [] });
    same(results, simulateAll(model(b)));
  });

  it('continues a preview to the full count with the same figures as one run of that count', async () => {
    const r = runner();
    const preview = await run(r, scenario(300));
    expect(preview.runsDone).toBe(300);
    const more = recorder();
    r.runMore(scenario(600), 300, more.callbacks);
    const continued = await more.ended;
    expect(continued.runsDone).toBe(600);
    same(continued, simulateAll(model(scenario(600))));
  });

  it('"Kör fler" doubles a finished run, simulating only the new runs, as one run of twice the count', async () => {
    const ranges: number[] = [];
    const { factory } = simulationEndpoints((_, api) => ({
      ...api,
      run: (runStart, runCount, token) => {
        ranges.push(runStart);
        return api.run(runStart, runCount, token);
      },
    }));
    const r = runner(factory);
    await run(r, scenario(300));
    ranges.length = 0;
    const more = recorder();
    r.runMore(scenario(600), 300, more.callbacks);
    const doubled = await more.ended;
    expect(ranges.length).toBeGreaterThan(0);
    expect(Math.min(...ranges)).toBe(300);
    expect(more.log.progress.every((n) => n > 300 && n < 600)).toBe(true);
    same(doubled, await run(r, scenario(600)));
  });

  it('reports nothing more after cancel(), whether cancelled at once or after the first picture', async () => {
    const r = runner();
    const atOnce = recorder();
    r.run(scenario(600, 3), atOnce.callbacks);
    r.cancel();
    await settle();
    expect(atOnce.log).toEqual({ progress: [], finished: [], failed: [] });

    const later = recorder();
    let cancelled = false;
    r.run(scenario(2000, 4), {
      ...later.callbacks,
      progress: (done, results) => {
        later.callbacks.progress(done, results);
        if (!cancelled) r.cancel();
        cancelled = true;
      },
    });
    await expect.poll(() => cancelled, { timeout: 10_000 }).toBe(true);
    await settle();
    expect(later.log.progress).toHaveLength(1);
    expect(later.log.finished).toEqual([]);
    // the runner stays usable
    expect((await run(r, scenario(200, 5))).runsDone).toBe(200);
  });

  it('runs a chunk again on a fresh worker when one throws or hangs, with the figures of a clean run', async () => {
    const clean = simulateAll(model(scenario(400, 6)));
    const crashing = simulationEndpoints((made, api) =>
      made === 1
        ? {
            ...api,
            run: () => {
              throw new Error('crash');
            },
          }
        : undefined,
    );
    same(await run(runner(crashing.factory), scenario(400, 6)), clean);
    expect(crashing.made()).toBeGreaterThan(2);

    const hanging = simulationEndpoints((made, api) =>
      made === 2 ? { ...api, run: () => new Promise<never>(() => {}) as never } : undefined,
    );
    same(await run(runner(hanging.factory, 1000), scenario(400, 6)), clean);
    expect(hanging.made()).toBeGreaterThan(2);
  });

  it('fails with a message when the simulation keeps failing, and runs again once it works', async () => {
    let failing = true;
    const { factory } = simulationEndpoints((_, api) =>
      failing
        ? {
            ...api,
            run: () => {
              throw new Error('simulation crash');
            },
          }
        : undefined,
    );
    const r = runner(factory);
    const rec = recorder();
    r.run(scenario(400), rec.callbacks);
    await expect(rec.ended).rejects.toThrow('simulation crash');
    expect(rec.log.finished).toEqual([]);
    failing = false;
    same(await run(r, scenario(400)), simulateAll(model(scenario(400))));
  });

  // every input fixed: every run the same, so the answer is stable at the first checkpoint (400 runs)
  const certain = (runs: number, stop: boolean) =>
    scenarioWith((s) => {
      s.runs = runs;
      s.stopWhenStable = stop;
      s.assumptions = Object.fromEntries(
        ASSUMPTIONS.map((a) => [a.id, { dist: 'fixed', value: centralValue(a.default), source: 'antagande: test' }]),
      ) as Scenario['assumptions'];
    });

  it('stops at the first stable answer when the scenario asks, as one run of that many, and "Kör fler" goes on', async () => {
    const r = runner();
    const stopped = await run(r, certain(2000, true));
    expect(stopped.runsDone).toBe(MIN_STABLE_RUNS);
    expect(stopped.stability?.stableAt).toBe(MIN_STABLE_RUNS);
    // the same as a run of exactly that many (whose answer is stable at its last run)
    same(stopped, simulateAll(model(certain(MIN_STABLE_RUNS, false))));
    const more = recorder();
    r.runMore(certain(1000, true), stopped.runsDone, more.callbacks);
    const continued = await more.ended;
    expect(continued.runsDone).toBe(1000);
    same(continued, simulateAll(model(certain(1000, false))));
    // without the option it runs all, and says where the answer became stable
    const all = await run(r, certain(1000, false));
    expect(all.runsDone).toBe(1000);
    expect(all.stability?.stableAt).toBe(MIN_STABLE_RUNS);
  });

  it('ends a run at its stable answer at once, without waiting for the chunks still under way beyond it', async () => {
    // every worker hangs on the runs beyond the stable answer: a run that waited for them would never end
    const { factory } = simulationEndpoints((_, api) => ({
      ...api,
      run: (runStart, runCount, run) =>
        runStart >= MIN_STABLE_RUNS ? (new Promise<never>(() => {}) as never) : api.run(runStart, runCount, run),
    }));
    const rec = recorder();
    runner(factory, 60_000).run(certain(10_000, true), rec.callbacks);
    const stopped = await rec.ended;
    expect(stopped.runsDone).toBe(MIN_STABLE_RUNS);
    same(stopped, simulateAll(model(certain(MIN_STABLE_RUNS, false))));
    await settle();
    // nothing after the complete result: no failure, no second result, no picture
    expect(rec.log.failed).toEqual([]);
    expect(rec.log.finished).toHaveLength(1);
    expect(rec.log.progress.every((done) => done < MIN_STABLE_RUNS)).toBe(true);
  });

  it('stops where the runs from 0 first give a stable answer, whatever the order chunks arrive in', async () => {
    const uncertain = (runs: number, stop: boolean) =>
      scenarioWith((s) => {
        s.runs = runs;
        s.seed = 11;
        s.members = s.members.slice(0, 3);
        // a merger's probability of being cheaper is near ½ here and needs ≈ 10 000 runs for ±1 pp
        s.paths.sammanlaggning.enabled = false;
        s.stopWhenStable = stop;
      });
    const full = simulateAll(model(uncertain(1500, false)));
    const at = full.stability?.stableAt ?? null;
    expect(at).not.toBeNull();
    expect(at).toBeLessThan(1500);
    const stopped = await run(runner(), uncertain(1500, true));
    expect(stopped.stability?.stableAt).toBe(at);
    expect(stopped.runsDone).toBe(at);
    same(stopped, simulateAll(model(uncertain(at as number, false))));
  });

  it('with quasi-random sampling, stops far earlier on a probability near ½, and is the same as a run of that many', async () => {
    const merger = (runs: number, stop: boolean) =>
      scenarioWith((s) => {
        s.runs = runs;
        s.seed = 11;
        s.members = s.members.slice(0, 3);
        s.stopWhenStable = stop;
        s.sampling = 'rqmc';
      });
    const stopped = await run(runner(), merger(4000, true));
    const at = stopped.stability?.stableAt ?? null;
    // with independent runs the merger's probability near ½ needs ≈ 9 600 runs; here a few thousand at most
    expect(at).not.toBeNull();
    expect(stopped.runsDone).toBe(at);
    expect(stopped.scenario.sampling).toBe('rqmc');
    same(stopped, simulateAll(model(merger(at as number, false))));
  });

  it('answers the latest run’s analyses, and null for them once a newer run has started', async () => {
    const r = runner();
    const s = scenario(300, 7);
    const results = await run(r, s);
    const input = results.paths.asymmetrisk.sensitivity.npvVsStatusQuo[0].input;
    expect(await r.swings([input])).not.toBeNull();
    expect(await r.decision()).not.toBeNull();
    expect((await r.runTable())?.rows).toHaveLength(300);
    const thresholds = r.thresholds(s, { asymmetrisk: [input] }, 100);

    const newer = recorder();
    r.run(scenario(300, 8), newer.callbacks);
    const stale = [r.swings([input]), r.decision(), r.runTable(), thresholds];
    expect(await Promise.all(stale)).toEqual([null, null, null, null]);
    await newer.ended;
    expect(await r.swings([input])).not.toBeNull();
  });

  it('searches thresholds in steps that give the event loop a turn after every slice of re-runs, with the same answer', async () => {
    // a worker stops (terminate) only between tasks: a search in one task would go on beside the next run
    const s = scenario(300, 7);
    const inputs = { asymmetrisk: ['realisationShared', 'governanceOverhead'] } as const;
    const api = createAnalysisApi();
    api.setData(municipalities, smallCatalogue);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    let evaluations = 0;
    const searched = await api.thresholds(s, { ...inputs, asymmetrisk: [...inputs.asymmetrisk] }, 100, (done) => {
      evaluations = done;
    });
    clearInterval(ticker);
    same(
      searched as unknown as Results,
      findThresholds(model(s), { asymmetrisk: [...inputs.asymmetrisk] }, 100) as unknown as Results,
    );
    // every evaluation is at least one slice of 100 re-runs, each followed by a turn of the event loop
    expect(evaluations).toBeGreaterThan(10);
    expect(turns).toBeGreaterThanOrEqual(evaluations);
  });

  it('computes swings and the decision analysis in steps: a newer run is not kept waiting, and they give up (null)', async () => {
    const s = scenario(300, 7);
    const m = model(s);
    const chunk = new Simulator(m).simulateChunk(0, 300);
    const collected = new Accumulator(m, 300);
    collected.add(chunk);
    const api = createAggregateApi();
    api.setData(municipalities, smallCatalogue);
    api.start(s, 300, 1);
    api.add(chunk, 1);
    api.finish(1);
    const inputs: AssumptionId[] = ['realisationShared', 'governanceOverhead'];
    // undisturbed, the same answers as computed in one go
    same((await api.swings(inputs, 1)) as never, oneAtATime(m, inputs) as never);
    same((await api.decision(0, 1)) as never, analyseDecision(collected, 0) as never);
    // a newer run's start arrives while they compute: it is taken between their steps, and they give up
    const swings = api.swings(inputs, 1);
    const decision = api.decision(0, 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.start(s, 300, 2);
    expect(await swings).toBeNull();
    expect(await decision).toBeNull();
  });

  it('keeps nothing of a run once it is done with: the pool lives on, its answers do not (memory of a long workshop)', async () => {
    // workers that never break and answer in time: any wait on them (a worker breaking, a timeout) must
    // let go of the answer it waited for once it has it, or a session keeps every run it ever made
    const r = runner(inProcessEndpoints, 60_000);
    const refs: WeakRef<object>[] = [];
    for (let seed = 1; seed <= 3; seed++) {
      const rec = recorder();
      r.run(scenario(400, seed), {
        ...rec.callbacks,
        progress: (done, results) => {
          refs.push(new WeakRef(results));
          rec.callbacks.progress(done, results);
        },
      });
      refs.push(new WeakRef(await rec.ended));
    }
    await settle();
    expect(refs.length).toBeGreaterThanOrEqual(3);
    expect(await alive(refs)).toBe(0);
  });
});
