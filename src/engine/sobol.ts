/**
 * Scrambled Sobol points (randomised quasi-Monte Carlo, issue #20). Point i of a scenario depends only on
 * (scenario seed, i), like a run's pseudo-random stream (rng.ts), so any split of the runs into ranges gives
 * the same points. The first 2^m points of every one-dimensional projection hold exactly one point in each
 * interval [k·2^-m, (k+1)·2^-m), before and after scrambling (a (t, m, s)-net in base 2).
 *
 * Construction: Sobol's sequence with the direction numbers of Joe and Kuo (below), point i computed
 * directly from the bits of i (not in Gray-code order, so point i is the same whatever was computed
 * before). Randomisation: a nested uniform (Owen-style) scramble of each coordinate by a hash keyed on
 * (seed, dimension) — Burley, "Practical hash-based Owen scrambling", JCGT 9(4), 2020: reverse the bits,
 * apply a Laine–Karras permutation (each bit is flipped by a function of the bits before it, which keeps
 * every dyadic interval's points in one dyadic interval of the same size), reverse back.
 */
import { mixSeed } from './rng.js';

/**
 * Direction numbers for dimensions 2…40 as [s, a, m_1 … m_s]: degree s of the primitive polynomial, its
 * inner coefficients a, and the initial direction numbers m_k. Data copied from S. Joe and F. Y. Kuo,
 * "new-joe-kuo-6.21201" (https://web.maths.unsw.edu.au/~fkuo/sobol/, lines d = 2…40), from "Constructing
 * Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654.
 * Dimension 1 is the van der Corput sequence (all m_k = 1).
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
  [7, 50, 1, 3, 1, 3, 5, 53, 69],
  [7, 55, 1, 1, 5, 5, 23, 33, 13],
  [7, 56, 1, 1, 7, 7, 1, 61, 123],
  [7, 59, 1, 1, 7, 9, 13, 61, 49],
  [7, 62, 1, 3, 3, 5, 3, 55, 33],
  [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
  [8, 21, 1, 3, 5, 15, 31, 59, 63, 97],
  [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
];

/** Dimensions available (the van der Corput dimension and the table's rows). */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Bits per coordinate: points 0 … 2^32 − 1. */
const BITS = 32;

/**
 * Direction numbers v_{j,b} (left-aligned 32-bit integers), row-major [dimension][bit], by the recurrence
 * of Bratley and Fox (ACM TOMS 14, 1988) as Joe and Kuo implement it. O(dimensions × 32).
 */
export function sobolDirections(dimensions: number): Uint32Array {
  if (dimensions > SOBOL_MAX_DIMENSIONS) throw new RangeError(`at most ${SOBOL_MAX_DIMENSIONS} dimensions`);
  const v = new Uint32Array(dimensions * BITS);
  for (let b = 0; b < BITS; b++) v[b] = 2 ** (31 - b);
  for (let j = 1; j < dimensions; j++) {
    const [s, a, ...m] = JOE_KUO[j - 1];
    const row = j * BITS;
    for (let b = 0; b < s; b++) v[row + b] = m[b] * 2 ** (31 - b);
    for (let b = s; b < BITS; b++) {
      let x = v[row + b - s] ^ (v[row + b - s] >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[row + b - k];
      v[row + b] = x >>> 0;
    }
  }
  return v;
}

/** Reverse the 32 bits of x. */
function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/**
 * Burley's (2020) Laine–Karras-style permutation: bit k of the result is bit k of x flipped by a function
 * of bits 0 … k − 1 and the key, so every bit prefix maps one-to-one.
 */
function laineKarras(x: number, key: number): number {
  x = (x + key) >>> 0;
  x ^= Math.imul(x, 0x6c50b47c);
  x ^= Math.imul(x, 0xb82f1e52);
  x ^= Math.imul(x, 0xc7afe638);
  x ^= Math.imul(x, 0x8d22f6e6);
  return x >>> 0;
}

/** A nested uniform scramble of a 32-bit coordinate: digits are flipped by the digits above them. */
export function owenScramble(x: number, key: number): number {
  return reverseBits(laineKarras(reverseBits(x), key));
}

/**
 * Independent scrambles of the same Sobol sequence, interleaved: run i takes point ⌊i/R⌋ of replicate
 * i mod R. So the first n runs (n a multiple of R) hold the first n/R points of each of R independent
 * randomisations, and the Monte Carlo error of an estimate can be read from the spread of the replicates'
 * own estimates (stability.ts) — the iid formulas do not hold for quasi-random points. `replicates` 1 gives
 * one scrambled sequence; `scramble` false the unscrambled sequence (for tests). Each coordinate is
 * (integer + 0.5) / 2^32, strictly inside (0, 1). O(dimensions × log2 i) per point.
 *
 * @example const s = new ScrambledSobol(20260101, 29, 10); const u = new Float64Array(29); s.point(0, u);
 */
export class ScrambledSobol {
  private readonly v: Uint32Array;
  /** [replicate][dimension]: the scramble's key. */
  private readonly keys: Uint32Array;

  constructor(
    seed: number,
    readonly dimensions: number,
    readonly replicates = 1,
    private readonly scramble = true,
  ) {
    this.v = sobolDirections(dimensions);
    this.keys = new Uint32Array(replicates * dimensions);
    // a salt keeps the keys apart from the runs' own streams (mixSeed(seed, runIndex))
    for (let r = 0; r < replicates; r++) {
      const replicateSeed = mixSeed((seed ^ 0x5b0b5eed) >>> 0, r);
      for (let j = 0; j < dimensions; j++) this.keys[r * dimensions + j] = mixSeed(replicateSeed, j);
    }
  }

  /** The 32-bit coordinates of run `runIndex`'s point (0 ≤ runIndex / replicates < 2^32) into out. */
  integers(runIndex: number, out: Uint32Array | Float64Array): void {
    const { v, dimensions, replicates } = this;
    const key = (runIndex % replicates) * dimensions;
    const index = Math.floor(runIndex / replicates);
    for (let j = 0; j < dimensions; j++) {
      let x = 0;
      let i = index >>> 0;
      for (let b = j * BITS; i !== 0; b++, i >>>= 1) if (i & 1) x ^= v[b];
      out[j] = this.scramble ? owenScramble(x >>> 0, this.keys[key + j]) : x >>> 0;
    }
  }

  /** Run `runIndex`'s point as uniforms in (0, 1) into out[0 … dimensions − 1]. */
  point(runIndex: number, out: Float64Array): void {
    this.integers(runIndex, out);
    for (let j = 0; j < this.dimensions; j++) out[j] = (out[j] + 0.5) / 4294967296;
  }
}
