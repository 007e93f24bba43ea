import { median } from 'simple-statistics';
import { describe, expect, it, vi } from 'vitest';
import {
  Accumulator,
  decisiveInputs,
  discountedDifference,
  findThresholds,
  SEARCH_STEP_RUNS,
  Simulator,
  simulateAll,
  thresholdSearch,
  twoWayFrontier,
} from '../../src/engine/index.js';
import { fyrbodal, model, readJson } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json');

describe('thresholds ("what would have to be true")', () => {
  it('searches in steps of at most SEARCH_STEP_RUNS re-runs (a stopped worker stops within one step)', () => {
    const m = model(fyrbodal);
    const inputs = { asymmetrisk: ['realisationShared', 'governanceOverhead'] } as const;
    // every run of a Simulator passes through runOne
    const runOne = vi.spyOn(Simulator.prototype as unknown as { runOne: () => void }, 'runOne');
    try {
      const steps = thresholdSearch(m, { asymmetrisk: [...inputs.asymmetrisk] }, 100);
      let largest = 0;
      let total = 0;
      for (;;) {
        runOne.mockClear();
        const next = steps.next();
        largest = Math.max(largest, runOne.mock.calls.length);
        total += runOne.mock.calls.length;
        if (next.done) break;
      }
      expect(total).toBeGreaterThan(20 * SEARCH_STEP_RUNS);
      expect(largest).toBeLessThanOrEqual(SEARCH_STEP_RUNS);
    } finally {
      runOne.mockRestore();
    }
  });

  it('each reported threshold of the default scenario holds on runs the search never saw', () => {
    const m = model(fyrbodal, catalogue);
    const results = simulateAll(m, 1000);
    const inputs = decisiveInputs(results);
    // every enabled path gets at least its strongest input
    for (const [path, r] of Object.entries(results.paths))
      if (path !== 'status-quo' && r.enabled) expect(inputs[path as keyof typeof inputs]?.length).toBeGreaterThan(0);
    const analysis = findThresholds(m, inputs, 100);
    expect(analysis.thresholds.some((t) => t.value !== null)).toBe(true);
    // independent runs: 1000 … 1399, none of which the search (0 … 99) or its check (100 … 199) used
    const runs = 400;
    const FROM = 1000;
    const simulator = new Simulator(m);
    const medianAt = (path: (typeof analysis.thresholds)[number]['path'], pins: Record<string, number>) => {
      simulator.pin(pins);
      const acc = new Accumulator(m, FROM + runs);
      acc.add(simulator.simulateChunk(FROM, runs));
      simulator.pin({});
      return median(Array.from(discountedDifference(acc, 'totalCost', path)));
    };
    const scale = Math.abs(analysis.statusQuoNpv);
    for (const t of analysis.thresholds) {
      const name = `${t.path} ${t.input}`;
      // a step of 3 % of the searched range either side must change the sign, in the reported direction
      const delta = 0.03 * (t.range[1] - t.range[0]);
      if (t.value !== null) {
        const below = medianAt(t.path, { [t.input]: Math.max(t.range[0], t.value - delta) });
        const above = medianAt(t.path, { [t.input]: Math.min(t.range[1], t.value + delta) });
        if (t.cheaperWhen === 'above') {
          expect(above, `${name}: cheaper above ${t.value}`).toBeLessThan(0);
          expect(below, `${name}: dearer below ${t.value}`).toBeGreaterThan(0);
        } else {
          expect(below, `${name}: cheaper below ${t.value}`).toBeLessThan(0);
          expect(above, `${name}: dearer above ${t.value}`).toBeGreaterThan(0);
        }
        expect(Math.abs(medianAt(t.path, { [t.input]: t.value })), name).toBeLessThanOrEqual(0.01 * scale);
        // the bootstrap error is small beside the step, or the step test above would mean little
        expect(t.se, name).not.toBeNull();
        expect(t.se as number, name).toBeLessThan(delta);
      } else {
        for (const x of [t.range[0], (t.range[0] + t.range[1]) / 2, t.range[1]]) {
          const net = medianAt(t.path, { [t.input]: x });
          if (t.cheaperWhen === 'never') expect(net, `${name} never cheaper, at ${x}`).toBeGreaterThanOrEqual(0);
          else expect(net, `${name} always cheaper, at ${x}`).toBeLessThan(0);
        }
      }
    }
    // two-way views: on the reported boundary (both inputs pinned there) the median is zero too
    expect(analysis.twoWay.length).toBeGreaterThan(0);
    for (const tw of analysis.twoWay) {
      const frontier = twoWayFrontier(tw).filter((f) => f.y !== null);
      expect(frontier.length, `${tw.path}: no boundary`).toBeGreaterThan(0);
      for (const f of [frontier[0], frontier[frontier.length - 1]]) {
        const net = medianAt(tw.path, { [tw.inputs[0]]: f.x, [tw.inputs[1]]: f.y as number });
        expect(Math.abs(net), `${tw.path} at ${f.x}, ${f.y}`).toBeLessThanOrEqual(0.01 * scale);
      }
    }
  }, 240_000);

  it('gives the share of the assumption on the paying side in the reported direction', () => {
    const m = model(fyrbodal, catalogue);
    const analysis = findThresholds(m, { sammanlaggning: ['realisationMerger'] }, 60);
    const [t] = analysis.thresholds;
    expect(t.value).not.toBeNull();
    // the run's own draws of the input, on the side where the path pays off
    const acc = new Accumulator(m, 1000);
    acc.add(new Simulator(m).simulateChunk(0, 1000));
    const draws = Array.from(acc.drawSamples(t.input));
    const beyond = draws.filter((x) => (t.cheaperWhen === 'above' ? x > (t.value as number) : x < (t.value as number)));
    expect(Math.abs(beyond.length / draws.length - t.priorShareCheaper)).toBeLessThan(0.04);
  }, 120_000);
});
