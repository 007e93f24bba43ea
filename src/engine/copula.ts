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
