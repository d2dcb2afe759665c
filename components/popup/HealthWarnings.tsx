import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { siteLabel } from '@/lib/sites/labels';

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
          Answers there are not being recorded.
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
