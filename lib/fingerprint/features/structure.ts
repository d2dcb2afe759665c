/**
 * Layout skeleton as hashed tokens: sequences of line kinds (heading → bullet → bullet...) and how list items
 * and paragraphs begin (first two words per line kind). Captures "bold term: explanation" lists, numbered
 * steps, closing summaries, etc. without depending on marker characters that rendering changes.
 */
import { hashString } from '../hash';
import type { FeatureFamily } from './family';

const SEED_KINDS = 0x5e5e0001;
const SEED_LEAD = 0x5e5e0002;
const ABBREV: Record<string, string> = {
  blank: '', heading: 'H', bullet: 'B', ordered: 'O', table: 'T', quote: 'Q', fence: 'F', code: '', hr: 'R', text: 'P',
};

export const structure: FeatureFamily = {
  id: 'structure',
  version: 1,
  names: [],
  sparse(a, sink) {
    let prev = '^';
    let prev2 = '^';
    for (let i = 0; i < a.lines.length; i++) {
      const k = ABBREV[a.kinds[i]!]!;
      if (!k) continue;
      if (k === 'F' && prev === 'F') continue;
      const nested = (k === 'B' || k === 'O') && a.lines[i]!.startsWith(' ') ? k.toLowerCase() : k;
      sink.add(hashString(prev2 + prev + nested, SEED_KINDS), 1);
      prev2 = prev;
      prev = nested;
      if (k === 'T' || k === 'F') continue;
      const body = a.lines[i]!.replace(/^\s*(?:#+|-|\d+\.|>) /, '');
      const lead = body.startsWith('**') ? '**' + (/^\*\*[^*]*\*\*:/.test(body) ? ':' : '') : '';
      const firstWords = body.replace(/\*\*/g, '').split(/\s+/, 2).join(' ').toLowerCase();
      sink.add(hashString(nested + lead + '|' + firstWords, SEED_LEAD), 1);
      sink.add(hashString(nested + lead, SEED_LEAD), 1);
    }
    sink.add(hashString(prev2 + prev + '$', SEED_KINDS), 1);
  },
  describe: (name) => ({ phrase: name, kind: 'rate' }),
};
