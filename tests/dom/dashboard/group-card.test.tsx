import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCard } from '@/components/dashboard/GroupCard';
import { familyColors } from '@/components/dashboard/family-colors';
import { poolGroups } from '@/lib/dashboard/groups';
import { fakeEngine, fakeText, rowOf } from './fixtures';

afterEach(cleanup);

const colorOf = familyColors(['openai', 'anthropic']);

function showGroup(rows: ReturnType<typeof rowOf>[], kind: 'site' | 'claimed') {
  const [group] = poolGroups(rows, kind, fakeEngine.pool);
  render(<GroupCard group={group!} pool={fakeEngine.pool} colorOf={colorOf} />);
}

describe('a pooled group', () => {
  it('is undetermined when no answer could be attributed', () => {
    showGroup([rowOf({ id: 'a' }, 'Sure.'), rowOf({ id: 'b' }, 'OK, done.')], 'site');
    expect(screen.getByTestId('undetermined').textContent).toMatch(/No answer could be attributed/);
    expect(screen.queryAllByTestId('probability-bar')).toHaveLength(0);
    expect(screen.getByText(/2 answers, 0 with a decided verdict/)).toBeTruthy();
  });

  it('shows the pooled verdict with bars and a chart with a legend and table', () => {
    showGroup([rowOf({ id: 'a' }, fakeText('gpt-4o', 0.7)), rowOf({ id: 'b' }, fakeText('gpt-4o', 0.8))], 'site');
    expect(screen.getByTestId('verdict-model').textContent).toBe('gpt-4o');
    expect(screen.getAllByTestId('probability-bar').length).toBeGreaterThan(0);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^ChatGPT: resembled families per minute/);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('OpenAI');
    expect(screen.getByText('Show as table')).toBeTruthy();
  });

  it('says when the claimed model and the pooled style disagree, with the evidence strength', () => {
    const rows = ['a', 'b', 'c'].map((id) => rowOf({ id, claimedModel: { raw: 'gpt-4o', source: 'message' } }, fakeText('claude-4', 0.99, 300)));
    showGroup(rows, 'claimed');
    expect(screen.getByRole('heading', { level: 4 }).textContent).toBe('gpt-4o');
    const notice = screen.getByTestId('mismatch-notice');
    expect(notice.textContent).toMatch(/Claimed gpt-4o, but the style resembles Anthropic/);
    expect(screen.getByTestId('evidence-strength').textContent).toBe('strong evidence');
  });

  it('says a matching claim is consistent', () => {
    showGroup([rowOf({ id: 'a', claimedModel: { raw: 'gpt-4o', source: 'message' } }, fakeText('gpt-4o', 0.9, 300))], 'claimed');
    expect(screen.getByTestId('claim-notice').textContent).toMatch(/^Consistent/);
  });
});
