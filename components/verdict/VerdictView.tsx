import { familyName, formatPercent } from '@/lib/verdict/names';
import type { Attribution } from '@/lib/verdict/types';
import { Explanation } from './Explanation';
import { ProbabilityBars } from './ProbabilityBars';
import { Undetermined } from './Undetermined';

/** How many models and families the bars show (the issue asks for the top 5). */
const TOP = 5;

/**
 * One attribution (single answer or pooled): the closest family and model in words, then the top five
 * of each as bars, then the explanation. Undetermined attributions show only the reason.
 */
export function VerdictView({
  attribution,
  words,
  heading = 'Closest vendor',
}: {
  attribution: Attribution;
  words?: number;
  heading?: string;
}) {
  if (attribution.undetermined || !attribution.model || !attribution.family) {
    return <Undetermined reason={attribution.reason} words={words} />;
  }
  // Family and model are said apart: the top model need not belong to the top family (several models
  // of one vendor can together outweigh a single model of another).
  const familyP = attribution.families[0]?.p ?? 0;
  return (
    <div class="verdict" data-testid="verdict">
      <p class="verdict__headline">
        {heading}: <strong data-testid="verdict-family">{familyName(attribution.family)}</strong>{' '}
        <span class="verdict__p">({formatPercent(familyP)})</span>. Closest model:{' '}
        <strong data-testid="verdict-model">{attribution.model}</strong>{' '}
        <span class="verdict__p">({formatPercent(attribution.confidence)})</span>.
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
