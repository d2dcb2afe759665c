import { useMemo } from 'preact/hooks';
import type { PoolGroup, PoolFn } from '@/lib/dashboard/groups';
import { NONE } from '@/lib/dashboard/query';
import { familyTimeline } from '@/lib/dashboard/timeline';
import { formatCount } from '@/lib/dashboard/format';
import { answersNeeded } from '@/lib/verdict/answers-needed';
import { AnswersNeededNote } from '@/components/verdict/AnswersNeededNote';
import { ClaimNotice } from '@/components/verdict/ClaimNotice';
import { VerdictView } from '@/components/verdict/VerdictView';
import { resolveClaim } from '@/lib/sites/claims';
import { judgeClaimInRows } from '@/lib/dashboard/claim';
import { FamilyChart } from './FamilyChart';
import { claimedName, siteName } from './labels';
import { displayLabel } from '@/lib/display-text';

interface Props {
  group: PoolGroup;
  pool: PoolFn;
  colorOf: (family: string) => string;
}

export function GroupCard({ group, pool, colorOf }: Props) {
  const name = group.kind === 'site' ? siteName(group.value) : group.kind === 'claimed' ? claimedName(group.value) : displayLabel(group.value);
  const timeline = useMemo(() => familyTimeline(group.samples), [group.samples]);
  const judgement = useMemo(() => {
    if (group.kind !== 'claimed' || group.value === NONE) return null;
    const source = group.samples[0]?.claimSource ?? 'message';
    return judgeClaimInRows(pool, resolveClaim({ raw: group.value, source }), group.value, group.samples);
  }, [group, pool]);
  const needed = useMemo(() => answersNeeded(pool, group.samples.flatMap((r) => (r.verdict ? [r.verdict] : []))), [group, pool]);
  const p = group.pooled;
  const headingId = `group-${group.key.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <article class="card" aria-labelledby={headingId} data-testid="group-card">
      <h4 id={headingId}>{name}</h4>
      <p class="muted">
        {formatCount(group.samples.length)} answer{group.samples.length === 1 ? '' : 's'}
        {p ? `, ${formatCount(p.n)} with a decided verdict` : ''}
      </p>
      {p ? (
        <VerdictView attribution={p} heading="Pooled, these answers most resemble" />
      ) : (
        <p class="muted">No verdict stored yet for these answers.</p>
      )}
      {judgement && <ClaimNotice judgement={judgement} />}
      <AnswersNeededNote needed={needed} />
      <FamilyChart timeline={timeline} colorOf={colorOf} title={name} />
    </article>
  );
}
