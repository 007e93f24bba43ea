/** Uniform numbers in [0, 1). Same contract as Math.random, so either can be passed. */
export type Rng = () => number;

/**
 * mulberry32: a tiny, fast, seedable 32-bit generator. The same seed gives the same stream in Node,
 * in Web Workers and in the browser's main thread.
 *
 * @example const rng = mulberry32(7); rng(); // 0.28…
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A well-mixed 32-bit hash of two integers (the finaliser of MurmurHash3 applied twice). Used to derive
 * the seed of run `index` from the scenario seed so that neighbouring runs get unrelated streams.
 */
export function mixSeed(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul(index >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ (index >>> 0), 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x165667b1);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random stream of one Monte Carlo run. It depends only on (scenario seed, run index), never on
 * which worker or chunk computes the run, so results do not depend on how the runs are split.
 * Values lie strictly inside (0, 1), which keeps inverse-CDF sampling away from ±∞.
 */
export function runStream(seed: number, runIndex: number): Rng {
  const next = mulberry32(mixSeed(seed, runIndex));
  return () => next() + 1 / 8589934592; // shift by half a step: (k + 0.5) / 2^32
}
