import { describe, expect, it } from 'vitest';
import {
  Accumulator,
  ASSUMPTION_IDS,
  mulberry32,
  PROBABILITY_TOLERANCE,
  pathStability,
  RQMC_REPLICATES,
  replicateStability,
  Simulator,
  simulateAll,
  splitRuns,
  studentT975,
} from '../../src/engine/index.js';
import { owenScramble, ScrambledSobol, sobolDirections } from '../../src/engine/sobol.js';
import { model, scenarioWith } from '../helpers.js';

const K = ASSUMPTION_IDS.length;

/** The first n points (run indices `first`, `first + step`, …) of a sequence, per dimension. */
function points(s: ScrambledSobol, n: number, first = 0, step = 1): Float64Array[] {
  const out = Array.from({ length: s.dimensions }, () => new Float64Array(n));
  const u = new Float64Array(s.dimensions);
  for (let i = 0; i < n; i++) {
    s.point(first + i * step, u);
    for (let j = 0; j < s.dimensions; j++) out[j][i] = u[j];
  }
  return out;
}

/** Whether each of the n = 2^m values lies alone in its interval [k/n, (k+1)/n). */
const stratified = (x: Float64Array) => {
  const seen = new Uint8Array(x.length);
  for (const v of x) seen[Math.floor(v * x.length)]++;
  return seen.every((c) => c === 1);
};

describe('scrambled Sobol points (sampling: rqmc)', () => {
  it('are Sobol’s sequence with the Joe–Kuo directions before scrambling', () => {
    const s = new ScrambledSobol(1, 3, 1, false);
    const [x, y, z] = points(s, 4);
    const half = (v: number) => (v * 4294967296 - 0.5) / 4294967296; // (integer + 0.5)/2^32 → integer/2^32
    expect(Array.from(x, half)).toEqual([0, 0.5, 0.25, 0.75]);
    expect(Array.from(y, half)).toEqual([0, 0.5, 0.75, 0.25]);
    expect(Array.from(z, half)).toEqual([0, 0.5, 0.75, 0.25]);
    // the first direction number of every dimension is 1/2, and m_1 … m_s are odd and below 2^k
    const v = sobolDirections(40);
    for (let j = 0; j < 40; j++) expect(v[j * 32]).toBe(2 ** 31);
  });

  it('put exactly one point in each interval of width 2^-m in every dimension, before and after scrambling, in each replicate', () => {
    const n = 2 ** 10;
    expect(points(new ScrambledSobol(7, K, 1, false), n).every(stratified)).toBe(true);
    for (const seed of [0, 20260101, 4294967295])
      expect(points(new ScrambledSobol(seed, K), n).every(stratified)).toBe(true);
    // replicate r of R: runs r, r + R, r + 2R, …
    const R = RQMC_REPLICATES;
    const interleaved = new ScrambledSobol(20260101, K, R);
    for (const r of [0, R - 1]) expect(points(interleaved, 256, r, R).every(stratified)).toBe(true);
  });

  it('keep the two-dimensional net of the first two dimensions (t = 0) after scrambling', () => {
    const n = 2 ** 8;
    const [x, y] = points(new ScrambledSobol(99, 2), n);
    for (let a = 0; a <= 8; a++) {
      const boxes = new Uint8Array(n);
      for (let i = 0; i < n; i++) boxes[(Math.floor(x[i] * 2 ** a) << (8 - a)) | Math.floor(y[i] * 2 ** (8 - a))]++;
      expect(boxes.every((c) => c === 1)).toBe(true);
    }
  });

  it('scramble each dyadic interval onto one of the same size, and differ by seed and by replicate', () => {
    const rng = mulberry32(3);
    for (let k = 0; k < 200; k++) {
      const x = Math.floor(rng() * 2 ** 32);
      const y = (x ^ (1 << Math.floor(rng() * 20))) >>> 0;
      // points sharing their top d bits still do after scrambling
      const d = Math.clz32(x ^ y);
      expect(Math.clz32(owenScramble(x, 12345) ^ owenScramble(y, 12345))).toBe(d);
    }
    const u = new Float64Array(K);
    const w = new Float64Array(K);
    new ScrambledSobol(1, K).point(5, u);
    new ScrambledSobol(2, K).point(5, w);
    expect(u).not.toEqual(w);
    new ScrambledSobol(1, K, 2).point(0, u);
    new ScrambledSobol(1, K, 2).point(1, w);
    expect(u).not.toEqual(w);
    for (const x of u) expect(x > 0 && x < 1).toBe(true);
  });

  it('give bit-identical results for any split of the runs into chunks, and other results than plain MC', () => {
    const rqmc = model(
      scenarioWith((s) => {
        s.runs = 400;
        s.sampling = 'rqmc';
      }),
    );
    const whole = JSON.stringify(simulateAll(rqmc));
    const simulator = new Simulator(rqmc);
    const acc = new Accumulator(rqmc);
    for (const r of [...splitRuns(400, 200, 0, 2)].reverse()) acc.add(simulator.simulateChunk(r.runStart, r.runCount));
    expect(JSON.stringify(acc.summarize())).toBe(whole);
    const mc = simulateAll(
      model(
        scenarioWith((s) => {
          s.runs = 400;
          delete s.sampling;
        }),
      ),
    );
    expect(JSON.stringify(mc)).not.toBe(whole);
    // the results say so; plain results do not carry the field at all
    expect(JSON.parse(whole).scenario.sampling).toBe('rqmc');
    expect('sampling' in mc.scenario).toBe(false);
    // 'mc' written out is the default
    const explicit = simulateAll(model(scenarioWith((s) => Object.assign(s, { runs: 400, sampling: 'mc' }))));
    expect(JSON.stringify(explicit)).toBe(JSON.stringify(mc));
  }, 30_000);

  it('agree with plain MC on the answer within its error at 1 000 runs', () => {
    const results = (sampling: 'mc' | 'rqmc') =>
      simulateAll(model(scenarioWith((s) => Object.assign(s, { runs: 1000, sampling })))).paths.sammanlaggning;
    const [mc, rq] = [results('mc'), results('rqmc')];
    // plain MC's own 95 % error at 1 000 runs is about ±3.1 pp on a probability near ½
    expect(Math.abs((mc.probCheaper ?? 0) - (rq.probCheaper ?? 0))).toBeLessThan(0.045);
    const scale = Math.abs(mc.npvVsStatusQuo.p90 - mc.npvVsStatusQuo.p10);
    expect(Math.abs(mc.npvVsStatusQuo.p50 - rq.npvVsStatusQuo.p50)).toBeLessThan(0.1 * scale);
  }, 30_000);
});

