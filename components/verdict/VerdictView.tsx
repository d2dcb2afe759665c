import { evidenceStrength, EVIDENCE_THRESHOLDS, type EvidenceStrength } from '@/lib/verdict/evidence-label';
import { headlineOf } from '@/lib/verdict/headline';
import { formatCount, formatPercent } from '@/lib/display-numbers';
import { familyName } from '@/lib/verdict/vendor-names';
import type { Attribution, PooledAttribution } from '@/lib/verdict/types';
import { EvidenceBadge } from './EvidenceBadge';
import { Explanation } from './Explanation';
import { ProbabilityBars } from './ProbabilityBars';
import { Undetermined } from './Undetermined';

/** How many models and families the bars show (the issue asks for the top 5). */
const TOP = 5;

const STRENGTH_NOTE: Record<EvidenceStrength, string> = {
  weak: 'A hint, not a conclusion.',
  moderate: 'A fair indication; more answers would settle it.',
  strong: 'Several answers agree clearly.',
};

/**
 * One attribution (single answer or pooled): the closest vendor and, of that vendor, the closest model
 * (lib/verdict/headline.ts), with the evidence label; then the top five of each as bars, then the
 * explanation. Undetermined attributions show only the reason; pooled answers that point to several
 * vendors show those vendors instead of one.
 */
export function VerdictView({
  attribution,
  words,
  heading = 'Closest vendor',
}: {
  attribution: Attribution | PooledAttribution;
  /** Words of the answer, or of every determined answer pooled. */
  words: number;
  heading?: string;
}) {
  const head = headlineOf(attribution);
  if (!head) return <Undetermined reason={attribution.reason} words={words} />;
  const answers = 'n' in attribution ? attribution.n : 1;
  if ('mixed' in attribution && attribution.mixed) return <MixedView pooled={attribution} />;
  const strength = evidenceStrength(attribution, { answers, words });
  return (
    <div class="verdict" data-testid="verdict">
      <p class="verdict__headline">
        {heading}: <strong data-testid="verdict-family">{familyName(head.family)}</strong>{' '}
        <span class="verdict__p">({formatPercent(head.familyP)})</span>. Closest {familyName(head.family)} model:{' '}
        <strong data-testid="verdict-model">{head.model}</strong>{' '}
        <span class="verdict__p">({formatPercent(head.modelP)})</span>.
      </p>
      <p class="verdict__strength">
        <EvidenceBadge strength={strength} testId="verdict-strength" /> {STRENGTH_NOTE[strength]}
        {words < EVIDENCE_THRESHOLDS.minWords && ` ${formatCount(words)} word${words === 1 ? '' : 's'} are too few to recognise a writing style.`}
      </p>
      <div class="verdict__bars">
        <ProbabilityBars
          caption="Families"
          max={TOP}
          bars={attribution.families.map((f) => ({ key: f.family, label: familyName(f.family), p: f.p }))}
        />
        <ProbabilityBars
          caption="Models"
          max={TOP}
          bars={attribution.models.map((m) => ({ key: m.model, label: m.model, p: m.p }))}
        />
      </div>
      <Explanation lines={attribution.explanation} />
    </div>
  );
}

/** Answers that point to different vendors: said as such, with each vendor's share, never as one vendor. */
function MixedView({ pooled }: { pooled: PooledAttribution }) {
  return (
    <div class="verdict verdict--mixed" data-testid="verdict-mixed">
      <p class="verdict__headline">
        <strong>Mixed:</strong> these {formatCount(pooled.n)} answers point to different vendors, so they are not
        pooled into one.
      </p>
      <ul class="verdict__components">
        {pooled.components.map((c) => (
          <li key={c.family} data-testid="mixed-component">
            <strong>{familyName(c.family)}</strong> (closest model {c.model}): {formatCount(c.answers)} of{' '}
            {formatCount(pooled.n)} answers ({formatPercent(c.share)})
          </li>
        ))}
      </ul>
      <p class="verdict__strength">
        <EvidenceBadge strength="weak" testId="verdict-strength" /> One conversation or site may use several
        models, or the answers vary too much to say which.
      </p>
    </div>
  );
}
