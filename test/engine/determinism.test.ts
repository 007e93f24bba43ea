import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInThreads } from '../../src/cli/run-threads.js';
import { Accumulator, drain, Simulator, simulateAll, splitRuns } from '../../src/engine/index.js';
import { fyrbodal, model, municipalities, scenarioWith, smallCatalogue } from '../helpers.js';

describe('reproducibility', () => {
  const scenario = scenarioWith((s) => {
    s.runs = 600;
  });
  const m = model(scenario);

  it('gives byte-identical results for 1, 2 and 4 worker threads', async () => {
    const raw: [unknown, unknown, unknown] = [scenario, municipalities, smallCatalogue];
    const one = JSON.stringify(await runInThreads(m, raw, 1));
    const two = JSON.stringify(await runInThreads(m, raw, 2, undefined, 100));
    const four = JSON.stringify(await runInThreads(m, raw, 4, undefined, 200));
    expect(two).toBe(one);
    expect(four).toBe(one);
    expect(JSON.stringify(simulateAll(m))).toBe(one);
  });

  it('simulates a chunk in steps (chunkSteps) exactly as in one go, yielding after every `every` runs', () => {
    const simulator = new Simulator(m);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 250 }),
        fc.integer({ min: 1, max: 60 }),
        (block, runCount, every) => {
          const runStart = block * 100;
          let steps = 0;
          const stepped = drain(simulator.chunkSteps(runStart, runCount, every), () => steps++);
          expect(steps).toBe(Math.ceil(runCount / every) - 1);
          const whole = simulator.simulateChunk(runStart, runCount);
          for (const key of ['totals', 'memberRuns', 'blockSums', 'groupSums', 'draws'] as const)
            expect(Buffer.from(stepped[key].buffer).equals(Buffer.from(whole[key].buffer)), key).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives identical results whatever the chunk order', () => {
    const forward = new Accumulator(m);
    const backward = new Accumulator(m);
    const simulator = new Simulator(m);
    const ranges = splitRuns(600, 200);
    for (const r of ranges) forward.add(simulator.simulateChunk(r.runStart, r.runCount));
    for (const r of [...ranges].reverse()) backward.add(simulator.simulateChunk(r.runStart, r.runCount));
    expect(JSON.stringify(backward.summarize())).toBe(JSON.stringify(forward.summarize()));
  });

  it('splits runs into aligned ranges that cover every run once, small blocks first when asked', () => {
    const ranges = splitRuns(1050, 300, 200, 2);
    expect(ranges.map((r) => [r.runStart, r.runCount])).toEqual([
      [200, 100],
      [300, 100],
      [400, 300],
      [700, 300],
      [1000, 50],
    ]);
    expect(() => splitRuns(1000, 200, 150)).toThrow(RangeError);
    const mixed = new Accumulator(m);
    const simulator = new Simulator(m);
    for (const r of splitRuns(600, 300, 0, 3)) mixed.add(simulator.simulateChunk(r.runStart, r.runCount));
    expect(JSON.stringify(mixed.summarize())).toBe(JSON.stringify(simulateAll(m)));
  });

  it('gives different results for a different seed, and the same for the same seed', () => {
    const other = model(
      scenarioWith((s) => {
        s.runs = 200;
        s.seed = fyrbodal.seed + 1;
      }),
    );
    const same = model(
      scenarioWith((s) => {
        s.runs = 200;
      }),
    );
    const a = simulateAll(same).paths.samverkan.npvVsStatusQuo.p50;
    expect(simulateAll(same).paths.samverkan.npvVsStatusQuo.p50).toBe(a);
    expect(simulateAll(other).paths.samverkan.npvVsStatusQuo.p50).not.toBe(a);
  });

  it('uses common random numbers: every path sees the same draws in a run', () => {
    const results = simulateAll(
      model(
        scenarioWith((s) => {
          s.runs = 300;
        }),
      ),
    );
    // status quo is identical in every path's comparison, so a disabled path equals status quo exactly
    const disabled = simulateAll(
      model(
        scenarioWith((s) => {
          s.runs = 300;
          s.paths.samverkan.enabled = false;
        }),
      ),
    );
    expect(disabled.paths.samverkan.years.map((y) => y.totalCost.mean)).toEqual(
      results.paths['status-quo'].years.map((y) => y.totalCost.mean),
    );
    expect(disabled.paths.asymmetrisk.npvVsStatusQuo).toEqual(results.paths.asymmetrisk.npvVsStatusQuo);
  });
});

describe('running more', () => {
  it('continuing a run of n to 2n gives exactly a single run of 2n', () => {
    const m = model(
      scenarioWith((s) => {
        s.runs = 400;
      }),
    );
    const simulator = new Simulator(m);
    const continued = new Accumulator(m, 400);
    for (const r of splitRuns(400, 200)) continued.add(simulator.simulateChunk(r.runStart, r.runCount));
    const first = continued.summarize();
    continued.grow(800);
    for (const r of splitRuns(800, 200).filter((x) => x.runStart >= 400)) {
      continued.add(simulator.simulateChunk(r.runStart, r.runCount));
    }
    const single = new Accumulator(m, 800);
    for (const r of splitRuns(800, 300)) single.add(simulator.simulateChunk(r.runStart, r.runCount));
    const a = continued.summarize();
    const b = single.summarize();
    expect(a.runsDone).toBe(800);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(first.runsDone).toBe(400);
  });
});
