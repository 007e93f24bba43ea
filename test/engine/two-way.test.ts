import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputValue } from '../../src/charts/decision-words.js';
import { twoWayChart, twoWaySentence } from '../../src/charts/two-way.js';
import { assumptionDef, shareWhere, type TwoWay, twoWayFrontier, twoWayThresholdAt } from '../../src/engine/index.js';

/** A two-way grid whose median is the plane m(x, y) = c·(y·b − x + a) (exactly linear, so interpolation is exact). */
function planeGrid(a: number, b: number): TwoWay {
  const xs = [0, 0.25, 0.5, 0.75, 1];
  const ys = [0, 0.5, 1, 1.5, 2];
  const m = (x: number, y: number) => 1e8 * (y * b - x + a);
  return {
    path: 'samverkan',
    inputs: ['realisationShared', 'governanceOverhead'],
    runs: 100,
    ranges: [
      [0, 1],
      [0, 2],
    ],
    priorRanges: [
      [0, 0.3],
      [0.6, 1.8],
    ],
    xs,
    ys,
    medianNpv: xs.map((x) => ys.map((y) => m(x, y))),
    probCheaper: xs.map((x) => ys.map((y) => (m(x, y) < 0 ? 0.8 : 0.2))),
  };
}

describe('two-way boundary', () => {
  it('finds the exact zero line of a linear median surface, both ways', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.4, noNaN: true }),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        (a, b) => {
          const tw = planeGrid(a, b);
          // x* = a + b·y: the first input's threshold with the second held at y
          for (const y of [0, 0.6, 1.1, 1.8]) {
            const x = a + b * y;
            const found = twoWayThresholdAt(tw, y);
            if (x > 0 && x < 1) expect(found).toBeCloseTo(x, 9);
            else expect(found).toBeNull();
          }
          // y* = (x − a)/b along the first input's grid values
          for (const f of twoWayFrontier(tw)) {
            const y = (f.x - a) / b;
            if (y > 0 && y < 2) expect(f.y).toBeCloseTo(y, 9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('states the thresholds the grid gives, with the assumed low and high of the second input', () => {
    const tw = planeGrid(0.2, 0.15);
    const sentence = twoWaySentence(tw, 'sv');
    const [first, second] = tw.inputs.map(assumptionDef);
    for (const y of tw.priorRanges[1]) {
      expect(sentence).toContain(inputValue(second, y, 'sv'));
      expect(sentence).toContain(inputValue(first, twoWayThresholdAt(tw, y) as number, 'sv'));
    }
    const chart = twoWayChart(tw, 'en');
    expect(chart.table.rows).toHaveLength(tw.xs.length * tw.ys.length);
  });
});

describe('a median that crosses zero more than once', () => {
  it('counts the share of the assumption where the median is below zero, not one side of the first crossing', () => {
    const prior = { dist: 'uniform', low: 0, high: 0.3, source: 'antagande: test' } as const;
    // cheaper (below zero) only between 0.05 and 0.20: the quadratic (x − 0.05)(x − 0.20)
    const xs = Array.from({ length: 31 }, (_, i) => i / 100);
    const ys = xs.map((x) => (x - 0.05) * (x - 0.2));
    // a uniform on 0–0.3 puts half its mass on 0.05–0.20
    expect(shareWhere(prior, xs, ys)).toBeCloseTo(0.5, 2);
  });
});
