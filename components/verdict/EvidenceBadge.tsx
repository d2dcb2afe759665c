import type { EvidenceStrength } from '@/lib/verdict/evidence-label';

/** The evidence label, said the same way wherever a verdict or a claim notice shows it. */
export function EvidenceBadge({ strength, testId = 'evidence-strength' }: { strength: EvidenceStrength; testId?: string }) {
  return (
    <span class={`strength-badge strength-badge--${strength}`} data-testid={testId}>
      {strength} evidence
    </span>
  );
}
