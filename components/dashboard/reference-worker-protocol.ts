/** Messages between the dashboard and its reference worker (reference-worker.ts). */
import type { CompareOptions, ComparisonResult } from '@/lib/compare';
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
  | { type: 'compared'; result: ComparisonResult }
  | { type: 'error'; message: string };
