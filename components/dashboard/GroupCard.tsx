import { useMemo } from 'preact/hooks';
import type { PoolGroup, PoolFn } from '@/lib/dashboard/groups';
import { familyTimeline } from '@/lib/dashboard/timeline';
import { formatCount } from '@/lib/display-numbers';
import { answersNeeded } from '@/lib/verdict/answers-needed';
import { AnswersNeededNote } from '@/components/verdict/AnswersNeededNote';
import { ClaimNotice } from '@/components/verdict/ClaimNotice';
import { VerdictView } from '@/components/verdict/VerdictView';
import { judgeAnswers } from '@/lib/verdict/claims';
import { FamilyChart } from './FamilyChart';
import { claimedName, siteName } from './display-names';
import { displayLabel } from '@/lib/display-text';

interface Props {
  group: PoolGroup;
  pool: PoolFn;
  colorOf: (family: string) => string;
}

export function GroupCard({ group, pool, colorOf }: Props) {
  const name = group.kind === 'site' ? siteName(group.value) : group.kind === 'claimed' ? claimedName(group.value) : displayLabel(group.value);
  const timeline = useMemo(() => familyTimeline(group.samples), [group.samples]);
  // Site and claimed-model groups make a claim (a named model, else the site's operator); a label group
  // is the researcher's own and claims nothing.
  const judgement = useMemo(() => (group.kind === 'label' ? null : judgeAnswers(pool, group.samples)), [group, pool]);
  const words = useMemo(() => group.samples.reduce((sum, r) => sum + (r.verdict && !r.verdict.undetermined ? r.words : 0), 0), [group]);
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
        <VerdictView attribution={p} words={words} heading="Pooled, these answers most resemble" />
      ) : (
        <p class="muted">No verdict stored yet for these answers.</p>
      )}
      {judgement && <ClaimNotice judgement={judgement} />}
      <AnswersNeededNote needed={needed} />
      <FamilyChart timeline={timeline} colorOf={colorOf} title={name} />
    </article>
  );
}
