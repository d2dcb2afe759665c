import { describe, expect, it } from 'vitest';
import { topLabelOfTopFamily } from '../../../lib/fingerprint/distribution';
import type { Signatures } from '../../../lib/fingerprint/signatures';

// Only the fields topLabelOfTopFamily reads.
const sig = { labels: ['glm', 'gpt-4', 'gpt-4o', 'gpt-4o-mini'], families: ['openai', 'zhipu'], familyOf: Int32Array.from([1, 0, 0, 0]) } as unknown as Signatures;

describe('the headline model belongs to the headline family', () => {
  it('names the top label within the top family, not the top label overall', () => {
    // glm alone has the highest p (0.30), but OpenAI's labels together hold 0.70.
    expect(sig.labels[topLabelOfTopFamily(sig, [0.3, 0.2, 0.28, 0.22])]).toBe('gpt-4o');
  });

  it('names the top label when it is also in the top family', () => {
    expect(sig.labels[topLabelOfTopFamily(sig, [0.6, 0.1, 0.2, 0.1])]).toBe('glm');
  });
});
