/**
 * Stored samples to an export file: records with the privacy options applied, then the chosen format.
 * Runs in the export worker (components/dashboard/export-worker.ts) and in the benchmark; progress is
 * reported and cancellation checked between chunks.
 */
import type { Sample } from '../sample';
import { datasetName, sha256Hex, type EngineInfo } from './manifest';
import { sampleToRecord } from './record';
import type { DatasetRecord, PrivacyOptions } from './schema';
import { writeDataset, type DatasetFormat, type WrittenDataset } from './write';

export interface ExportOptions {
  format: DatasetFormat;
  privacy: PrivacyOptions;
  /** Add each answer's feature vector (forced when texts are left out: then they are all that is left). */
  features: boolean;
  /** The dashboard filters in force, by name; null exports every sample. */
  filters: Record<string, string> | null;
  modelprintVersion: string;
  engine: EngineInfo;
  now: number;
}

export interface ExportProgress {
  stage: 'records' | 'jsonl' | 'parquet' | 'zip';
  done: number;
  total: number;
}

export interface ExportHooks {
  fingerprint?: (text: string) => Record<string, number>;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
}

const CHUNK = 500;

/**
 * Conversation id → salted hash. The salt is random per export and never written down: the same id maps
 * to the same hash within one export (answers of one conversation stay together) and cannot be matched
 * against a list of guessed ids.
 */
async function conversationHashes(samples: Sample[]): Promise<Map<string, string>> {
  const salt = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const encoder = new TextEncoder();
  const out = new Map<string, string>();
  for (const s of samples) {
    if (s.conversationId === null || out.has(s.conversationId)) continue;
    out.set(s.conversationId, (await sha256Hex(encoder.encode(`${salt}:${s.conversationId}`))).slice(0, 32));
  }
  return out;
}

export async function exportRecords(samples: Sample[], options: ExportOptions, hooks: ExportHooks = {}): Promise<DatasetRecord[]> {
  const { privacy } = options;
  const withFeatures = options.features || privacy.omitTexts;
  if (withFeatures && !hooks.fingerprint) throw new Error('exportRecords: features need a fingerprint function');
  const hashes = privacy.hashConversationIds ? await conversationHashes(samples) : null;
  const recordOptions = {
    privacy,
    fingerprint: withFeatures ? hooks.fingerprint : undefined,
    hashedConversation: hashes ? (id: string) => hashes.get(id)! : undefined,
  };
  const records: DatasetRecord[] = [];
  for (let i = 0; i < samples.length; i += CHUNK) {
    hooks.signal?.throwIfAborted();
    hooks.onProgress?.({ stage: 'records', done: i, total: samples.length });
    for (const s of samples.slice(i, i + CHUNK)) records.push(sampleToRecord(s, recordOptions));
    // A worker has no other work to do, but yielding lets an abort message arrive between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  hooks.onProgress?.({ stage: 'records', done: samples.length, total: samples.length });
  return records;
}

export async function exportSamples(samples: Sample[], options: ExportOptions, hooks: ExportHooks = {}): Promise<WrittenDataset> {
  const records = await exportRecords(samples, options, hooks);
  hooks.signal?.throwIfAborted();
  return writeDataset(
    options.format,
    {
      name: datasetName(options.now),
      modelprintVersion: options.modelprintVersion,
      engine: options.engine,
      exportedAt: options.now,
      filters: options.filters,
      privacy: options.privacy,
      features: options.features || options.privacy.omitTexts,
      records,
    },
    (stage) => {
      hooks.signal?.throwIfAborted();
      hooks.onProgress?.({ stage: stage as ExportProgress['stage'], done: records.length, total: records.length });
    },
  );
}
