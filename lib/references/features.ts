/**
 * The space custom references live in: the engine's named dense features (fingerprint()), standardised with a
 * fixed mean and sd and clipped, like the engine standardises its own dense block. Only the named features:
 * they depend on the feature set alone, not on the bundled model's weights, so a custom reference survives a
 * retrained signature file (docs/signature-pack.md says why the hashed n-grams are not used).
 */

export interface Standardization {
  /** Dense feature names, in vector order. */
  names: string[];
  mean: number[];
  sd: number[];
  /** z-scores are clipped to ±zClip so one odd value cannot dominate. */
  zClip: number;
}

export const Z_CLIP = 5;

/** The standardised vector of one answer's named features (missing or non-finite features count as the mean). */
export function zVector(features: Record<string, number>, s: Standardization, out = new Float64Array(s.names.length)): Float64Array {
  for (let j = 0; j < s.names.length; j++) {
    const v = features[s.names[j]!];
    const sd = s.sd[j]!;
    let z = typeof v === 'number' && Number.isFinite(v) && sd > 0 ? (v - s.mean[j]!) / sd : 0;
    if (z > s.zClip) z = s.zClip;
    else if (z < -s.zClip) z = -s.zClip;
    out[j] = z;
  }
  return out;
}
