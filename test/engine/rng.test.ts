import { describe, expect, it } from 'vitest';
import { runStream } from '../../src/engine/index.js';

const take = (seed: number, run: number, n = 8) => {
  const rng = runStream(seed, run);
  return Array.from({ length: n }, () => rng());
};

describe('runStream', () => {
  it('depends only on the seed and the run index', () => {
    expect(take(1, 5)).toEqual(take(1, 5));
    expect(take(1, 5)).not.toEqual(take(1, 6));
    expect(take(1, 5)).not.toEqual(take(2, 5));
  });

  it('gives values strictly inside (0, 1)', () => {
    for (let run = 0; run < 200; run++) {
      for (const u of take(99, run, 50)) {
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThan(1);
      }
    }
  });

  it('gives neighbouring runs unrelated first draws', () => {
    const firsts = Array.from({ length: 1000 }, (_, run) => take(2026, run, 1)[0]);
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    const below = firsts.filter((u) => u < 0.1).length;
    expect(below).toBeGreaterThan(70);
    expect(below).toBeLessThan(130);
  });
});
