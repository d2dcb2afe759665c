import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import type { SidePanelData } from '@/components/sidepanel/load';
import type { Attribution, PooledAttribution } from '@/lib/verdict/types';
import { fakePool, fakeText } from '../../unit/verdict/fake-engine';
import { conversationOf, sampleOf, tabOf } from './samples';

afterEach(cleanup);

function show(data: SidePanelData) {
  render(<SidePanel load={async () => data} subscribe={() => () => {}} />);
}

describe('the side panel', () => {
  it('says when the active tab is not a chatbot conversation', async () => {
    show({ tab: tabOf({ site: null }), conversation: null });
    expect((await screen.findByTestId('sidepanel-empty')).textContent).toMatch(/not a chatbot conversation/);
  });

  it('says when the conversation has no recorded answer, and when recording is paused', async () => {
    show({ tab: tabOf({ recording: false }), conversation: null });
    expect((await screen.findByTestId('sidepanel-empty')).textContent).toMatch(/No answer recorded.*paused/);
  });

  it('lists every answer with its verdict and pools them, with the answers still needed for 95%', async () => {
    const samples = [1, 2, 3].map((i) => sampleOf(i, {}, fakeText('gemini-3', 0.4)));
    show({ tab: tabOf({ sample: samples[2]! }), conversation: conversationOf(samples) });
    expect(await screen.findAllByTestId('conversation-answer')).toHaveLength(3);
    expect(screen.getByTestId('pooled-verdict').textContent).toMatch(/Pooled verdict of 3 of 3 answers/);
    expect(screen.getAllByTestId('verdict-model')[0]!.textContent).toBe('gemini-3');
    expect(screen.getByTestId('answers-needed').textContent).toMatch(/About \d+ more answers? like these would bring Google .* to 95%.*estimate/);
  });

  it('reports a reached 95% and a strong mismatch over many answers', async () => {
    const samples = Array.from({ length: 12 }, (_, i) => sampleOf(i));
    show({ tab: tabOf({ sample: samples[11]! }), conversation: conversationOf(samples) });
    expect((await screen.findByTestId('answers-needed')).textContent).toMatch(/95% or more/);
    expect(screen.getByTestId('evidence-strength').textContent).toBe('strong evidence');
    expect(screen.getAllByTestId('conversation-answer')).toHaveLength(12);
  });

  it('names each answer by its prompt, or its first words when it has none, not only by its number', async () => {
    const samples = [
      sampleOf(1, { prompt: 'How do tides work?' }),
      sampleOf(2, { prompt: '' }, 'The short answer is gravity. ' + fakeText('qwen')),
      sampleOf(3, { prompt: 'x'.repeat(300) }),
    ];
    show({ tab: tabOf({ sample: samples[2]! }), conversation: conversationOf(samples) });
    const titles = (await screen.findAllByTestId('answer-title')).map((t) => t.textContent ?? '');
    expect(titles[0]).toBe('How do tides work?');
    expect(titles[1]).toMatch(/^“The short answer is gravity\. .*”$/);
    expect(titles[2]!.length).toBeLessThanOrEqual(90);
    expect(new Set(titles).size).toBe(3);
  });

  it('shows undetermined answers with their reason and pools only the others', async () => {
    const samples = [sampleOf(1, {}, 'Yes.'), sampleOf(2)];
    show({ tab: tabOf({ sample: samples[1]! }), conversation: conversationOf(samples) });
    const items = await screen.findAllByTestId('conversation-answer');
    expect(items[0]!.textContent).toMatch(/Undetermined: Too short/);
    expect(screen.getByTestId('pooled-verdict').textContent).toMatch(/1 of 2 answers/);
  });

  it('renders an answer containing HTML as literal text', async () => {
    const text = '<img src=x onerror=alert(1)><a href="javascript:alert(2)">link</a> ' + fakeText('qwen');
    const samples = [sampleOf(1, {}, text)];
    show({ tab: tabOf({ sample: samples[0]! }), conversation: conversationOf(samples) });
    await screen.findAllByTestId('conversation-answer');
    expect(document.body.querySelector('img, a[href^="javascript"]')).toBeNull();
    expect(document.body.textContent).toContain('<img src=x onerror=alert(1)><a href="javascript:alert(2)">link</a>');
  });
});

/** A pool that reports what the engine reports for a group of answers pointing to two vendors. */
function mixedPool(results: Attribution[]): PooledAttribution {
  return {
    ...fakePool(results),
    mixed: true,
    components: [
      { family: 'google', model: 'gemini-3', share: 0.6, answers: 3 },
      { family: 'openai', model: 'gpt-4o', share: 0.4, answers: 2 },
    ],
  };
}

describe('pooled verdicts in the side panel', () => {
  it('shows a mixed conversation as mixed, with its components, never as one confident vendor', async () => {
    const samples = [
      ...[1, 2, 3].map((i) => sampleOf(i, {}, fakeText('gemini-3', 0.99, 200))),
      ...[4, 5].map((i) => sampleOf(i, {}, fakeText('gpt-4o', 0.99, 200))),
    ];
    show({ tab: tabOf({ sample: samples[4]! }), conversation: conversationOf(samples, mixedPool) });
    const pooled = await screen.findByTestId('pooled-verdict');
    const mixed = screen.getByTestId('verdict-mixed');
    expect(mixed.textContent).toMatch(/Mixed: these 5 answers point to different vendors/);
    expect(screen.getAllByTestId('mixed-component').map((c) => c.textContent)).toEqual([
      'Google (closest model gemini-3): 3 of 5 answers (60%)',
      'OpenAI (closest model gpt-4o): 2 of 5 answers (40%)',
    ]);
    expect(mixed.querySelector('[data-testid="verdict-strength"]')!.textContent).toBe('weak evidence');
    expect(pooled.querySelector('[data-testid="verdict-family"]')).toBeNull();
    expect(pooled.textContent).not.toMatch(/100\s?%/);
    // The claim (gpt-4o on ChatGPT) is neither confirmed nor contradicted by a mixed group.
    expect(screen.getByTestId('claim-notice').textContent).toMatch(/^Inconclusive: the answers point to different vendors/);
  });

  it('shows a group that agrees as one vendor with its evidence label, capped below 100%', async () => {
    const samples = Array.from({ length: 6 }, (_, i) => sampleOf(i, {}, fakeText('gemini-3', 0.99, 200)));
    show({ tab: tabOf({ sample: samples[5]! }), conversation: conversationOf(samples) });
    const pooled = await screen.findByTestId('pooled-verdict');
    expect(screen.queryByTestId('verdict-mixed')).toBeNull();
    expect(pooled.querySelector('[data-testid="verdict-family"]')!.textContent).toBe('Google');
    expect(pooled.querySelector('[data-testid="verdict-strength"]')!.textContent).toBe('strong evidence');
    expect(pooled.querySelector('.verdict__headline')!.textContent).toMatch(/Google \(> 99\s?%\)/);
    expect(pooled.textContent).not.toMatch(/100\s?%/);
  });

  it('judges a conversation whose page names only a mode against the site’s operator', async () => {
    const samples = [1, 2, 3].map((i) => sampleOf(i, { site: 'grok', claimedModel: { raw: 'Expert', source: 'mode' } }, fakeText('claude-4', 0.99, 200)));
    show({ tab: tabOf({ site: 'grok', sample: samples[2]! }), conversation: conversationOf(samples) });
    await screen.findByTestId('pooled-verdict');
    expect(screen.getByTestId('mismatch-notice').textContent).toMatch(/^Grok is run by xAI, but the style resembles Anthropic/);
  });
});
