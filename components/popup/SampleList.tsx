import { MANUAL_SITE } from '@/lib/sample';
import type { SampleListing } from '@/lib/sample-listing';
import { siteLabel } from '@/lib/sites/site-labels';
import { formatPercent } from '@/lib/display-numbers';
import { familyName } from '@/lib/verdict/vendor-names';
import { PageText } from '../PageText';

/** The newest answers, one stored listing each (the popup never reads the samples themselves). */
export function SampleList({ listings }: { listings: SampleListing[] }) {
  if (listings.length === 0) {
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
      {listings.map((l) => (
        <li key={l.id} class="sample" data-testid="sample-row">
          <div class="sample__meta">
            <span class="sample__site">{l.site === MANUAL_SITE ? 'Saved by you' : siteLabel(l.site)}</span>
            {l.shared && (
              <span class="sample__shared" data-testid="sample-shared" title="Read on a shared conversation: someone else's prompts">
                shared
              </span>
            )}
            <span class="sample__model" title="The model the site says answered">
              {l.claimed !== null ? <PageText text={l.claimed} /> : l.userLabel ? <>your label: <PageText text={l.userLabel} /></> : 'model not shown'}
            </span>
            <time dateTime={new Date(l.capturedAt).toISOString()}>
              {new Date(l.capturedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}
            </time>
          </div>
          {/* The listing's headline: the closest vendor and its model, as the verdict's one headline says. */}
          <p class="sample__verdict">
            {l.model !== null && l.family !== null ? `Resembles ${familyName(l.family)}: ${l.model} (${formatPercent(l.confidence)})` : 'Undetermined'}
          </p>
          {/* Recorded text is rendered as text (Preact escapes it), never as HTML. */}
          <p class="sample__preview" dir="auto">{l.textDropped ? 'Text not kept (only its features).' : l.preview}</p>
        </li>
      ))}
    </ol>
  );
}
