/**
 * `manifest.json`: what a dataset is, who wrote it with which engine, what it holds, how it was filtered
 * and anonymised, and a SHA-256 of each data file so a damaged or edited bundle is noticed on import.
 */
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, type DatasetManifest, type DatasetRecord, type PrivacyOptions } from './schema';

/** The engine that computed the verdicts, as the manifest records it. */
export interface EngineInfo {
  /** `VerdictEngine.version`: what a stored verdict's version is compared with. */
  version: string | null;
  featureSetVersion: string | null;
  signaturesDate: string | null;
}

export interface ManifestInput {
  name: string;
  modelprintVersion: string;
  engine: EngineInfo;
  exportedAt: number;
  filters: Record<string, string> | null;
  privacy: PrivacyOptions;
  features: boolean;
  records: DatasetRecord[];
  files: Record<string, Uint8Array>;
}

const NO_CLAIM = '(none)';

function countBy(records: DatasetRecord[], key: (r: DatasetRecord) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const k = key(r);
    // Counts are plain data keyed by site and model names: a model literally named `__proto__` must not
    // reach the prototype.
    if (!Object.hasOwn(out, k)) Object.defineProperty(out, k, { value: 0, enumerable: true, writable: true, configurable: true });
    out[k]!++;
  }
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function buildManifest(input: ManifestInput): Promise<DatasetManifest> {
  const files: DatasetManifest['files'] = {};
  for (const [name, bytes] of Object.entries(input.files)) files[name] = { sha256: await sha256Hex(bytes), bytes: bytes.byteLength };
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
    counts: {
      samples: input.records.length,
      bySite: countBy(input.records, (r) => r.site),
      byClaimedModel: countBy(input.records, (r) => r.claimedModel ?? NO_CLAIM),
    },
    files,
  };
}

/** A dataset name from its export time: `modelprint-2026-12-04T18-30-00Z`, safe as a file name. */
export function datasetName(exportedAt: number): string {
  return `modelprint-${new Date(exportedAt).toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
}
