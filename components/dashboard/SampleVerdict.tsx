import type { Sample } from '@/lib/sample';
import { resolveClaim } from '@/lib/sites/claims';
import { sampleWords } from '@/lib/verdict/conversation';
import { judgeClaim } from '@/lib/verdict/mismatch';
import { ClaimedLine, ClaimNotice } from '@/components/verdict/ClaimNotice';
import { VerdictView } from '@/components/verdict/VerdictView';

/** One stored answer's verdict, with the site's claim and the claimed-vs-resembled judgement on it alone. */
export function SampleVerdict({ sample }: { sample: Sample }) {
  const words = sampleWords(sample);
  const attribution = sample.verdict?.attribution;
  return (
    <div class="sample-verdict">
      <ClaimedLine claimed={sample.claimedModel} />
      {attribution ? (
        <>
          <VerdictView attribution={attribution} words={words} />
          <ClaimNotice
            judgement={judgeClaim(resolveClaim(sample.claimedModel), attribution, { answers: 1, words }, sample.claimedModel?.raw ?? null)}
          />
        </>
      ) : (
        <p class="muted">No verdict stored yet: the background computes it shortly.</p>
      )}
    </div>
  );
}
