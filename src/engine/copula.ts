import { errorFunction, probit } from 'simple-statistics';

/**
 * The Pearson correlation of a Gaussian copula that gives a wanted Spearman rank correlation:
 * r = 2·sin(π·ρ_s/6). See https://en.wikipedia.org/wiki/Copula_(probability_theory)#Gaussian_copula.
 */
export const pearsonForRank = (rho: number): number => 2 * Math.sin((Math.PI * rho) / 6);

/**
 * Cholesky factor L (lower triangular, row-major) of a symmetric matrix A = L·Lᵀ, or null when A is not
 * positive semi-definite (within 1e-10). O(n³). See https://en.wikipedia.org/wiki/Cholesky_decomposition.
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (sum < -1e-10) return null;
        l[i * n + i] = Math.sqrt(Math.max(0, sum));
      } else {
        const d = l[j * n + j];
        l[i * n + j] = d > 1e-12 ? sum / d : 0;
        if (d <= 1e-12 && Math.abs(sum) > 1e-8) return null;
      }
    }
  }
  return l;
}

/** Standard normal CDF Φ(x) = (1 + erf(x/√2))/2, via simple-statistics' errorFunction. */
const phi = (x: number): number => 0.5 * (1 + errorFunction(x / Math.SQRT2));

/**
 * Impose correlations on uniforms in place (Gaussian copula): the uniforms at `indices` are mapped to
 * normals, mixed by the Cholesky factor, and mapped back. Each uniform keeps its uniform marginal, so
 * every input keeps its own distribution. `scratch` must hold `indices.length` numbers. O(m²).
 */
export function correlateUniforms(
  u: Float64Array,
  indices: Int32Array,
  factor: Float64Array,
  scratch: Float64Array,
): void {
  const m = indices.length;
  for (let i = 0; i < m; i++) scratch[i] = probit(u[indices[i]]);
  for (let i = m - 1; i >= 0; i--) {
    let z = 0;
    for (let k = 0; k <= i; k++) z += factor[i * m + k] * scratch[k];
    // keep strictly inside (0, 1) so the quantile functions stay finite
    u[indices[i]] = Math.min(1 - 1e-12, Math.max(1e-12, phi(z)));
  }
}

/**
 * The copula of a run in which some correlated inputs are pinned: their normal scores are fixed, and
 * the others are drawn from their distribution conditional on them, each with the run's own uniform
 * (the correlations hold; see docs/model.md §13). Prepared once per set of pins by `pinnedCopula`.
 */
export interface PinnedCopula {
  /** Input indices, the pinned ones first. */
  indices: Int32Array;
  /** Cholesky factor of the correlation matrix in that order. */
  factor: Float64Array;
  /** Normal scores Φ⁻¹(F(x)) of the pinned values, in the order of `indices`. */
  scores: Float64Array;
}

/**
 * Reorder a copula (indices and Cholesky factor L of its correlation matrix R = L·Lᵀ) so that the
 * `pinned` inputs (with their uniforms F(x)) come first. Null when none of them is correlated.
 */
export function pinnedCopula(
  indices: Int32Array,
  factor: Float64Array,
  pinned: Map<number, number>,
): PinnedCopula | null {
  const m = indices.length;
  const order = [...indices.keys()].sort(
    (a, b) => Number(!pinned.has(indices[a])) - Number(!pinned.has(indices[b])) || a - b,
  );
  const count = order.filter((i) => pinned.has(indices[i])).length;
  if (count === 0) return null;
  // R = L·Lᵀ, permuted, factored again
  const r = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += factor[order[i] * m + k] * factor[order[j] * m + k];
      r[i * m + j] = sum;
    }
  const l = cholesky(r, m);
  if (!l) return null;
  const permuted = Int32Array.from(order, (i) => indices[i]);
  const scores = Float64Array.from({ length: count }, (_, i) =>
    probit(Math.min(1 - 1e-12, Math.max(1e-12, pinned.get(permuted[i]) as number))),
  );
  return { indices: permuted, factor: l, scores };
}

/**
 * As correlateUniforms, with the copula's pinned inputs first: their correlated normals are the fixed
 * scores (the independent normals behind them solved from L), and each other input is mixed from those
 * and its own uniform, so it follows its distribution conditional on the pinned values.
 */
export function correlatePinned(u: Float64Array, copula: PinnedCopula, scratch: Float64Array): void {
  const { indices, factor, scores } = copula;
  const m = indices.length;
  const p = scores.length;
  // independent normals of the pinned ones: solve L[0:p, 0:p]·z = scores (forward substitution)
  for (let i = 0; i < p; i++) {
    let s = scores[i];
    for (let k = 0; k < i; k++) s -= factor[i * m + k] * scratch[k];
    scratch[i] = factor[i * m + i] > 0 ? s / factor[i * m + i] : 0;
  }
  for (let i = p; i < m; i++) scratch[i] = probit(u[indices[i]]);
  for (let i = m - 1; i >= p; i--) {
    let z = 0;
    for (let k = 0; k <= i; k++) z += factor[i * m + k] * scratch[k];
    u[indices[i]] = Math.min(1 - 1e-12, Math.max(1e-12, phi(z)));
  }
}
