/**
 * Stored samples to an export file: records with the privacy options applied, then the chosen format,
 * a page of samples at a time. Runs in the export worker (lib/dataset/worker-handler.ts reads the pages
 * from the database) and in the benchmark; progress is reported and cancellation checked between pages.
 */
import type { Sample } from '../sample';
import { ByteCollector, type ByteSink } from './byte-sink';
import type { PackerFactory } from './entry-packer';
import { datasetName, sha256Hex, type EngineInfo } from './manifest';
import { sampleToRecord, type RecordOptions } from './record';
import type { DatasetManifest, PrivacyOptions } from './schema';
import { DatasetWriter, type DatasetFormat, type WrittenDataset } from './write';

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
  stage: 'writing' | 'zip';
  done: number;
  total: number;
}

export interface ExportHooks {
  fingerprint?: (text: string) => Record<string, number>;
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** Where a bundle's JSONL is deflated and hashed (default: inline; the extension's worker passes a second worker). */
  packer?: PackerFactory;
}

/**
 * Conversation id → salted hash. The salt is random per export and never written down: the same id maps
 * to the same hash within one export (answers of one conversation stay together) and cannot be matched
 * against a list of guessed ids. The map grows with the conversations seen (ids, not samples).
 */
function conversationHasher() {
  const salt = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const encoder = new TextEncoder();
  const hashes = new Map<string, string>();
  return {
    /** Hashes the page's new conversation ids ahead (hashing is async; turning a sample into a record is not). */
    async prepare(samples: Sample[]): Promise<void> {
      for (const s of samples) {
        if (s.conversationId === null || hashes.has(s.conversationId)) continue;
        hashes.set(s.conversationId, (await sha256Hex(encoder.encode(`${salt}:${s.conversationId}`))).slice(0, 32));
      }
    },
    get: (id: string) => hashes.get(id)!,
  };
}

/**
 * Writes the samples the pages yield (oldest first, as a reader expects a log to be) into `sink` and
 * returns the manifest. `total` is for progress only. Each page is turned into records and written
 * through before the next is asked for, so one page of samples is in memory at a time.
 */
export async function exportStream(
  pages: AsyncIterable<Sample[]> | Iterable<Sample[]>,
  total: number,
  options: ExportOptions,
  sink: ByteSink,
  hooks: ExportHooks = {},
): Promise<{ manifest: DatasetManifest; writer: DatasetWriter }> {
  const { privacy } = options;
  const withFeatures = options.features || privacy.omitTexts;
  if (withFeatures && !hooks.fingerprint) throw new Error('exportStream: features need a fingerprint function');
  const hasher = privacy.hashConversationIds ? conversationHasher() : null;
  const recordOptions: RecordOptions = {
    privacy,
    fingerprint: withFeatures ? hooks.fingerprint : undefined,
    hashedConversation: hasher?.get,
  };
  const writer = new DatasetWriter(
    options.format,
    {
      name: datasetName(options.now),
      modelprintVersion: options.modelprintVersion,
      engine: options.engine,
      exportedAt: options.now,
      filters: options.filters,
      privacy,
      features: withFeatures,
    },
    sink,
    hooks.packer,
  );
  let done = 0;
  hooks.onProgress?.({ stage: 'writing', done, total });
  for await (const page of pages) {
    hooks.signal?.throwIfAborted();
    await hasher?.prepare(page);
    await writer.add(page.map((s) => sampleToRecord(s, recordOptions)));
    done += page.length;
    hooks.onProgress?.({ stage: 'writing', done, total });
    // A worker has no other work to do, but yielding lets an abort arrive between pages.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  hooks.signal?.throwIfAborted();
  const manifest = await writer.finish(() => hooks.onProgress?.({ stage: 'zip', done, total }));
  return { manifest, writer };
}

/** Samples per page when they are already in memory. */
const PAGE = 1_000;

function* pagesOf(samples: Sample[]): Generator<Sample[]> {
  for (let i = 0; i < samples.length; i += PAGE) yield samples.slice(i, i + PAGE);
}

/** Samples in memory (sorted oldest first here) to the bytes of one file: the CLI, benchmark and tests. */
export async function exportSamples(samples: Sample[], options: ExportOptions, hooks: ExportHooks = {}): Promise<WrittenDataset> {
  const sorted = [...samples].sort((a, b) => a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new ByteCollector();
  const { manifest } = await exportStream(pagesOf(sorted), sorted.length, options, out.write, hooks);
  return { bytes: out.bytes(), manifest };
}
