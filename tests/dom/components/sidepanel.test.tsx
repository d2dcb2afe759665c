import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import type { SidePanelData } from '@/components/sidepanel/load';
import { fakeText } from '../../unit/verdict/fake-engine';
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
