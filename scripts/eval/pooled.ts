/**
 * Pooled figures inside one test fold: groups of one label's answers (one source) of 5, 10, 30 and 100, pooled
 * with pool(); and two-vendor groups (half the answers from each of two labels of different families) to see
 * whether a mixed source is reported as mixed instead of one confident vendor.
 */
import { mulberry32 } from '../../lib/fingerprint/hash';
import { pool } from '../../lib/fingerprint/pool';
import type { Signatures } from '../../lib/fingerprint/signatures';
import { sample } from '../corpus-metrics';
import type { Prediction } from '../corpus-metrics';
import { asAttribution } from './predict';

export const POOL_SIZES = [5, 10, 30, 100];
/** Groups drawn per label, size and fold. */
const POOLS_PER_LABEL = 20;
/** Two-vendor groups drawn per fold (of MIX_SIZE answers, half from each label). */
const MIXED_GROUPS = 400;
export const MIX_SIZE = 10;

export interface PoolFigures {
  /** Per size: pooled family confidence and whether the family was right; model likewise; groups flagged mixed. */
  bySize: Record<number, { familyConf: number[]; familyOk: boolean[]; modelConf: number[]; modelOk: boolean[]; mixed: number; chat: { n: number; familyOk: number } }>;
  mixedGroups: { n: number; flagged: number; bothNamed: number; headlineUnvoted: number; confidence: number[] };
}

export function emptyPoolFigures(): PoolFigures {
  return { bySize: Object.fromEntries(POOL_SIZES.map((n) => [n, { familyConf: [], familyOk: [], modelConf: [], modelOk: [], mixed: 0, chat: { n: 0, familyOk: 0 } }])), mixedGroups: { n: 0, flagged: 0, bothNamed: 0, headlineUnvoted: 0, confidence: [] } };
}

export function poolFold(ps: Prediction[], sig: Signatures, k: number, out: PoolFigures): void {
  const rand = mulberry32(1000 + k);
  const byLabel = sig.labels.map((_, c) => ps.filter((p) => p.label === c && !p.undetermined));
  for (let c = 0; c < sig.labels.length; c++) {
    for (const n of POOL_SIZES) {
      if (byLabel[c]!.length < n) continue;
      const s = out.bySize[n]!;
      for (let t = 0; t < POOLS_PER_LABEL; t++) {
        const res = pool(sample(byLabel[c]!, n, rand).map((p) => asAttribution(p, sig)), sig);
        const family = sig.families[sig.familyOf[c]!]!;
        s.familyConf.push(res.families.find((f) => f.family === res.family)!.p);
        s.familyOk.push(res.family === family);
        s.modelConf.push(res.confidence);
        s.modelOk.push(res.model === sig.labels[c]);
        if (res.mixed) s.mixed++;
      }
      // The v1 figure: groups of benchmark-chat answers only.
      const chat = byLabel[c]!.filter((p) => p.genre === 'chat');
      if (chat.length >= n) {
        for (let t = 0; t < POOLS_PER_LABEL; t++) {
          const res = pool(sample(chat, n, rand).map((p) => asAttribution(p, sig)), sig);
          out.bySize[n]!.chat.n++;
          if (res.family === sig.families[sig.familyOf[c]!]) out.bySize[n]!.chat.familyOk++;
        }
      }
    }
  }
  const half = MIX_SIZE / 2;
  const eligible = byLabel.map((m, c) => (m.length >= half ? c : -1)).filter((c) => c >= 0);
  for (let t = 0; t < MIXED_GROUPS && eligible.length > 1; t++) {
    const a = eligible[Math.floor(rand() * eligible.length)]!, b = eligible[Math.floor(rand() * eligible.length)]!;
    if (sig.familyOf[a] === sig.familyOf[b]) { t--; continue; }
    const group = [...sample(byLabel[a]!, half, rand), ...sample(byLabel[b]!, half, rand)].map((p) => asAttribution(p, sig));
    const res = pool(group, sig);
    const fa = sig.families[sig.familyOf[a]!]!, fb = sig.families[sig.familyOf[b]!]!;
    const m = out.mixedGroups;
    m.n++;
    if (res.mixed) m.flagged++;
    const named = new Set(res.mixed ? res.components.map((x) => x.family) : [res.family]);
    if (named.has(fa) && named.has(fb)) m.bothNamed++;
    if (!group.some((g) => g.family === res.family)) m.headlineUnvoted++;
    m.confidence.push(res.families[0]!.p);
  }
}

/** Figures of separately run folds, added up (in fold order, so the result matches one run over all folds). */
export function mergePoolFigures(parts: PoolFigures[]): PoolFigures {
  const out = emptyPoolFigures();
  for (const p of parts) {
    for (const n of POOL_SIZES) {
      const a = out.bySize[n]!, b = p.bySize[n]!;
      a.familyConf.push(...b.familyConf); a.familyOk.push(...b.familyOk); a.modelConf.push(...b.modelConf); a.modelOk.push(...b.modelOk);
      a.mixed += b.mixed; a.chat.n += b.chat.n; a.chat.familyOk += b.chat.familyOk;
    }
    const m = out.mixedGroups, q = p.mixedGroups;
    m.n += q.n; m.flagged += q.flagged; m.bothNamed += q.bothNamed; m.headlineUnvoted += q.headlineUnvoted; m.confidence.push(...q.confidence);
  }
  return out;
}
