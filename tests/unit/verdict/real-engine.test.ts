import { describe, expect, it } from 'vitest';
import { getDefaultSignatures } from '@/lib/fingerprint';
import { CLAIM_ROWS } from '@/lib/verdict/claim-table';
import { answersNeeded } from '@/lib/verdict/answers-needed';
import { computeVerdict, isCurrent } from '@/lib/verdict/compute';
import { createEngine } from '@/lib/verdict/verdict-engine';
import { FAMILIES_BY_LABEL } from './reference-labels';

const PROSE = `Great question! Let's break it down step by step.

1. **Understand the problem.** Before writing any code, make sure you know what the inputs and outputs are.
2. **Start simple.** Write the most straightforward version first, then measure it.
3. **Iterate.** Improve the parts that matter, and keep tests around so you notice regressions.

In summary, a careful, incremental approach usually saves time in the long run. Let me know if you'd like
an example in a specific programming language!`;

describe('the verdict layer on the real engine and bundled signatures', () => {
  const engine = createEngine(getDefaultSignatures);

  it('names its version after schema, feature set and signatures build', () => {
    expect(engine.version).toMatch(/^s\d+\/f[^/]+\/.+$/);
    const v = computeVerdict(engine, PROSE, 5);
    expect(v).toMatchObject({ version: engine.version, computedAt: 5 });
    expect(isCurrent(v, engine)).toBe(true);
    expect(isCurrent({ ...v, version: 'older' }, engine)).toBe(false);
  });

  it('uses only labels and families of the bundled signatures in the claims table', () => {
    const sig = getDefaultSignatures();
    for (const row of CLAIM_ROWS) {
      expect(sig.families).toContain(row.family);
      if (row.label) expect(sig.json.labelFamily[row.label]).toBe(row.family);
    }
    expect(sig.json.labelFamily).toEqual(FAMILIES_BY_LABEL);
  });

  it('projects answers needed from the real pool, and fewer as answers accumulate', () => {
    const one = engine.attribute(PROSE);
    expect(one.undetermined).toBe(false);
    const first = answersNeeded(engine.pool, [one]);
    expect(['estimate', 'reached', 'beyond']).toContain(first.kind);
    if (first.kind === 'estimate') {
      const later = answersNeeded(engine.pool, [one, one, one]);
      if (later.kind === 'estimate') expect(later.answers + later.more).toBe(first.answers + first.more);
      else expect(later.kind).toBe('reached');
    }
  });

  it('abstains on a short answer', () => {
    expect(engine.attribute('Sure.').undetermined).toBe(true);
  });
});
