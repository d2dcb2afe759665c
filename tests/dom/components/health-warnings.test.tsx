import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { HealthWarnings } from '@/components/popup/HealthWarnings';
import type { SiteHealthReport } from '@/lib/messaging/protocol';

const report = (over: Partial<SiteHealthReport>): SiteHealthReport => ({
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/x',
  ok: true,
  failingSelector: null,
  checkedAt: Date.UTC(2026, 10, 28, 12, 0),
  ...over,
});

describe('selector-health warnings in the popup', () => {
  it('says a site layout is not recognised, with the site, the date and the selector that matched nothing', () => {
    render(<HealthWarnings reports={[report({ ok: false, failingSelector: '[data-testid^="conversation-turn-"]' }), report({ site: 'claude' })]} />);
    const warnings = screen.getAllByTestId('health-warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.textContent).toContain("ChatGPT: this site's layout is not recognised");
    expect(warnings[0]!.textContent).toContain('2026');
    expect(warnings[0]!.querySelector('code')?.textContent).toBe('[data-testid^="conversation-turn-"]');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('names the adapter and the date of the markup it knows, and says when a page is only half recognised', () => {
    const { container } = render(
      <HealthWarnings
        reports={[report({ site: 'deepseek', ok: false, problem: 'no-answer-text', markupSeen: '2026-10-05', failingSelector: '.ds-markdown' })]}
      />,
    );
    const warning = container.querySelector('[data-testid="health-warning"]');
    expect(warning!.textContent).toContain("DeepSeek: this site's layout is not recognised");
    expect(warning!.textContent).toContain('Turns were found, but no finished answer text could be read in them.');
    expect(warning!.textContent).toContain('Adapter deepseek knows the markup as of 2026-10-05.');
    expect(Array.from(warning!.querySelectorAll('code'), (c) => c.textContent)).toEqual(['deepseek', '.ds-markdown']);
  });

  it('shows nothing while every site is recognised', () => {
    const { container } = render(<HealthWarnings reports={[report({}), report({ site: 'gemini' })]} />);
    expect(container.textContent).toBe('');
  });
});