describe('stability from replicates', () => {
  it('uses Student’s t with R − 1 degrees of freedom', () => {
    expect(studentT975(9)).toBeCloseTo(2.262, 3);
    expect(studentT975(19)).toBeCloseTo(2.093, 3);
    expect(studentT975(1e6)).toBeCloseTo(1.96, 3);
  });

  it('reads the error from the spread of the replicates: small when they agree, as iid when they are iid', () => {
    const n = 4000;
    const R = 10;
    const SQ = 1e9;
    const sq = new Float64Array(n).fill(SQ);
    // iid normal runs: the replicate error is about the iid error (in expectation), never zero
    const rng = mulberry32(11);
    const iid = Float64Array.from(
      { length: n },
      () => 60e6 * Math.sqrt(-2 * Math.log(rng())) * Math.cos(2 * Math.PI * rng()),
    );
    const a = replicateStability('samverkan', iid, sq, R);
    const b = pathStability('samverkan', iid, sq);
    expect(a.probabilityError / b.probabilityError).toBeGreaterThan(0.5);
    expect(a.probabilityError / b.probabilityError).toBeLessThan(1.8);
    // replicates that are evenly spread versions of each other (a stratified sample in each): far smaller
    const strat = Float64Array.from({ length: n }, (_, i) => {
      const u = (Math.floor(i / R) + 0.5 + 0.01 * (i % R)) / (n / R);
      return u < 0.5 ? -1e6 - u * 1e6 : 1e6 + u * 1e6;
    });
    const c = replicateStability('samverkan', strat, sq, R);
    expect(c.probabilityError).toBeLessThan(PROBABILITY_TOLERANCE / 4);
    expect(c.stable).toBe(true);
    // replicates that agree exactly fall back on the iid interval: a probability is never exact
    const never = new Float64Array(n).fill(5e6);
    expect(replicateStability('samverkan', never, sq, R).probabilityError).toBe(
      pathStability('samverkan', never, sq).probabilityError,
    );
    // too few runs per replicate: not stable
    expect(replicateStability('samverkan', iid.subarray(0, 15), sq.subarray(0, 15), R).stable).toBe(false);
  });
});
