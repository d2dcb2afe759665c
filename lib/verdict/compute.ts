/**
 * Verdicts as the background computes and stores them. The engine is synchronous and takes about a
 * millisecond per answer, so a verdict is computed once when an answer is saved and stored with the
 * engine's version: listing 10,000 samples needs no recomputation, and a signatures update marks every
 * stored verdict stale, to be recomputed lazily in batches (`recomputeBatch` in `lib/background/verdicts.ts`).
 */
import type { Sample } from '../sample';
import type { StoredVerdict, VerdictEngine } from './types';

export function computeVerdict(engine: VerdictEngine, text: string, now: number): StoredVerdict {
  return { version: engine.version, computedAt: now, attribution: engine.attribute(text) };
}

/**
 * The verdict, or undefined when the engine cannot run (signatures that fail validation after an update):
 * the answer is then stored without one and gets it from the lazy recomputation once the engine works,
 * rather than being lost.
 */
export function tryComputeVerdict(engine: VerdictEngine, text: string, now: number): StoredVerdict | undefined {
  try {
    return computeVerdict(engine, text, now);
  } catch (error) {
    console.error('[ModelPrint] the fingerprint engine failed; stored without a verdict:', error);
    return undefined;
  }
}

/** Whether a stored verdict was computed by this engine (same signatures, feature set and schema). */
export function isCurrent(verdict: StoredVerdict | undefined, engine: VerdictEngine): verdict is StoredVerdict {
  return verdict?.version === engine.version;
}

/** Words in a text, as the evidence thresholds count them (whitespace-separated runs). */
export function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Average characters per word in English answers, to estimate words when the text was not kept. */
const CHARS_PER_WORD = 6;

/** Words of a sample's answer (evidence for pooling); estimated from the kept length when the text was not kept. */
export function sampleWords(s: Sample): number {
  return s.textDropped ? Math.round((s.textLength ?? 0) / CHARS_PER_WORD) : wordCount(s.text);
}
