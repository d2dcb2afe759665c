import { describe, expect, it } from 'vitest';
import { genreOf, groupOf, parseCorpus } from '../../../lib/fingerprint/corpus';

describe('corpus records', () => {
  it('derives the genre of v1 lines from their task and keeps the genre of 2025 lines', () => {
    expect(genreOf({ text: 'x', label: 'a', family: 'f', task: 'chat-instruction' })).toBe('chat');
    expect(genreOf({ text: 'x', label: 'a', family: 'f', task: 'persuasion-dialogue' })).toBe('debate');
    expect(genreOf({ text: 'x', label: 'a', family: 'f', task: 'chat-instruction', genre: 'writing-fi' })).toBe('writing-fi');
  });

  it('groups a SpeechMap China question with its Finnish and Chinese versions, and debate turns by topic', () => {
    const g = (prompt_id: string) => groupOf({ text: 'x', label: 'a', family: 'f', prompt_id });
    expect(g('speechmap-china:china_criticism_03')).toBe(g('speechmap-fi_china:china_criticism_03'));
    expect(g('speechmap-zh_china:china_criticism_03')).toBe(g('speechmap-china:china_criticism_03'));
    expect(g('speechmap-us:us_criticism_03')).not.toBe(g('speechmap-china:china_criticism_03'));
    expect(groupOf({ text: 'x', label: 'a', family: 'f', task: 'persuasion-dialogue', prompt_id: 'p', meta: { topic_id: 'prop_0004' } })).toBe('topic:prop_0004');
  });

  it('parses JSONL, skips records without text, label or family, and names the line of broken JSON', () => {
    const { records, skipped } = parseCorpus('{"text":"a","label":"l","family":"f","task":"chat-instruction"}\n\n{"text":"b"}\n');
    expect(records).toHaveLength(1);
    expect(records[0]!.genre).toBe('chat');
    expect(skipped).toBe(1);
    expect(() => parseCorpus('{"text":"a"}\n{oops', 'c.jsonl')).toThrow(/c\.jsonl line 2: not JSON/);
  });
});
