import { createFakeEngine } from '../verdict/fake-engine';
import type { ExportOptions } from '@/lib/dataset/export';
import { NO_PRIVACY } from '@/lib/dataset/schema';

export const fakeEngine = createFakeEngine('fake-1');

/** A deterministic stand-in for the engine's fingerprint: two features of the text. */
export const fakeFingerprint = (text: string) => ({ 'len.chars': text.length, 'punct.quotes': (text.match(/"/g) ?? []).length });

export function exportOptions(over: Partial<ExportOptions> = {}): ExportOptions {
  return {
    format: 'bundle',
    privacy: NO_PRIVACY,
    features: false,
    filters: null,
    modelprintVersion: '0.1.0',
    engine: { version: 'fake-1', featureSetVersion: 'f-test', signaturesDate: '2026-11-01' },
    now: 1_790_000_000_000,
    ...over,
  };
}
