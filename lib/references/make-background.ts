/**
 * Builds a {@link BackgroundJson} from labelled records: N answers per label, at most one per prompt group
 * (answers to one prompt are alike, and custom references must learn style, not topic), chosen by a seeded
 * shuffle. Used by the background script and by the evaluation (which builds one per left-out split).
 */
import { FEATURE_SET_VERSION, fingerprint, type CorpusRecord } from '../fingerprint';
import { seeded } from '../compare/prng';
import { toBase64, type BackgroundJson } from './training-background';
import { Z_CLIP } from './features';

/** z-scores are stored as int8 × this: ±5 in steps of 0.04. */
const SCALE = 0.04;

/** Prompt group of a corpus record: the debate topic for persuasion turns, else the prompt id. */
export function promptGroup(r: Pick<CorpusRecord, 'prompt_id' | 'meta' | 'id'>): string {
  const topic = r.meta?.topic_id;
  return typeof topic === 'string' || typeof topic === 'number' ? `topic:${topic}` : r.prompt_id ?? r.id ?? '';
}

export function pickPerLabel(records: readonly CorpusRecord[], perLabel: number, seed: number): CorpusRecord[] {
  const rand = seeded(seed);
  const byLabel = new Map<string, CorpusRecord[]>();
  for (const r of records) {
    let list = byLabel.get(r.label);
    if (!list) byLabel.set(r.label, (list = []));
    list.push(r);
  }
  const out: CorpusRecord[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const list = byLabel.get(label)!;
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.size >= perLabel) break;
      const g = promptGroup(r);
      if (seen.has(g)) continue;
      seen.add(g);
      out.push(r);
    }
  }
  return out;
}

export function makeBackground(records: readonly CorpusRecord[], o: { perLabel: number; seed: number; corpus?: { file: string | null; sha256: string | null } }): BackgroundJson {
  const picked = pickPerLabel(records, o.perLabel, o.seed);
  const feats = picked.map((r) => fingerprint(r.text));
  const names = Object.keys(feats[0] ?? {});
  const n = picked.length, d = names.length;
  const mean = names.map((k) => feats.reduce((s, f) => s + f[k]!, 0) / n);
  const sd = names.map((k, j) => Math.sqrt(feats.reduce((s, f) => s + (f[k]! - mean[j]!) ** 2, 0) / Math.max(1, n - 1)));
  const labels = [...new Set(picked.map((r) => r.label))].sort();
  const famOf = new Map(picked.map((r) => [r.label, r.family] as const));
  const bytes = new Int8Array(n * d);
  feats.forEach((f, i) => {
    names.forEach((k, j) => {
      const z = sd[j]! > 0 ? Math.max(-Z_CLIP, Math.min(Z_CLIP, (f[k]! - mean[j]!) / sd[j]!)) : 0;
      bytes[i * d + j] = Math.round(z / SCALE);
    });
  });
  return {
    format: 'modelprint-reference-background',
    version: 1,
    featureSetVersion: FEATURE_SET_VERSION,
    corpus: { file: o.corpus?.file ?? null, sha256: o.corpus?.sha256 ?? null, records: records.length },
    seed: o.seed,
    perLabel: o.perLabel,
    standardization: { names, mean: mean.map(r6), sd: sd.map(r6), zClip: Z_CLIP },
    scale: SCALE,
    labels,
    families: labels.map((l) => famOf.get(l)!),
    rowLabel: picked.map((r) => labels.indexOf(r.label)),
    data: toBase64(new Uint8Array(bytes.buffer)),
  };
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
