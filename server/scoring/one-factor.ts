// A one-factor model fitted by maximum likelihood to a correlation matrix, and McDonald's omega from it.
// The estimate is the stationary point of the ML discrepancy that R's factanal(covmat = R, factors = 1)
// finds, reached here by Jöreskog's (1967) alternating iteration so that base R can repeat it step for step
// (docs/scoring.md, "Instrument quality").

/** Uniquenesses are kept at or above this, as factanal's default `lower`, so a Heywood case stays finite. */
export const MIN_UNIQUENESS = 0.005
/** Iteration stops when no uniqueness moves by more than this. */
export const FACTOR_TOLERANCE = 1e-13
export const MAX_FACTOR_ITERATIONS = 20000

export interface OneFactorFit {
  loadings: number[]
  uniquenesses: number[]
  converged: boolean
  iterations: number
}

/**
 * Largest eigenvalue and its unit eigenvector of a symmetric matrix, by cyclic Jacobi rotations: exact to rounding
 * for the few items of a scale, and free of the slow convergence of power iteration when two eigenvalues are close.
 */
export function largestEigen(matrix: readonly (readonly number[])[]): { value: number; vector: number[] } {
  const p = matrix.length
  const a = matrix.map((row) => [...row])
  const v = a.map((_, i) => a.map((__, j): number => (i === j ? 1 : 0)))
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i]![j]! * a[i]![j]!
    if (off < 1e-30) break
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = a[i]![j]!
        if (aij === 0) continue
        const theta = (a[j]![j]! - a[i]![i]!) / (2 * aij)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < p; k++) {
          const aki = a[k]![i]!
          const akj = a[k]![j]!
          a[k]![i] = c * aki - s * akj
          a[k]![j] = s * aki + c * akj
        }
        for (let k = 0; k < p; k++) {
          const aik = a[i]![k]!
          const ajk = a[j]![k]!
          a[i]![k] = c * aik - s * ajk
          a[j]![k] = s * aik + c * ajk
        }
        for (let k = 0; k < p; k++) {
          const vki = v[k]![i]!
          const vkj = v[k]![j]!
          v[k]![i] = c * vki - s * vkj
          v[k]![j] = s * vki + c * vkj
        }
      }
    }
  }
  let best = 0
  for (let i = 1; i < p; i++) if (a[i]![i]! > a[best]![best]!) best = i
  return { value: a[best]![best]!, vector: v.map((row) => row[best]!) }
}

/**
 * ML one-factor loadings of a correlation matrix. Given uniquenesses ψ, the loadings are ψ^½ · v · √(θ − 1) with θ, v
 * the largest eigenpair of ψ^-½ R ψ^-½; given the loadings, ψ = 1 − λ² (at least MIN_UNIQUENESS). Both hold at the
 * ML estimate (Lawley & Maxwell 1971, ch. 4). Starts from ψ = 0.5; the loadings' signs are chosen so they sum ≥ 0.
 */
export function oneFactorMl(correlations: readonly (readonly number[])[]): OneFactorFit {
  const p = correlations.length
  let psi = new Array<number>(p).fill(0.5)
  let loadings = new Array<number>(p).fill(0)
  for (let iteration = 1; iteration <= MAX_FACTOR_ITERATIONS; iteration++) {
    const scale = psi.map((u) => 1 / Math.sqrt(u))
    const scaled = correlations.map((row, i) => row.map((r, j) => scale[i]! * r * scale[j]!))
    const { value, vector } = largestEigen(scaled)
    const stretch = Math.sqrt(Math.max(value - 1, 0))
    loadings = vector.map((x, i) => Math.sqrt(psi[i]!) * x * stretch)
    if (loadings.reduce((a, b) => a + b, 0) < 0) loadings = loadings.map((x) => -x)
    const next = loadings.map((l) => Math.max(1 - l * l, MIN_UNIQUENESS))
    const moved = Math.max(...next.map((u, i) => Math.abs(u - psi[i]!)))
    psi = next
    if (moved < FACTOR_TOLERANCE) return { loadings, uniquenesses: psi, converged: true, iterations: iteration }
  }
  return { loadings, uniquenesses: psi, converged: false, iterations: MAX_FACTOR_ITERATIONS }
}

/** McDonald's omega total of a one-factor fit: (Σλ)² / ((Σλ)² + Σψ), the model-implied share of the sum's variance. */
export function omegaTotal(fit: Pick<OneFactorFit, 'loadings' | 'uniquenesses'>): number {
  const common = fit.loadings.reduce((a, b) => a + b, 0) ** 2
  return common / (common + fit.uniquenesses.reduce((a, b) => a + b, 0))
}
