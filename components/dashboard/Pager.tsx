import type { Page } from '@/lib/dashboard/query';
import { formatCount } from '@/lib/display-numbers';

export function Pager({ page, onPage }: { page: Page<unknown>; onPage: (page: number) => void }) {
  const last = page.pageCount - 1;
  const from = page.total === 0 ? 0 : page.start + 1;
  const to = page.start + page.rows.length;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" class="button" onClick={() => onPage(0)} disabled={page.page === 0}>First</button>
      <button type="button" class="button" onClick={() => onPage(page.page - 1)} disabled={page.page === 0}>Previous</button>
      <span class="pager__where" aria-live="polite" data-testid="pager-status">
        {formatCount(from)}–{formatCount(to)} of {formatCount(page.total)} · page {formatCount(page.page + 1)} of{' '}
        {formatCount(page.pageCount)}
      </span>
      <button type="button" class="button" onClick={() => onPage(page.page + 1)} disabled={page.page >= last}>Next</button>
      <button type="button" class="button" onClick={() => onPage(last)} disabled={page.page >= last}>Last</button>
    </nav>
  );
}
