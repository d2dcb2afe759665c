// @needs ../shared: checks the adapter on the real ChatGPT pages
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { chainAll, queryAll } from '@/lib/capture/selector-query';
import { chatgpt, chatgptConversationId } from '@/lib/sites/chatgpt';
import { capturedAnswers, fixture, realCapture, REAL_DOM_DIR } from './page-helpers';

const URL_C = 'https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd';

/**
 * Counted by hand from the HTML of each real capture (NL, MIT; 2026-01 and 2026-07):
 * turns = `conversation-turn-N` sections/articles; prompts = user messages; answers = assistant turns that
 * hold an assistant message (the Deep Research turn holds only a sandboxed iframe).
 */
const REAL_CAPTURES = [
  { file: 'artifacts-code.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-4o'] },
  { file: 'artifacts-svg.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-4o'] },
  { file: 'citations.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-4o'] },
  { file: 'comprehensive.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-4o'] },
  { file: 'deep-research-2026-07.html', turns: 4, prompts: 2, answers: 1, models: ['gpt-5-5'] },
  { file: 'formatting-showcase-2026-07.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-5-5'] },
  { file: 'longcode-160-lines-2026-07.html', turns: 2, prompts: 1, answers: 1, models: ['gpt-5-5'] },
  {
    file: 'real-capture.html',
    turns: 26,
    prompts: 13,
    answers: 13,
    // The 11th answer was written by gpt-4-1-mini (a per-message slug, not the page's picker).
    models: [...Array<string>(10).fill('gpt-4o'), 'gpt-4-1-mini', 'gpt-4o', 'gpt-4o'],
  },
] as const;

/** UI text that must never reach a saved answer or prompt (English and the Spanish 2026-01 capture). */
const LEAKS = /ChatGPT said|You said|Tú dijiste|ChatGPT Plus|Copy code|Copiar|Copy table|Copy response|Run code|Show more|Show less|Edit message|Thought for/;

