// Mann-Whitney U test, two-sided, as benchstat uses it to tell a change from noise. Exact
// distribution for small samples without ties; normal approximation with tie correction otherwise.

export interface MannWhitneyResult {
  u: number;
  p: number;
}

function ranks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.value === order[i]?.value) j += 1;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k += 1) result[order[k]?.index ?? 0] = rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { ranks: result, tieTerm };
}

/** Number of ways to reach each U with samples of size m and n (no ties), by recurrence. */
function exactUDistribution(m: number, n: number): number[] {
  // counts[i][j][u] built incrementally over j for fixed i would be large; use the standard
  // recurrence f(m, n, u) = f(m - 1, n, u - n) + f(m, n - 1, u) with memoisation.
  const memo = new Map<string, number[]>();
  const f = (a: number, b: number): number[] => {
    const key = `${a},${b}`;
    const cached = memo.get(key);
    if (cached) return cached;
    let result: number[];
    if (a === 0 || b === 0) result = [1];
    else {
      const left = f(a - 1, b);
      const right = f(a, b - 1);
      result = new Array<number>(a * b + 1).fill(0);
      left.forEach((ways, u) => (result[u + b] = (result[u + b] ?? 0) + ways));
      right.forEach((ways, u) => (result[u] = (result[u] ?? 0) + ways));
    }
    memo.set(key, result);
    return result;
  };
  return f(m, n);
}

function normalCdf(z: number): number {
  // Abramowitz-Stegun 7.1.26 via erf
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-((z / Math.SQRT2) ** 2));
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) return { u: 0, p: 1 };
  const { ranks: r, tieTerm } = ranks([...x, ...y]);
  const rankSumX = r.slice(0, m).reduce((a, b) => a + b, 0);
  const ux = rankSumX - (m * (m + 1)) / 2;
  const u = Math.min(ux, m * n - ux);
  if (tieTerm === 0 && m * n <= 2_500) {
    const dist = exactUDistribution(m, n);
    const totalWays = dist.reduce((a, b) => a + b, 0);
    let tail = 0;
    for (let k = 0; k <= Math.floor(u); k += 1) tail += dist[k] ?? 0;
    return { u, p: Math.min(1, (2 * tail) / totalWays) };
  }
  const mean = (m * n) / 2;
  const variance = ((m * n) / 12) * (m + n + 1 - tieTerm / ((m + n) * (m + n - 1)));
  if (variance <= 0) return { u, p: 1 };
  const z = (Math.abs(ux - mean) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * (1 - normalCdf(z))) };
}
