import { MANUAL_SITE, type Sample } from '@/lib/sample';
import { previewOf } from '@/lib/sample-listing';
import { siteLabel } from '@/lib/sites/site-labels';
import { headlineOf } from '@/lib/verdict/headline';
import { formatPercent } from '@/lib/display-numbers';
import { familyName } from '@/lib/verdict/vendor-names';
import { PageText } from '../PageText';

export function SampleList({ samples }: { samples: Sample[] }) {
  if (samples.length === 0) {
    return (
      <div class="empty" data-testid="empty-state">
        <p>
          <strong>No answers recorded yet.</strong>
        </p>
        <p>
          Open a conversation on a supported chatbot site (for example chatgpt.com) and ModelPrint records
          each finished answer there. Nothing leaves your computer.
        </p>
      </div>
    );
  }
  return (
    <ol class="samples" aria-label="Recorded answers, newest first">
      {samples.map((s) => (
        <li key={s.id} class="sample" data-testid="sample-row">
          <div class="sample__meta">
            <span class="sample__site">{s.site === MANUAL_SITE ? 'Saved by you' : siteLabel(s.site)}</span>
            {s.shared && (
              <span class="sample__shared" data-testid="sample-shared" title="Read on a shared conversation: someone else's prompts">
                shared
              </span>
            )}
            <span class="sample__model" title="The model the site says answered">
              {s.claimedModel ? <PageText text={s.claimedModel.raw} /> : s.userLabel ? <>your label: <PageText text={s.userLabel} /></> : 'model not shown'}
            </span>
            <time dateTime={new Date(s.capturedAt).toISOString()}>
              {new Date(s.capturedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}
            </time>
          </div>
          <VerdictChip sample={s} />
          {/* Recorded text is rendered as text (Preact escapes it), never as HTML. */}
          <p class="sample__preview" dir="auto">{s.textDropped ? 'Text not kept (only its features).' : previewOf(s.text)}</p>
        </li>
      ))}
    </ol>
  );
}

/** The closest vendor and its model of a stored verdict in one line (the one headline), or why there is none. */
function VerdictChip({ sample }: { sample: Sample }) {
  const a = sample.verdict?.attribution;
  if (!a) return null;
  const head = headlineOf(a);
  return (
    <p class="sample__verdict">
      {head ? `Resembles ${familyName(head.family)}: ${head.model} (${formatPercent(head.modelP)})` : 'Undetermined'}
    </p>
  );
}
