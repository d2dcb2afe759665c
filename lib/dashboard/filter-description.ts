/** The dashboard's filters as plain strings, for the export manifest ("which samples are these?"). */
import { NONE, type SampleFilter } from './query';

const iso = (ms: number) => new Date(ms).toISOString();
const plain = (v: string) => (v === NONE ? '(none)' : v);

/** Null when no filter is set (the export holds every sample). */
export function describeFilter(f: SampleFilter): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (f.site) out.site = f.site;
  if (f.claimed) out.claimedModel = plain(f.claimed);
  if (f.resembled) out.resembled = plain(f.resembled);
  if (f.origin) out.origin = f.origin === NONE ? 'recorded here' : f.origin;
  if (f.from !== undefined) out.capturedFrom = iso(f.from);
  if (f.to !== undefined) out.capturedTo = iso(f.to);
  if (f.minConfidence !== undefined) out.minConfidence = String(f.minConfidence);
  if (f.maxConfidence !== undefined) out.maxConfidence = String(f.maxConfidence);
  if (f.text?.trim()) out.text = f.text.trim();
  return Object.keys(out).length > 0 ? out : null;
}
