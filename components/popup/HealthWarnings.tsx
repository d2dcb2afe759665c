import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { siteLabel } from '@/lib/sites/site-labels';

/** What the page showed that the adapter could not read, in the user's words. */
const PROBLEM: Record<'no-turns' | 'no-answer-text', string> = {
  'no-turns': 'No conversation turn was found.',
  'no-answer-text': 'Turns were found, but no finished answer text could be read in them.',
};

/** A selector that stops matching must be visible, never silent (issue: selector health). */
export function HealthWarnings({ reports }: { reports: SiteHealthReport[] }) {
  const failing = reports.filter((r) => !r.ok);
  if (failing.length === 0) return null;
  return (
    <div class="warnings" role="alert">
      {failing.map((r) => (
        <p key={r.site} class="warning" data-testid="health-warning">
          <strong>{siteLabel(r.site)}</strong>: this site's layout is not recognised (checked{' '}
          {new Date(r.checkedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}).
          {r.problem && <> {PROBLEM[r.problem]}</>} Answers there are not being recorded.
          {r.markupSeen && (
            <>
              {' '}
              Adapter <code>{r.site}</code> knows the markup as of {r.markupSeen}.
            </>
          )}
          {r.failingSelector && (
            <>
              {' '}
              No match for <code>{r.failingSelector}</code>.
            </>
          )}
        </p>
      ))}
    </div>
  );
}
