import type { Sample } from '@/lib/sample';
import { judgeSample } from '@/lib/verdict/claims';
import { sampleWords } from '@/lib/verdict/conversation';
import { ClaimedLine, ClaimNotice } from '@/components/verdict/ClaimNotice';
import { VerdictView } from '@/components/verdict/VerdictView';

/** One stored answer's verdict, with the site's claim and the claimed-vs-resembled judgement on it alone. */
export function SampleVerdict({ sample }: { sample: Sample }) {
  const words = sampleWords(sample);
  const attribution = sample.verdict?.attribution;
  return (
    <div class="sample-verdict">
      <ClaimedLine claimed={sample.claimedModel} site={sample.site} />
      {attribution ? (
        <>
          <VerdictView attribution={attribution} words={words} />
          <ClaimNotice judgement={judgeSample(sample)} />
        </>
      ) : (
        <p class="muted">No verdict stored yet: the background computes it shortly.</p>
      )}
    </div>
  );
}
