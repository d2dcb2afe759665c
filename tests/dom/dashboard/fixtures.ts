/** Rows and a fake engine for the dashboard's component tests (verdicts from the verdict layer's fake engine). */
import { toRow, type SampleRow } from '@/lib/dashboard/row';
import type { Sample } from '@/lib/sample';
import type { DashboardEngine } from '@/components/dashboard/dashboard-engine';
import { FAKE_LABELS, fakeAttribute, fakePool, fakeText } from '../../unit/verdict/fake-engine';
import { sampleOf } from '../components/samples';

export { fakeAttribute, fakeText };

const SITES = ['chatgpt', 'claude', 'gemini'] as const;
const LABELS = ['gpt-4o', 'claude-4', 'gemini-3', 'deepseek'] as const;

/** `n` rows spread over three sites, four resembled labels, a week of days and varied confidence. */
export function manyRows(n: number): SampleRow[] {
  return Array.from({ length: n }, (_, i) => {
    const label = LABELS[i % LABELS.length]!;
    const p = 0.3 + ((i * 7) % 70) / 100;
    return toRow(
      sampleOf(i, {
        id: `s${i}`,
        site: SITES[i % SITES.length] as Sample['site'],
        capturedAt: Date.UTC(2026, 10, 20) + i * 60_000,
        claimedModel: i % 5 === 0 ? null : { raw: i % 2 ? 'gpt-4o' : 'Sonnet 4.5', source: 'message' },
      }, fakeText(label, Number(p.toFixed(2)))),
    );
  }).reverse();
}

export function rowOf(over: Partial<Sample> = {}, text?: string): SampleRow {
  return toRow(sampleOf(1, over, text));
}

export const fakeEngine: DashboardEngine = {
  attribute: fakeAttribute,
  pool: fakePool,
  fingerprint: (text) => ({ 'len:words': (text.match(/\S+/g) ?? []).length, 'punct:comma': 0.02 }),
  similarityMatrix: () => {
    const labels = Object.keys(FAKE_LABELS);
    // Same family: similar; otherwise not.
    return { labels, matrix: labels.map((a) => labels.map((b) => (a === b ? 1 : FAKE_LABELS[a] === FAKE_LABELS[b] ? 0.6 : 0.1))) };
  },
};
