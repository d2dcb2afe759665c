import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCard } from '@/components/dashboard/GroupCard';
import { familyColors } from '@/components/dashboard/family-colors';
import { poolGroups, type PoolFn } from '@/lib/dashboard/groups';
import { SampleVerdict } from '@/components/dashboard/SampleVerdict';
import { sampleOf } from '../components/samples';
import { fakeEngine, fakeText, rowOf } from './fixtures';
import { fakeAttribution } from '../../unit/verdict/fake-engine';

afterEach(cleanup);

const colorOf = familyColors(['openai', 'anthropic']);

function showGroup(rows: ReturnType<typeof rowOf>[], kind: 'site' | 'claimed' | 'label', pool: PoolFn = fakeEngine.pool) {
  const [group] = poolGroups(rows, kind, pool);
  render(<GroupCard group={group!} pool={pool} colorOf={colorOf} />);
}

/** The engine's answer for a group whose answers point to two vendors. */
const mixedPool: PoolFn = (results) => ({
  ...fakeEngine.pool(results),
  mixed: true,
  components: [
    { family: 'openai', model: 'gpt-4o', share: 0.5, answers: 2 },
    { family: 'anthropic', model: 'claude-4', share: 0.5, answers: 2 },
  ],
});

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

describe('a pooled group, honestly', () => {
  it('shows a mixed group as mixed with its components, not one vendor', () => {
    const rows = [
      ...['a', 'b'].map((id) => rowOf({ id }, fakeText('gpt-4o', 0.99, 200))),
      ...['c', 'd'].map((id) => rowOf({ id }, fakeText('claude-4', 0.99, 200))),
    ];
    showGroup(rows, 'site', mixedPool);
    expect(screen.getByTestId('verdict-mixed').textContent).toMatch(/Mixed: these 4 answers point to different vendors/);
    expect(screen.getAllByTestId('mixed-component').map((c) => c.textContent)).toEqual([
      'OpenAI (closest model gpt-4o): 2 of 4 answers (50%)',
      'Anthropic (closest model claude-4): 2 of 4 answers (50%)',
    ]);
    expect(screen.queryByTestId('verdict-family')).toBeNull();
    expect(screen.queryByTestId('mismatch-notice')).toBeNull();
  });

  it('shows a group that agrees as its vendor, with a model of that vendor and the evidence label', () => {
    showGroup(['a', 'b', 'c'].map((id) => rowOf({ id }, fakeText('gpt-4o', 0.95, 200))), 'site');
    expect(screen.queryByTestId('verdict-mixed')).toBeNull();
    expect(screen.getByTestId('verdict-family').textContent).toBe('OpenAI');
    expect(screen.getByTestId('verdict-model').textContent).toBe('gpt-4o');
    expect(screen.getByTestId('verdict-strength').textContent).toBe('strong evidence');
    expect(document.body.textContent).not.toMatch(/100\s?%/);
  });

  it('judges a site group whose pages name only modes against the site’s operator', () => {
    const rows = ['a', 'b', 'c'].map((id) => rowOf({ id, site: 'gemini', claimedModel: { raw: 'Flash', source: 'mode' } }, fakeText('gpt-4o', 0.99, 200)));
    showGroup(rows, 'site');
    expect(screen.getByTestId('mismatch-notice').textContent).toMatch(/^Gemini is run by Google, but the style resembles OpenAI/);
    expect(screen.getByTestId('coverage').textContent).toMatch(/^ModelPrint's references for Google: Gemini 1\.0 to Gemini 3\.1/);
  });

  it('makes no claim for a group of the researcher’s own labels', () => {
    showGroup([rowOf({ id: 'a', site: 'manual', claimedModel: null, userLabel: 'mine' }, fakeText('gpt-4o', 0.99, 200))], 'label');
    expect(screen.queryByTestId('claim-notice')).toBeNull();
    expect(screen.queryByTestId('mismatch-notice')).toBeNull();
  });
});

describe('one answer in the dashboard’s detail view', () => {
  it('words the operator claim, the evidence and the coverage', () => {
    const sample = sampleOf(1, { site: 'claude', claimedModel: { raw: 'Opus 4.7', source: 'picker' } }, fakeText('gpt-4o', 0.99, 300));
    render(<SampleVerdict sample={sample} />);
    expect(screen.getByTestId('claimed-model').textContent).toMatch(/The site says: Opus 4\.7 \(in the model picker\)\. Claude is run by Anthropic\./);
    expect(screen.getByTestId('mismatch-notice').textContent).toMatch(/^Claimed Opus 4\.7, but the style resembles OpenAI/);
    expect(screen.getByTestId('evidence-strength').textContent).toBe('moderate evidence');
    expect(screen.getByTestId('coverage-beyond').textContent).toMatch(/^Opus 4\.7 is newer than every Anthropic reference/);
  });

  it('never makes a six-word answer look confident', () => {
    const sample = sampleOf(1, { verdict: { version: 'v', computedAt: 1, attribution: fakeAttribution('claude-4', 0.99) } }, 'It is Paris, of course, yes.');
    render(<SampleVerdict sample={sample} />);
    expect(screen.getByTestId('verdict-strength').textContent).toBe('weak evidence');
    expect(screen.getByTestId('claim-notice').textContent).toMatch(/Not enough evidence yet/);
  });
});
