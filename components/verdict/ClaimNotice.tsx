import type { ClaimedModel } from '@/lib/sample';
import type { ClaimJudgement, EvidenceStrength } from '@/lib/verdict/mismatch';
import { familyName, formatCount, formatPercent } from '@/lib/verdict/names';
import { PageText } from '../PageText';

const SOURCE_TEXT: Record<ClaimedModel['source'], string> = {
  message: 'on the answer',
  picker: 'in the model picker',
  mode: 'as the mode',
};

const STRENGTH_TEXT: Record<EvidenceStrength, string> = {
  weak: 'A hint, not a conclusion: answers on some topics make one model write like another.',
  moderate: 'Worth a second look; more answers would settle it.',
  strong: 'Several answers agree clearly.',
};

/** What the site claims, in its own words (rendered as text: it comes from the page). */
export function ClaimedLine({ claimed }: { claimed: ClaimedModel | null }) {
  return (
    <p class="claimed" data-testid="claimed-model">
      {claimed ? (
        <>
          The site says: <strong><PageText text={claimed.raw} /></strong> <span class="claimed__source">({SOURCE_TEXT[claimed.source]})</span>
        </>
      ) : (
        'The site did not name a model.'
      )}
    </p>
  );
}

/** Claimed vs resembled, said plainly, with the strength of the evidence. */
export function ClaimNotice({ judgement }: { judgement: ClaimJudgement }) {
  switch (judgement.kind) {
    case 'no-comparison':
      return judgement.raw ? (
        <p class="claim claim--none" data-testid="claim-notice">
          ModelPrint has no reference for “<PageText text={judgement.raw} />”, so it does not compare it with the style.
        </p>
      ) : null;
    case 'undetermined':
      return (
        <p class="claim claim--none" data-testid="claim-notice">
          Not enough evidence yet to compare with {familyName(judgement.claim.family)}.
        </p>
      );
    case 'consistent':
      return (
        <p class="claim claim--ok" data-testid="claim-notice">
          Consistent: the style most resembles {familyName(judgement.claim.family)}, as claimed.
        </p>
      );
    case 'inconclusive':
      return (
        <p class="claim claim--none" data-testid="claim-notice">
          Inconclusive: the style does not clearly point to another vendor ({familyName(judgement.claim.family)}{' '}
          {formatPercent(judgement.claimedP)}).
        </p>
      );
    case 'mismatch': {
      const { claim, resembled, claimedP, strength, evidence } = judgement;
      return (
        <div class={`claim claim--mismatch claim--${strength}`} role="note" data-testid="mismatch-notice">
          <p>
            <strong>Claimed <PageText text={claim.raw} />, but the style resembles {familyName(resembled.family)}</strong> (
            {formatPercent(resembled.p)}
            {evidence.answers > 1 && `, ${formatCount(evidence.answers)} answers pooled`}) far more than{' '}
            {familyName(claim.family)} ({formatPercent(claimedP)}).
          </p>
          <p class="claim__strength">
            <span class="strength-badge" data-testid="evidence-strength">
              {strength} evidence
            </span>{' '}
            {STRENGTH_TEXT[strength]} Based on {formatCount(evidence.answers)} answer{evidence.answers === 1 ? '' : 's'}{' '}
            ({formatCount(evidence.words)} words) claimed as {familyName(claim.family)}.
          </p>
        </div>
      );
    }
  }
}
