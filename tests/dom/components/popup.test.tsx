import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupData } from '@/components/popup/Popup';
import type { PopupActions } from '@/components/popup/actions';
import type { Sample } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { claimOf } from '@/lib/verdict/claims';
import { fakeAttribution, fakeText, fromProbabilities } from '../../unit/verdict/fake-engine';
import { sampleOf, tabFor, tabOf } from './samples';

afterEach(cleanup);

const actions = (): PopupActions => ({
  setSiteEnabled: vi.fn(async () => {}),
  openDashboard: vi.fn(async () => {}),
  openSidePanel: vi.fn(async () => {}),
  openSettings: vi.fn(async () => {}),
});

/** The popup with `samples` as the background lists them (their stored listings) and `total` as its count. */
function show({ samples = [], total = samples.length, ...data }: Partial<Omit<PopupData, 'listings'>> & { samples?: Sample[]; total?: number }, a = actions()) {
  const full: PopupData = { listings: samples.map(listingOf), health: [], tab: tabOf(), siteEnabled: true, autoRecord: true, ...data };
  render(<Popup load={async () => full} count={async () => total} actions={a} subscribe={() => () => {}} />);
  return a;
}

describe('the popup', () => {
  it('shows a site\'s "layout not recognised" warning on that site\'s tabs only', async () => {
    const failing = { site: 'gemini' as const, url: 'https://gemini.google.com/app/1', ok: false, failingSelector: 'model-response', checkedAt: 1 };
    show({ health: [failing], tab: tabOf() });
    await screen.findByTestId('site-switch');
    expect(screen.queryAllByTestId('health-warning')).toHaveLength(0);
    cleanup();
    show({ health: [failing], tab: tabOf({ site: 'gemini' }) });
    expect((await screen.findByTestId('health-warning')).textContent).toMatch(/Gemini: this site's layout is not recognised/);
  });

  it('says "Paused on ChatGPT" visibly when the site is switched off, and "every site" when auto-record is off', async () => {
    show({ tab: tabOf(), siteEnabled: false });
    expect((await screen.findByTestId('paused')).textContent).toMatch(/^Paused on ChatGPT: new answers here are not recorded/);
    cleanup();
    show({ tab: tabOf(), autoRecord: false });
    expect((await screen.findByTestId('paused')).textContent).toMatch(/^Paused on every site/);
    cleanup();
    show({ tab: tabOf() });
    await screen.findByTestId('site-switch');
    expect(screen.queryByTestId('paused')).toBeNull();
  });

  it('shows the empty state when nothing is recorded', async () => {
    show({ tab: tabOf({ site: null }) });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    expect(await screen.findByText('0 answers recorded')).toBeTruthy();
    expect(screen.getByTestId('tab-not-supported')).toBeTruthy();
  });

  it('shows the latest answer with the top five families and models as labelled percentages', async () => {
    const sample = sampleOf(1);
    show({ samples: [sample], total: 1, tab: tabOf({ sample, conversationAnswers: 1 }) });
    expect((await screen.findByTestId('verdict-model')).textContent).toBe('claude-4');
    const bars = screen.getAllByTestId('probability-bar');
    expect(bars).toHaveLength(10);
    expect(bars[0]!.textContent).toMatch(/Anthropic.*\d+%/);
    expect(screen.getByTestId('claimed-model').textContent).toContain('gpt-4o');
  });

  it('shows an undetermined answer with its reason instead of bars', async () => {
    const sample = sampleOf(1, {}, 'Sure, here it is.');
    show({ samples: [sample], total: 1, tab: tabOf({ sample }) });
    const state = await screen.findByTestId('undetermined');
    expect(state.textContent).toMatch(/Too short to tell/);
    expect(state.textContent).toMatch(/4 words/);
    expect(screen.queryAllByTestId('probability-bar')).toHaveLength(0);
  });

  it('says plainly when the claim and the style disagree, with the strength of the evidence', async () => {
    const sample = sampleOf(3);
    const claim = claimOf(sample.site, sample.claimedModel)!;
    show({
      samples: [sample],
      total: 3,
      tab: tabOf({
        sample,
        conversationAnswers: 3,
        claim: { kind: 'mismatch', claim, claimedP: 0.01, resembled: { family: 'anthropic', p: 0.97 }, strength: 'strong', evidence: { answers: 3, words: 1800 } },
      }),
    });
    const notice = await screen.findByTestId('mismatch-notice');
    expect(notice.textContent).toMatch(/Claimed gpt-4o, but the style resembles Anthropic/);
    expect(screen.getByTestId('evidence-strength').textContent).toBe('strong evidence');
    expect(notice.textContent).toMatch(/3 answers \(1,800 words\)/);
  });

  it('draws data read before it was drawn at once, without loading it again, and counts after', async () => {
    const load = vi.fn(async (): Promise<PopupData> => { throw new Error('not asked'); });
    const initial: PopupData = { listings: [listingOf(sampleOf(1))], health: [], tab: tabOf({ site: null }), siteEnabled: true, autoRecord: true };
    render(<Popup initial={initial} load={load} count={async () => 7} actions={actions()} subscribe={() => () => {}} />);
    expect(screen.getAllByTestId('sample-row')).toHaveLength(1);
    expect(await screen.findByText('7 answers recorded')).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('lists many samples and formats the count for the locale', async () => {
    const samples = Array.from({ length: 20 }, (_, i) => sampleOf(i));
    show({ samples, total: 12345 });
    expect(await screen.findAllByTestId('sample-row')).toHaveLength(20);
    expect(await screen.findByText(`${(12345).toLocaleString()} answers recorded`)).toBeTruthy();
  });

  it('renders recorded text as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)> and <b>bold</b> ' + fakeText('gpt-4o');
    const sample = sampleOf(1, { claimedModel: { raw: '<script>alert(1)</script>', source: 'picker' } }, evil);
    const container = document.body;
    show({ samples: [sample], total: 1, tab: tabOf({ sample }) });
    await screen.findAllByTestId('sample-row');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByTestId('sample-row').textContent).toContain('<img src=x onerror=alert(1)');
    expect(screen.getByTestId('claimed-model').textContent).toContain('<script>alert(1)</script>');
  });

  it('switches recording off on this site and opens the other pages', async () => {
    const a = show({ tab: tabOf({ tabId: 7 } as never) });
    const toggle = (await screen.findByRole('switch', { name: /Record answers on ChatGPT/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(a.setSiteEnabled).toHaveBeenCalledWith('chatgpt', false));
    fireEvent.click(screen.getByRole('button', { name: 'Dashboard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Side panel' }));
    expect(a.openDashboard).toHaveBeenCalled();
    expect(a.openSidePanel).toHaveBeenCalledWith(7);
  });

  it('expands the explanation with the keyboard-operable disclosure', async () => {
    const sample = sampleOf(1);
    show({ samples: [sample], total: 1, tab: tabOf({ sample }) });
    const why = await screen.findByText('Why this verdict?');
    expect(why.tagName).toBe('SUMMARY');
    expect(screen.getByTestId('explanation').textContent).toContain('Uses habits typical of claude-4.');
  });
});

describe('the recent answers list', () => {
  it('names samples saved by hand and shows their label', async () => {
    const manual = sampleOf(1, { site: 'manual', claimedModel: null, userLabel: 'qwen-max', conversationId: null });
    show({ samples: [manual], total: 1, tab: tabOf({ site: null }) });
    const row = await screen.findByTestId('sample-row');
    expect(row.textContent).toContain('Saved by you');
    expect(row.textContent).toContain('your label: qwen-max');
  });

  it('names each answer’s vendor and a model of that vendor', async () => {
    show({ samples: [sampleOf(1)], total: 1, tab: tabOf({ site: null }) });
    expect((await screen.findByTestId('sample-row')).textContent).toMatch(/Resembles Anthropic: claude-4 \(90%\)/);
  });

  it('says when only the features of an answer were kept', async () => {
    const dropped = sampleOf(1, { text: '', textDropped: true, textLength: 900 });
    show({ samples: [dropped], total: 1, tab: tabOf({ site: null }) });
    expect((await screen.findByTestId('sample-row')).textContent).toContain('Text not kept (only its features).');
  });
});

describe('what the site really claims, in the popup', () => {
  it('words a mode-only page as the site’s operator, not as a claimed model', async () => {
    const samples = [1, 2, 3].map((i) =>
      sampleOf(i, { site: 'gemini', claimedModel: { raw: 'Flash', source: 'mode' } }, fakeText('gpt-4o', 0.99, 200)),
    );
    show({ samples, total: 3, tab: tabFor(samples) });
    const claimed = await screen.findByTestId('claimed-model');
    expect(claimed.textContent).toMatch(/The site says: Flash \(as the mode\), a mode, not a model\. Gemini is run by Google\./);
    const notice = screen.getByTestId('mismatch-notice');
    expect(notice.textContent).toMatch(/^Gemini is run by Google, but the style resembles OpenAI/);
    expect(notice.textContent).not.toMatch(/Claimed/);
    expect(notice.textContent).toMatch(/3 answers \(600 words\) from Gemini/);
    expect(screen.getByTestId('coverage').textContent).toMatch(/references for Google: Gemini 1\.0 to Gemini 3\.1/);
  });

  it('names Microsoft as Copilot’s operator and OpenAI as its models’ maker', async () => {
    const sample = sampleOf(1, { site: 'copilot', claimedModel: { raw: 'Smart', source: 'mode' } }, fakeText('gpt-4o', 0.9, 300));
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    expect((await screen.findByTestId('site-operator')).textContent).toBe(' Microsoft Copilot is run by Microsoft, with models from OpenAI.');
    expect(screen.getByTestId('claim-notice').textContent).toMatch(/^Consistent: Microsoft Copilot is run by Microsoft, with models from OpenAI, and the style most resembles OpenAI\./);
  });

  it('compares nothing on a multi-vendor site that shows only a mode', async () => {
    const sample = sampleOf(1, { site: 'perplexity', claimedModel: { raw: 'Best', source: 'mode' } }, fakeText('gpt-4o', 0.9, 300));
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    expect((await screen.findByTestId('claim-notice')).textContent).toBe(
      '“Best” is a mode, not a model, and Perplexity serves models of many vendors: nothing to compare the style with.',
    );
    expect(screen.queryByTestId('mismatch-notice')).toBeNull();
    expect(screen.queryByTestId('coverage')).toBeNull();
  });

  it('says when the claimed model is newer than every reference of its vendor', async () => {
    const sample = sampleOf(1, { site: 'claude', claimedModel: { raw: 'Opus 4.7', source: 'picker' } }, fakeText('claude-3', 0.9, 300));
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    expect((await screen.findByTestId('coverage-beyond')).textContent).toMatch(
      /^Opus 4\.7 is newer than every Anthropic reference \(the newest is Claude 4\.6\)\. A resemblance to an older Anthropic model says the style is Anthropic-like/,
    );
    expect(screen.getByTestId('coverage').textContent).toBe("ModelPrint's references for Anthropic: Claude 2 to Claude 4.6, Claude Instant 1.2.");
  });

  it('says nothing about newer models when the claim is covered', async () => {
    const sample = sampleOf(1, { site: 'claude', claimedModel: { raw: 'Sonnet 4.5', source: 'picker' } }, fakeText('claude-4', 0.9, 300));
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    await screen.findByTestId('coverage');
    expect(screen.queryByTestId('coverage-beyond')).toBeNull();
  });
});

describe('one consistent headline in the popup', () => {
  it('never makes a six-word answer look confident', async () => {
    const text = 'Paris is the capital, of course.';
    const sample = sampleOf(1, { verdict: { version: 'fake-1', computedAt: 1, attribution: fakeAttribution('claude-4', 0.99) } }, text);
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    const strength = await screen.findByTestId('verdict-strength');
    expect(strength.textContent).toBe('weak evidence');
    expect(strength.parentElement!.textContent).toMatch(/A hint, not a conclusion\. 6 words are too few to recognise a writing style\./);
    expect(screen.queryByTestId('mismatch-notice')).toBeNull(); // six words judge no claim either
  });

  it('shows a model of the vendor it shows, and never 100%', async () => {
    // A stored verdict whose top model (qwen) is not of the top vendor (OpenAI, two models together).
    const a = fromProbabilities({ 'gpt-4o': 0.3, 'gpt-5': 0.25, qwen: 0.45 - 1e-12, deepseek: 1e-12 });
    const stale = { ...a, model: 'qwen', family: 'openai' };
    const sample = sampleOf(1, { verdict: { version: 'fake-1', computedAt: 1, attribution: stale } });
    show({ samples: [sample], total: 1, tab: tabFor([sample]) });
    expect((await screen.findByTestId('verdict-family')).textContent).toBe('OpenAI');
    expect(screen.getByTestId('verdict-model').textContent).toBe('gpt-4o');
    const certain = sampleOf(2, { verdict: { version: 'fake-1', computedAt: 1, attribution: fakeAttribution('claude-4', 1) } });
    cleanup();
    show({ samples: [certain], total: 1, tab: tabFor([certain]) });
    await screen.findByTestId('verdict');
    expect(document.body.textContent).not.toMatch(/100\s?%/);
    expect(document.body.textContent).toMatch(/> 99\s?%/);
  });
});
