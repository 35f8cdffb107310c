import type { Range } from "../debt/item";

// A three-point estimate as a triangular distribution (issue 17, item 7): the inverse of its
// cumulative distribution, so a uniform u in [0, 1) becomes a draw between low and high, most
// often near likely. A single figure (low = likely = high) is returned as it is, exactly, so a
// model without ranges simulates to its deterministic figures.

/** A range with the products its draws need, worked out once (a simulation draws it 10,000 times). */
export interface TriangularSampler extends Range {
  /** the share of draws below likely: (likely - low) / (high - low), 0 for a single figure */
  likelyShare: number;
  lowArea: number;
  highArea: number;
}

export function triangularSampler(range: Range): TriangularSampler {
  const { low, likely, high } = range;
  const width = high - low;
  return {
    low,
    likely,
    high,
    likelyShare: width > 0 ? (likely - low) / width : 0,
    lowArea: width * (likely - low),
    highArea: width * (high - likely),
  };
}

export function drawTriangular(sampler: TriangularSampler, u: number): number {
  const { low, likely, high } = sampler;
  // each branch is held to its side of likely, so the last bit of a square root can neither carry
  // a draw out of its range nor make the draws step back where the branches meet; a single figure
  // takes the second branch and comes out as high, which is likely
  if (u < sampler.likelyShare) return Math.max(low, Math.min(likely, low + Math.sqrt(u * sampler.lowArea)));
  return Math.min(high, Math.max(likely, high - Math.sqrt((1 - u) * sampler.highArea)));
}

export function triangular(u: number, range: Range): number {
  return drawTriangular(triangularSampler(range), u);
}
