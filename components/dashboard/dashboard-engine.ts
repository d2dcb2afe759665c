/**
 * The dashboard's door to the engine. Loaded on demand as its own chunk: the samples table must draw
 * without waiting for the signatures, while pooling, the model map, features and the paste box need them.
 * (The popup and side panel ask the background instead; a full page can afford the chunk, and pooling
 * 10,000 verdicts here beats sending them all across the message boundary.)
 */
import { useEffect, useState } from 'preact/hooks';
import type { Attribution, PooledAttribution } from '@/lib/fingerprint/types';

export interface DashboardEngine {
  attribute(text: string): Attribution;
  pool(results: Attribution[]): PooledAttribution;
  fingerprint(text: string): Record<string, number>;
  similarityMatrix(): { labels: string[]; matrix: number[][] };
}

export type EngineLoader = () => Promise<DashboardEngine>;

/** The engine's code (a lazy chunk) and the package's one copy of the signatures, fetched side by side. */
export const loadEngine: EngineLoader = async () => {
  const [engine, { loadBundledSignatures }, { poolAll }] = await Promise.all([
    import('@/lib/fingerprint/core'),
    import('@/lib/verdict/fetch-signatures'),
    import('@/lib/references/verdict-hook'),
  ]);
  const sig = await loadBundledSignatures();
  return {
    attribute: (text) => engine.attribute(text, sig),
    // Stored verdicts may carry the user's custom references (issue 11): pool over every label they carry.
    pool: (results) => poolAll(results, sig, []),
    fingerprint: (text) => engine.fingerprint(text),
    similarityMatrix: () => engine.similarityMatrix(sig),
  };
};

export type EngineState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; engine: DashboardEngine };

const loaded = new WeakMap<EngineLoader, Promise<DashboardEngine>>();

/**
 * One load per loader for the page's life, shared by every tab, started only once `needed`: parsing the
 * engine and its signatures would otherwise compete with the samples table's first page for the CPU.
 */
export function useEngine(load: EngineLoader, needed = true): EngineState {
  const [state, setState] = useState<EngineState>({ status: 'loading' });
  useEffect(() => {
    if (!needed) return undefined;
    let live = true;
    let promise = loaded.get(load);
    if (!promise) loaded.set(load, (promise = load()));
    promise.then(
      (engine) => live && setState({ status: 'ready', engine }),
      (error: unknown) => live && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load, needed]);
  return state;
}
