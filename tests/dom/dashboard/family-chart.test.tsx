import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FamilyChart } from '@/components/dashboard/FamilyChart';
import { familyColors } from '@/components/dashboard/family-colors';
import { familyTimeline } from '@/lib/dashboard/timeline';
import { row } from '../../unit/dashboard/make-row';

afterEach(cleanup);

const colorOf = familyColors(['openai', 'anthropic']);
const at = (h: number, m = 0) => new Date(2026, 6, 1, h, m).getTime();

describe('the "over time" chart', () => {
  it('shows a day of recording by the hour, with the count above every bar', () => {
    const rows = [
      ...[0, 5, 10].map((m) => row({ id: `a${m}`, family: 'openai', capturedAt: at(9, m) })),
      ...[0, 30].map((m) => row({ id: `b${m}`, family: 'anthropic', capturedAt: at(14, m) })),
    ];
    const { container } = render(<FamilyChart timeline={familyTimeline(rows)} colorOf={colorOf} title="ChatGPT" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/per hour/);
    expect(screen.getAllByTestId('bar-count').map((t) => t.textContent)).toEqual(['3', '2']);
    // Six hourly buckets, 9:00 to 14:00, the empty ones kept as gaps.
    expect(container.querySelectorAll('svg > g')).toHaveLength(6);
  });

  it('never draws one bar across the whole chart', () => {
    const rows = [0, 1, 2].map((s) => row({ id: String(s), family: 'openai', capturedAt: at(9) + s * 1000 }));
    const { container } = render(<FamilyChart timeline={familyTimeline(rows)} colorOf={colorOf} title="ChatGPT" />);
    const bar = container.querySelector('svg rect')!;
    expect(Number(bar.getAttribute('width'))).toBeLessThanOrEqual(56);
    expect(screen.getByTestId('bar-count').textContent).toBe('3');
  });
});
