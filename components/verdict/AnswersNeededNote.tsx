import type { AnswersNeeded } from '@/lib/verdict/answers-needed';
import { formatPercent } from '@/lib/display-numbers';
import { familyName } from '@/lib/verdict/vendor-names';

/** "More answers, more confidence": where the pooled verdict stands against 95%, as an honest estimate. */
export function AnswersNeededNote({ needed }: { needed: AnswersNeeded }) {
  switch (needed.kind) {
    case 'no-evidence':
      return null;
    case 'mixed':
      return (
        <p class="answers-needed" data-testid="answers-needed">
          These {needed.answers} answers point to different vendors: more answers of the same mix would not settle on
          one. Pool answers you know come from one model to see which it resembles.
        </p>
      );
    case 'reached':
      return (
        <p class="answers-needed" data-testid="answers-needed">
          The pooled verdict for {familyName(needed.family)} is at {formatPercent(needed.p)}: 95% or more.
        </p>
      );
    case 'estimate':
      return (
        <p class="answers-needed" data-testid="answers-needed">
          About <strong>{needed.more}</strong> more answer{needed.more === 1 ? '' : 's'} like these would bring{' '}
          {familyName(needed.family)} from {formatPercent(needed.p)} to {formatPercent(needed.target)}. This is an
          estimate: it assumes the next answers resemble the ones so far.
        </p>
      );
    case 'beyond':
      return (
        <p class="answers-needed" data-testid="answers-needed">
          Even {needed.maxAnswers} answers like these would probably not reach {formatPercent(needed.target)} for{' '}
          {familyName(needed.family)}: the answers so far do not point clearly to one family.
        </p>
      );
  }
}