// The 260 KB real capture takes ~1 s here, but several times that on a loaded two-core CI machine.
describe('ChatGPT adapter on real captures', { timeout: 30_000 }, () => {
  test('the table covers every real ChatGPT capture', () => {
    const files = readdirSync(path.join(REAL_DOM_DIR, 'chatgpt')).filter((f) => f.endsWith('.html'));
    expect(REAL_CAPTURES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  test.each(REAL_CAPTURES)('$file: $turns turns, $prompts prompts, $answers answers', ({ file, turns, prompts, answers }) => {
    const doc = realCapture('chatgpt', file);
    const scan = scanPage(chatgpt, doc);
    expect(scan.variant?.id).toBe('a-conversation-turn');
    expect(scan.turns).toHaveLength(turns);
    expect(scan.turns.flatMap((t) => chainAll(t, scan.variant!.userMessage))).toHaveLength(prompts);
    expect(scan.answers).toHaveLength(answers);
  });

  test.each(REAL_CAPTURES)('$file: every answer has text, a prompt, an id and its model slug', ({ file, models }) => {
    const saved = capturedAnswers(chatgpt, realCapture('chatgpt', file), URL_C);
    expect(saved.map((a) => a.claimedModel)).toEqual(models.map((raw) => ({ raw, source: 'message' })));
    for (const answer of saved) {
      expect(answer.text.length).toBeGreaterThan(20);
      expect(answer.prompt.length).toBeGreaterThan(5);
      expect(answer.messageId).toBeTruthy();
      expect(answer.conversationId).toBe('6a1e0000-0000-4000-8000-00000000abcd');
      expect(answer.reasoning).toBeNull();
      expect(answer.text).not.toMatch(LEAKS);
      expect(answer.prompt).not.toMatch(LEAKS);
    }
  });

  test.each(REAL_CAPTURES)('$file: every answer on a saved page reads as finished: complete, or settleable', ({ file }) => {
    const doc = realCapture('chatgpt', file);
    const scan = scanPage(chatgpt, doc);
    for (const answer of scan.answers) {
      // NL's exporter pages and the deep-research page were saved without action bars: not complete, but
      // nothing on them is generating, so they complete by settling.
      const hasActionBar = !['artifacts-code.html', 'artifacts-svg.html', 'citations.html', 'comprehensive.html', 'deep-research-2026-07.html'].includes(file);
      expect(readSignals(chatgpt, scan.variant!, answer, doc)).toMatchObject({ generating: false, complete: hasActionBar, settleable: true });
    }
  });

  test('an earlier answer does not settle while a later one is being written (the stop button is page-wide)', () => {
    const doc = realCapture('chatgpt', 'deep-research-2026-07.html');
    doc.querySelector('main')!.insertAdjacentHTML(
      'beforeend',
      `<section data-testid="conversation-turn-5" data-turn="user"><div data-message-author-role="user" data-message-id="u5"><div class="whitespace-pre-wrap">More?</div></div></section>
       <section data-testid="conversation-turn-6" data-turn="assistant"><div data-message-author-role="assistant" data-message-id="a6"><div class="markdown prose"><p>Tide</p></div></div></section>
       <button data-testid="stop-button"></button>`,
    );
    const scan = scanPage(chatgpt, doc);
    const [earlier, streaming] = scan.answers.map((a) => readSignals(chatgpt, scan.variant!, a, doc));
    // The stop button is the last answer's generating signal, and stops every answer from settling.
    expect(earlier).toMatchObject({ generating: false, complete: false, settleable: false });
    expect(streaming).toMatchObject({ generating: true, settleable: false });
  });

  test('a saved page completes by settling only while nothing on the page is generating, and never on an error turn', () => {
    const doc = realCapture('chatgpt', 'citations.html');
    const [answer] = scanPage(chatgpt, doc).answers;
    const signals = () => readSignals(chatgpt, scanPage(chatgpt, doc).variant!, answer!, doc);
    expect(signals()).toMatchObject({ generating: false, complete: false, settleable: true });
    const stop = doc.createElement('button');
    stop.setAttribute('data-testid', 'stop-button');
    doc.body.append(stop);
    expect(signals()).toMatchObject({ generating: true, settleable: false });
    stop.remove();
    const error = doc.createElement('div');
    error.className = 'text-token-text-error';
    error.textContent = 'Something went wrong while generating the response.';
    answer!.messages[0]!.append(error);
    expect(signals()).toMatchObject({ generating: false, complete: false, settleable: false });
  });

  test('the formatting showcase (2026-07) rebuilds to the expected markdown exactly', () => {
    const [answer] = capturedAnswers(chatgpt, realCapture('chatgpt', 'formatting-showcase-2026-07.html'), URL_C);
    expect(answer?.text).toBe(
      [
        '## Fictional Widget Factory',
        '',
        // The link loses the `?utm_source=chatgpt.com` ChatGPT appended.
        '**Bold** *italic* `widget.init()` and [example.com](https://example.com) power imaginary production.',
        '',
        '- Blue widgets',
        '- Red widgets',
        '  - Tested daily',
        '- Golden widgets',
        '',
        '1. Assemble casing.',
        '2. Package widgets.',
        '',
        '| Widget | Batch | Status |',
        '|---|---|---|',
        '| Alpha | F-101 | Ready |',
        '| Beta | F-102 | Packed |',
        '',
        '> Every fictional widget passed pretend inspection.',
        '',
        '---',
        '',
        '```python',
        'factory = "Fictional"',
        'widgets = ["Alpha", "Beta"]',
        'count = len(widgets)',
        'for w in widgets:',
        '    print(w)',
        'ready = count == 2',
        'print(ready)',
        '```',
        '',
        '```json',
        '{',
        '  "factory": "Fictional"',
        '}',
        '```',
        '',
        'Inline: $E = mc^2$',
        '',
        '$$',
        '\\sum_{i=1}^{3} i = 6',
        '$$',
      ].join('\n'),
    );
    expect(answer?.messageId).toBe('7a00741b-48d8-4c8b-a960-eee1717e3b19');
  });

  test('the 160-line code block (2026-07) survives whole, with its language', () => {
    const [answer] = capturedAnswers(chatgpt, realCapture('chatgpt', 'longcode-160-lines-2026-07.html'), URL_C);
    const lines = answer!.text.split('\n');
    expect(lines[0]).toBe('```python');
    expect(lines.at(-1)).toBe('```');
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: 160 }, (_, i) => `x_${String(i + 1).padStart(3, '0')} = ${String(i + 1).padStart(3, '0')}`));
  });

  test('Deep Research: the iframe turn is not an answer, and the follow-up pairs with its own prompt', () => {
    const [answer] = capturedAnswers(chatgpt, realCapture('chatgpt', 'deep-research-2026-07.html'), URL_C);
    expect(answer?.prompt).toBe('Great! Now summarise that in two sentences.');
    expect(answer?.text).toBe(
      'A tidal mill trapped the incoming tide in a pond and let it out through a wheel on the ebb, so the grinding day slid forward with the tide instead of the sun.\n\n' +
        'They faded once steam let a miller work fixed hours anywhere, and the ponds silted up faster than they were worth dredging.',
    );
  });

  test('citation pills and their favicons are dropped without leaving a space before the full stop', () => {
    const [answer] = capturedAnswers(chatgpt, realCapture('chatgpt', 'citations.html'), URL_C);
    expect(answer?.text).toBe(
      'Quantum computing has seen significant progress recently. Major tech companies are investing heavily in quantum research.\n\n' +
        'Key developments include:\n\n- Error correction advances\n- Increased qubit counts in commercial systems\n- New quantum algorithms for optimization problems\n\n' +
        'Research institutions continue to push boundaries.',
    );
  });

  test('code blocks beside `.markdown` (older layout) keep their order and language', () => {
    const [answer] = capturedAnswers(chatgpt, realCapture('chatgpt', 'comprehensive.html'), URL_C);
    const fences = answer!.text.split('\n').filter((l) => l.startsWith('```') && l.length > 3);
    expect(fences).toEqual(['```javascript', '```svg', '```css']);
    expect(answer!.text.indexOf('Simple Counter')).toBeLessThan(answer!.text.indexOf('```javascript'));
  });

});

