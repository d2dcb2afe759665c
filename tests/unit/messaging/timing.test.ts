import { describe, expect, it } from 'vitest';
import { measureSince } from '@/lib/messaging/timing';

describe('measureSince', () => {
  it('records a named duration from `start` to now, keeping only the newest per name', () => {
    const name = 'modelprint:test:timing';
    for (let i = 0; i < 1_000; i++) measureSince(name, performance.now() - 5);
    const entries = performance.getEntriesByName(name, 'measure');
    // A worker that handles thousands of saves keeps one entry per message type, not one per message.
    expect(entries).toHaveLength(1);
    expect(entries[0]!.duration).toBeGreaterThanOrEqual(5);
    performance.clearMeasures(name);
  });
});
