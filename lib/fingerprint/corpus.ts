/**
 * The labelled corpus as the engine reads it: JSONL lines → records, each with its genre (the corpus README's
 * rule for v1 lines that have none) and its split group. Pure: file reading lives in lib/node/corpus-files.ts.
 */
import { hashString } from './hash';
import type { CorpusRecord } from './types';

/** The corpus genres, in the order reports list them (../shared/corpus/README.md §Genres). */
export const GENRES = ['chat', 'debate', 'puzzle', 'writing', 'writing-fi', 'writing-zh', 'creative', 'essay'] as const;

/** A record's genre: its own `genre` field, else (v1 lines) `chat` for chat-instruction and `debate` for persuasion turns. */
export function genreOf(r: CorpusRecord): string {
  if (typeof r.genre === 'string' && r.genre) return r.genre;
  return r.task === 'persuasion-dialogue' ? 'debate' : 'chat';
}

/** SpeechMap sets whose questions are one question in three languages (selected together, so split together). */
const SPEECHMAP_CHINA = /^speechmap-(china|fi_china|zh_china):/;

/**
 * Split group: a prompt (or debate topic) is never on both sides of a split. Debate turns group by topic;
 * the Finnish and Chinese versions of a SpeechMap China question group with its English original.
 */
export function groupOf(r: CorpusRecord): string {
  const topic = r.meta && typeof r.meta === 'object' ? r.meta.topic_id : undefined;
  if (r.task === 'persuasion-dialogue' && topic !== undefined) return `topic:${topic}`;
  if (r.prompt_id && SPEECHMAP_CHINA.test(r.prompt_id)) return `speechmap-china-question:${r.prompt_id.replace(SPEECHMAP_CHINA, '')}`;
  return r.prompt_id ?? r.id ?? `text:${hashString(r.text)}`;
}

/**
 * Parses JSONL corpus text. Lines without a string text, label and family are skipped (counted); a line that is
 * not JSON throws with its line number, so a broken file is never half-read silently.
 */
export function parseCorpus(text: string, name = 'corpus'): { records: CorpusRecord[]; skipped: number } {
  const records: CorpusRecord[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    let r: CorpusRecord;
    try {
      r = JSON.parse(line) as CorpusRecord;
    } catch (error) {
      throw new Error(`${name} line ${n + 1}: not JSON (${(error as Error).message})`);
    }
    if (!r || typeof r.text !== 'string' || typeof r.label !== 'string' || typeof r.family !== 'string') { skipped++; continue; }
    r.genre = genreOf(r);
    records.push(r);
  }
  return { records, skipped };
}