describe('ChatGPT selectors on the 2026-01 real capture (expected match counts)', { timeout: 30_000 }, () => {
  const doc = realCapture('chatgpt', 'real-capture.html');
  test.each([
    ['[data-testid^="conversation-turn-"]', 26],
    ['[data-message-author-role="user"]', 13],
    ['[data-message-author-role="assistant"]', 13],
    ['[data-message-author-role="assistant"][data-message-model-slug]', 13],
    ['button[data-testid="copy-turn-action-button"]', 26],
    ['button[data-testid="good-response-turn-action-button"]', 13],
    ['[data-testid="webpage-citation-pill"]', 4],
    // Negative controls: other families and retired markup are absent.
    ['div[data-turn-key]', 0],
    ['li[data-message-role]', 0],
    ['button[data-testid="stop-button"]', 0],
    ['.result-streaming', 0],
  ])('%s matches %i', (css, count) => {
    expect(queryAll(doc, css)).toHaveLength(count);
  });
});

describe('ChatGPT adapter on hand-built fixtures (2026-11-28)', () => {
  test('family A with a "Thought for" chip: messages merged, reasoning kept apart, mode recorded', () => {
    const saved = capturedAnswers(chatgpt, fixture('chatgpt', 'a-thinking.html'), URL_C);
    expect(saved).toHaveLength(2);
    expect(saved[0]).toMatchObject({
      messageId: '22222222-2222-4222-8222-222222222222',
      prompt: 'Plan a picnic.\nKeep it short.',
      text: 'Start with a checklist.\n\n- Pick a park.\n- Pack water.\n\nEnjoy it.',
      reasoning: 'The user wants brevity, so three items.',
      claimedModel: { raw: 'gpt-5-5-thinking', source: 'message' },
    });
    expect(saved[1]).toMatchObject({
      prompt: 'And the food?',
      text: 'Sandwiches travel well.',
      reasoning: null,
      claimedModel: { raw: 'Thinking', source: 'mode' },
    });
  });

  test('family A mid-stream: the finished answer is complete, the last one is generating', () => {
    const doc = fixture('chatgpt', 'a-mid-stream.html');
    const scan = scanPage(chatgpt, doc);
    expect(scan.answers.map((a) => readSignals(chatgpt, scan.variant!, a, doc))).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
  });

  test('family B (turn-key): prompt and answer share a turn; blocks merged; picker label', () => {
    const doc = fixture('chatgpt', 'b-turn-key.html');
    const scan = scanPage(chatgpt, doc);
    expect(scan.variant?.id).toBe('b-turn-key');
    expect(scan.answers.map((a) => readSignals(chatgpt, scan.variant!, a, doc))).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
    const [first, second] = capturedAnswers(chatgpt, doc, URL_C);
    expect(first).toMatchObject({
      messageId: 'bbbbbbbb-0000-4000-8000-000000000002',
      prompt: 'Why are roof tiles red?',
      text: 'Iron oxide in the **clay**.\n\nFiring turns it red.',
      claimedModel: { raw: 'GPT-5.5', source: 'picker' },
    });
    expect(second).toMatchObject({ prompt: 'Now in French.', text: 'Les tuiles' });
  });

  test('family C (transcript list): pending ids are not message ids; placeholders are stripped', () => {
    const doc = fixture('chatgpt', 'c-transcript.html');
    const scan = scanPage(chatgpt, doc);
    expect(scan.variant?.id).toBe('c-transcript');
    expect(scan.answers.map((a) => readSignals(chatgpt, scan.variant!, a, doc))).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
    const [first, second] = capturedAnswers(chatgpt, doc, 'https://chatgpt.com/uc/cccccccc-0000-4000-8000-0000000000ff');
    expect(first).toMatchObject({
      messageId: 'cccccccc-0000-4000-8000-000000000002',
      conversationId: 'cccccccc-0000-4000-8000-0000000000ff',
      prompt: 'Name three rivers.',
      text: 'The Nile, the Amazon and the Danube.',
    });
    expect(second).toMatchObject({ messageId: null, prompt: 'Which is longest?', text: 'The Nile is usually' });
  });

  test('the streaming fixture starts as a finished family A pair', () => {
    const saved = capturedAnswers(chatgpt, fixture('chatgpt', 'streaming.html'), URL_C);
    expect(saved).toMatchObject([{ prompt: 'What makes the tides?', text: 'Mostly the **Moon**.' }]);
  });
});

describe('ChatGPT conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd', '6a1e0000-0000-4000-8000-00000000abcd'],
    ['https://chat.openai.com/c/6A1E0000-0000-4000-8000-00000000ABCD', '6a1e0000-0000-4000-8000-00000000abcd'],
    ['https://chatgpt.com/uc/6a1e0000-0000-4000-8000-00000000abcd', '6a1e0000-0000-4000-8000-00000000abcd'],
    ['https://chatgpt.com/g/g-p-abc123-project/c/6a1e0000-0000-4000-8000-00000000abcd', '6a1e0000-0000-4000-8000-00000000abcd'],
    // A share link is someone else's conversation: no conversation id (its share id: share-pages.test.ts).
    ['https://chatgpt.com/share/6a1e0000-0000-4000-8000-00000000abcd', null],
    ['https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd?model=gpt-5', '6a1e0000-0000-4000-8000-00000000abcd'],
    ['https://chatgpt.com/', null],
    ['https://chatgpt.com/?temporary-chat=true', null],
    ['https://chatgpt.com/gpts', null],
    ['https://chatgpt.com/c/not-a-uuid', null],
  ])('%s → %s', (url, id) => {
    expect(chatgptConversationId(new URL(url))).toBe(id);
  });
});
