import { median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  Accumulator,
  decisiveInputs,
  discountedDifference,
  findThresholds,
  Simulator,
  simulateAll,
  twoWayFrontier,
} from '../../src/engine/index.js';
import { fyrbodal, model, readJson } from '../helpers.js';

const catalogue = readJson('public/data/capabilities.json');

describe('thresholds ("what would have to be true")', () => {
  it('pinning each reported input at its reported threshold gives a median net effect of zero within 1 % of status quo’s cost (default scenario)', () => {
    const m = model(fyrbodal, catalogue);
    const results = simulateAll(m, 1000);
    const inputs = decisiveInputs(results);
    // every enabled path gets at least its strongest input
    for (const [path, r] of Object.entries(results.paths))
      if (path !== 'status-quo' && r.enabled) expect(inputs[path as keyof typeof inputs]?.length).toBeGreaterThan(0);
    const analysis = findThresholds(m, inputs, 100);
    const crossing = analysis.thresholds.filter((t) => t.value !== null);
    expect(crossing.length).toBeGreaterThan(0);
    // an independent re-run: more runs than the search used, the input pinned at the reported value
    const runs = 400;
    const simulator = new Simulator(m);
    for (const t of analysis.thresholds) {
      const at = t.value ?? t.range[0];
      simulator.pin({ [t.input]: at });
      const acc = new Accumulator(m, runs);
      acc.add(simulator.simulateChunk(0, runs));
      const net = median(Array.from(discountedDifference(acc, 'totalCost', t.path)));
      const scale = Math.abs(analysis.statusQuoNpv);
      if (t.value !== null)
        expect(Math.abs(net), `${t.path} ${t.input} = ${t.value}`).toBeLessThanOrEqual(0.01 * scale);
      else if (t.cheaperWhen === 'never')
        expect(net, `${t.path} ${t.input} never cheaper`).toBeGreaterThan(-0.01 * scale);
      else expect(net, `${t.path} ${t.input} always cheaper`).toBeLessThan(0.01 * scale);
      // the search's own check at the threshold is within the same bound
      if (t.check !== null) expect(Math.abs(t.check)).toBeLessThanOrEqual(0.01 * scale);
    }
    // two-way views: on the reported boundary (both inputs pinned there) the median is zero too
    expect(analysis.twoWay.length).toBeGreaterThan(0);
    for (const tw of analysis.twoWay) {
      const frontier = twoWayFrontier(tw).filter((f) => f.y !== null);
      expect(frontier.length, `${tw.path}: no boundary`).toBeGreaterThan(0);
      for (const f of [frontier[0], frontier[frontier.length - 1]]) {
        simulator.pin({ [tw.inputs[0]]: f.x, [tw.inputs[1]]: f.y as number });
        const acc = new Accumulator(m, runs);
        acc.add(simulator.simulateChunk(0, runs));
        const net = median(Array.from(discountedDifference(acc, 'totalCost', tw.path)));
        expect(Math.abs(net), `${tw.path} at ${f.x}, ${f.y}`).toBeLessThanOrEqual(
          0.01 * Math.abs(analysis.statusQuoNpv),
        );
      }
    }
  }, 180_000);
});
