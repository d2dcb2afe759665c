/**
 * `manifest.json`: what a dataset is, who wrote it with which engine, what it holds, how it was filtered
 * and anonymised, and a SHA-256 of each data file so a damaged or edited bundle is noticed on import.
 */
import type { FileDigest } from './byte-sink';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, type DatasetManifest, type DatasetRecord, type PrivacyOptions } from './schema';

/** The engine that computed the verdicts, as the manifest records it. */
export interface EngineInfo {
  /** `VerdictEngine.version`: what a stored verdict's version is compared with. */
  version: string | null;
  featureSetVersion: string | null;
  signaturesDate: string | null;
}

/** What the manifest says about a dataset, apart from its counts and files. */
export interface ManifestHead {
  name: string;
  modelprintVersion: string;
  engine: EngineInfo;
  exportedAt: number;
  filters: Record<string, string> | null;
  privacy: PrivacyOptions;
  features: boolean;
}

export interface ManifestInput extends ManifestHead {
  counts: DatasetManifest['counts'];
  /** Each data file's checksum and size, by its name in the bundle. */
  files: Record<string, FileDigest>;
}

const NO_CLAIM = '(none)';

/** Counts are plain data keyed by site and model names: a model literally named `__proto__` must not reach the prototype. */
function increment(out: Record<string, number>, key: string): void {
  if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value: 0, enumerable: true, writable: true, configurable: true });
  out[key]!++;
}

/** The manifest's counts, added to a page of records at a time. */
export class RecordCounts {
  private readonly counts: DatasetManifest['counts'] = { samples: 0, bySite: {}, byClaimedModel: {} };

  add(records: DatasetRecord[]): void {
    for (const r of records) {
      this.counts.samples++;
      increment(this.counts.bySite, r.site);
      increment(this.counts.byClaimedModel, r.claimedModel ?? NO_CLAIM);
    }
  }

  get value(): DatasetManifest['counts'] {
    return this.counts;
  }
}

/** The SHA-256 of bytes held whole (reading verifies with it; writing hashes as it streams, lib/dataset/byte-sink.ts). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function buildManifest(input: ManifestInput): DatasetManifest {
  return {
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    name: input.name,
    modelprintVersion: input.modelprintVersion,
    engineVersion: input.engine.version,
    featureSetVersion: input.engine.featureSetVersion,
    signaturesDate: input.engine.signaturesDate,
    exportedAt: new Date(input.exportedAt).toISOString(),
    scope: input.filters ? 'filtered' : 'all',
    filters: input.filters,
    privacy: input.privacy,
    features: input.features,
    counts: input.counts,
    files: input.files,
  };
}

/** A dataset name from its export time: `modelprint-2026-12-04T18-30-00Z`, safe as a file name. */
export function datasetName(exportedAt: number): string {
  return `modelprint-${new Date(exportedAt).toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}
