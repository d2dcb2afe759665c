import type { ComponentChildren } from 'preact';
import type { ClaimedModel, SampleSite } from '@/lib/sample';
import { siteLabel } from '@/lib/sites/site-labels';
import type { ClaimJudgement, ResolvedClaim } from '@/lib/verdict/claims';
import type { EvidenceStrength } from '@/lib/verdict/evidence-label';
import { formatCount, formatPercent } from '@/lib/display-numbers';
import { familyName } from '@/lib/verdict/vendor-names';
import { siteOperator } from '@/lib/verdict/site-operators';
import { CoverageNote } from './CoverageNote';
import { EvidenceBadge } from './EvidenceBadge';
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

/** "Gemini is run by Google", "Microsoft Copilot is run by Microsoft, with models from OpenAI"; null for pasted texts. */
export function runBy(site: SampleSite): string | null {
  const op = siteOperator(site);
  if (!op) return null;
  if (!op.family) return `${siteLabel(site)} serves models of many vendors`;
  return `${siteLabel(site)} is run by ${op.operator}${op.modelsFrom ? `, with models from ${op.modelsFrom}` : ''}`;
}

/** What the site claims, in its own words (rendered as text: it comes from the page), and who runs it. */
export function ClaimedLine({ claimed, site }: { claimed: ClaimedModel | null; site: SampleSite }) {
  const operator = runBy(site);
  return (
    <p class="claimed" data-testid="claimed-model">
      {claimed ? (
        <>
          The site says: <strong><PageText text={claimed.raw} /></strong> <span class="claimed__source">({SOURCE_TEXT[claimed.source]})</span>
          {claimed.source === 'mode' && ', a mode, not a model'}.
        </>
      ) : (
        'The site did not name a model.'
      )}
      {operator && <span data-testid="site-operator"> {operator}.</span>}
    </p>
  );
}

/** The claim as a sentence's subject: "Claimed gpt-4o" (the page's words, isolated) or "Gemini is run by Google". */
function claimSubject(claim: ResolvedClaim): ComponentChildren {
  return claim.basis === 'model' ? <>Claimed <PageText text={claim.raw} /></> : (runBy(claim.site) ?? familyName(claim.family));
}

/** The answers a judgement rests on: "claimed as OpenAI" or "from Gemini". */
function claimScope(claim: ResolvedClaim): string {
  return claim.basis === 'model' ? `claimed as ${familyName(claim.family)}` : `from ${siteLabel(claim.site)}`;
}

/** Claimed vs resembled, said plainly, with the strength of the evidence and what the references cover. */
export function ClaimNotice({ judgement }: { judgement: ClaimJudgement }) {
  const claim = judgement.kind === 'no-comparison' ? null : judgement.claim;
  return (
    <>
      <Judgement judgement={judgement} />
      {claim && <CoverageNote claim={claim} />}
    </>
  );
}

function Judgement({ judgement }: { judgement: ClaimJudgement }) {
  switch (judgement.kind) {
    case 'no-comparison': {
      const { raw, source, site } = judgement;
      const many = site && siteOperator(site)?.family === null ? `${siteLabel(site)} serves models of many vendors` : null;
      if (!raw && !many) return null;
      return (
        <p class="claim claim--none" data-testid="claim-notice">
          {source === 'mode' && raw ? (
            <>
              “<PageText text={raw} />” is a mode, not a model{many ? `, and ${many}` : ''}: nothing to compare the style with.
            </>
          ) : raw ? (
            <>
              ModelPrint has no reference for “<PageText text={raw} />”, so it does not compare it with the style.
            </>
          ) : (
            `${many} and named none here: nothing to compare the style with.`
          )}
        </p>
      );
    }
    case 'undetermined':
      return (
        <p class="claim claim--none" data-testid="claim-notice">
          {judgement.claim.basis === 'operator' && <>{claimSubject(judgement.claim)}. </>}Not enough evidence yet to
          compare with {familyName(judgement.claim.family)}.
        </p>
      );
    case 'consistent':
      return (
        <p class="claim claim--ok" data-testid="claim-notice">
          {judgement.claim.basis === 'model'
            ? `Consistent: the style most resembles ${familyName(judgement.claim.family)}, as claimed.`
            : `Consistent: ${claimSubject(judgement.claim)}, and the style most resembles ${familyName(judgement.claim.family)}.`}
        </p>
      );
    case 'inconclusive':
      return (
        <p class="claim claim--none" data-testid="claim-notice">
          {judgement.claim.basis === 'operator' && <>{claimSubject(judgement.claim)}. </>}
          {judgement.mixed
            ? 'Inconclusive: the answers point to different vendors, so they neither confirm nor contradict the claim.'
            : `Inconclusive: the style does not clearly point to another vendor (${familyName(judgement.claim.family)} ${formatPercent(judgement.claimedP)}).`}
        </p>
      );
    case 'mismatch': {
      const { claim, resembled, claimedP, strength, evidence } = judgement;
      return (
        <div class={`claim claim--mismatch claim--${strength}`} role="note" data-testid="mismatch-notice">
          <p>
            <strong>
              {claimSubject(claim)}, but the style resembles {familyName(resembled.family)}
            </strong>{' '}
            ({formatPercent(resembled.p)}
            {evidence.answers > 1 && `, ${formatCount(evidence.answers)} answers pooled`}) far more than{' '}
            {familyName(claim.family)} ({formatPercent(claimedP)}).
          </p>
          <p class="claim__strength">
            <EvidenceBadge strength={strength} /> {STRENGTH_TEXT[strength]} Based on {formatCount(evidence.answers)} answer
            {evidence.answers === 1 ? '' : 's'} ({formatCount(evidence.words)} words) {claimScope(claim)}.
          </p>
        </div>
      );
    }
  }
}
