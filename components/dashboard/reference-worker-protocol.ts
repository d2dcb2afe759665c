/** Messages between the dashboard and its reference worker (reference-worker.ts). */
import type { ComparisonResult } from '@/lib/compare/run';
import type { CompareOptions } from '@/lib/compare/types';
import type { CustomReference } from '@/lib/references/types';

export type WorkerRequest =
  | { type: 'build'; signaturesUrl: string; ids: string[]; name: string; family?: string }
  | {
      type: 'compare';
      signaturesUrl: string;
      a: { name: string; ids: string[]; claimedFamily?: string | null };
      b: { name: string; ids: string[] } | null;
      references: CustomReference[];
      options: CompareOptions;
    };

export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'built'; reference: CustomReference }
  /** `engine`: the versions that computed it (feature set, signature schema and build date, custom references). */
  | { type: 'compared'; result: ComparisonResult; engine: { featureSetVersion: string; signatureSchema: number; signaturesBuilt: string } }
  | { type: 'error'; message: string };
