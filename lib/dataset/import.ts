/**
 * Importing a dataset into the database in two steps. `planImport` reads, validates and dedupes against
 * the stored samples without writing anything: the summary the user confirms. `commitImport` recomputes the
 * verdicts of another engine version (before the transaction: the engine is not IndexedDB work), then adds
 * every new sample in one transaction, so the database ends with all of them or none.
 */
import { addSamplesAtomically, findStoredContentKeys, findStoredIds, type ModelPrintDatabase } from '../db';
import type { Sample } from '../sample';
import { computeVerdict } from '../verdict/compute';
import type { VerdictEngine } from '../verdict/types';
import { recordContentKey, splitDuplicates, type DuplicateReason } from './dedupe';
import { DatasetError, type RecordError } from './errors';
import { readDataset, type DatasetKind, type ReadOptions } from './read';
import { recordToSample } from './record';
import type { DatasetManifest, DatasetRecord } from './schema';

/** Records one dashboard import takes: 50,000 samples are ~250 MB in IndexedDB; more is a bulk job for the CLI. */
export const MAX_IMPORT_RECORDS = 50_000;

export interface ImportPlan {
  /** The dataset's name (its manifest's, else the file name): every imported sample's origin. */
  dataset: string;
  kind: DatasetKind;
  manifest: DatasetManifest | null;
  total: number;
  fresh: DatasetRecord[];
  duplicates: { total: number; byId: number; byContent: number; examples: Array<{ line: number; id: string; reason: DuplicateReason }> };
  invalid: number;
  /** The first errors, by line and field. */
  errors: RecordError[];
  /** New records whose verdict an engine of another version computed (or that have none): recomputed on import. */
  staleVerdicts: number;
  /** The current engine's version the plan compared with. */
  engineVersion: string | null;
}

export async function planImport(
  db: ModelPrintDatabase,
  bytes: Uint8Array,
  { fileName, engineVersion, ...read }: ReadOptions & { fileName: string; engineVersion: string | null },
): Promise<ImportPlan> {
  const data = await readDataset(bytes, { maxRecords: MAX_IMPORT_RECORDS, ...read });
  const ids = data.valid.map((v) => v.record.id);
  const keys = data.valid.map((v) => recordContentKey(v.record)).filter((k): k is string => k !== null);
  const [storedIds, storedKeys] = await Promise.all([findStoredIds(db, ids), findStoredContentKeys(db, keys)]);
  const { fresh, duplicates } = splitDuplicates(data.valid, { ids: storedIds, contentKeys: storedKeys });
  const records = fresh.map((f) => f.record);
  return {
    dataset: data.manifest?.name ?? fileName,
    kind: data.kind,
    manifest: data.manifest,
    total: data.total,
    fresh: records,
    duplicates: {
      total: duplicates.length,
      byId: duplicates.filter((d) => d.reason === 'id').length,
      byContent: duplicates.filter((d) => d.reason === 'content').length,
      examples: duplicates.slice(0, 5).map((d) => ({ line: d.line, id: d.record.id, reason: d.reason })),
    },
    invalid: data.invalid,
    errors: data.errors,
    staleVerdicts: records.filter((r) => r.verdictVersion !== engineVersion).length,
    engineVersion,
  };
}

export interface CommitOptions {
  now: number;
  /** Loaded only when a verdict must be recomputed. */
  engine: () => Promise<VerdictEngine>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Samples per progress report (and abort check) while verdicts are recomputed. */
const PROGRESS_EVERY = 250;

/**
 * The samples to store, verdicts brought to the current engine where the text allows (a sample whose text
 * was not kept keeps its verdict: there is nothing to recompute from).
 */
export async function samplesToImport(plan: ImportPlan, { now, engine, onProgress, signal }: CommitOptions): Promise<{ samples: Sample[]; recomputed: number }> {
  const origin = { kind: 'imported' as const, dataset: plan.dataset, importedAt: now };
  const samples = plan.fresh.map((r) => recordToSample(r, origin));
  let current: VerdictEngine | null = null;
  let recomputed = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (i % PROGRESS_EVERY === 0) {
      signal?.throwIfAborted();
      onProgress?.(i, samples.length);
    }
    if (s.textDropped || s.text === '' || s.verdict?.version === plan.engineVersion) continue;
    current ??= await engine();
    if (s.verdict?.version === current.version) continue;
    samples[i] = { ...s, verdict: computeVerdict(current, s.text, now) };
    recomputed++;
  }
  onProgress?.(samples.length, samples.length);
  return { samples, recomputed };
}

export async function commitImport(db: ModelPrintDatabase, plan: ImportPlan, options: CommitOptions) {
  const { samples, recomputed } = await samplesToImport(plan, options);
  options.signal?.throwIfAborted();
  try {
    return { imported: await addSamplesAtomically(db, samples), recomputed };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'ConstraintError') {
      throw new DatasetError('a sample with one of these ids was stored after the summary (recorded meanwhile?); the database is unchanged: choose the file again');
    }
    if (name === 'QuotaExceededError') throw new DatasetError('the browser has no room left for these samples; the database is unchanged');
    throw error;
  }
}
