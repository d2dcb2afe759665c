/**
 * Verdicts in the background: computed when an answer is saved, recomputed lazily for samples stored
 * without one (database v1) or with a stale one (signatures rebuilt). Engine work (about 1 ms an answer)
 * always happens between IndexedDB transactions, never inside one.
 */
import { countStaleSamples, listStaleSamples, updateVerdicts, type ModelPrintDatabase } from '../db';
import type { Sample } from '../sample';
import { computeVerdict, isCurrent } from '../verdict/compute';
import type { VerdictEngine } from '../verdict/types';

/** Samples recomputed per batch: about 0.1-0.3 s of engine time, short enough to keep the worker responsive. */
export const RECOMPUTE_BATCH = 200;

/**
 * Gives every sample in `samples` a current verdict, storing the new ones, and returns them updated.
 * Samples whose text was not kept keep the verdict they have.
 */
export async function withCurrentVerdicts(
  db: ModelPrintDatabase,
  engine: VerdictEngine,
  samples: Sample[],
  now: number,
): Promise<Sample[]> {
  const updates: Array<{ id: string; verdict: NonNullable<Sample['verdict']> }> = [];
  let working = true;
  const out = samples.map((s) => {
    if (!working || s.textDropped) return s;
    let verdict: Sample['verdict'];
    try {
      if (isCurrent(s.verdict, engine)) return s;
      verdict = computeVerdict(engine, s.text, now);
    } catch (error) {
      // A broken engine (signatures rejected) leaves the stored verdicts as they are; pages still work.
      console.error('[ModelPrint] the fingerprint engine failed; verdicts not recomputed:', error);
      working = false;
      return s;
    }
    updates.push({ id: s.id, verdict });
    return { ...s, verdict };
  });
  if (updates.length > 0) await updateVerdicts(db, updates);
  return out;
}

/** One batch of lazy recomputation. `done` when no stale sample with text is left. */
export async function recomputeBatch(
  db: ModelPrintDatabase,
  engine: VerdictEngine,
  now: number,
  limit = RECOMPUTE_BATCH,
): Promise<{ updated: number; done: boolean }> {
  let version: string;
  try {
    version = engine.version;
  } catch (error) {
    console.error('[ModelPrint] the fingerprint engine cannot load; nothing recomputed:', error);
    return { updated: 0, done: true };
  }
  // Two index counts, so the common case (nothing stale) costs no scan at every service-worker start.
  if ((await countStaleSamples(db, version)) === 0) return { updated: 0, done: true };
  const stale = await listStaleSamples(db, version, limit);
  const updated = (await withCurrentVerdicts(db, engine, stale, now)).filter((s, i) => s !== stale[i]).length;
  return { updated, done: stale.length < limit || updated < stale.length };
}

/**
 * Recomputes every stale verdict, one batch per macrotask so messages from pages are answered in between.
 * Resolves with the number updated.
 */
export async function recomputeAll(db: ModelPrintDatabase, engine: VerdictEngine, now: () => number): Promise<number> {
  let total = 0;
  for (;;) {
    const { updated, done } = await recomputeBatch(db, engine, now());
    total += updated;
    if (done) return total;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
