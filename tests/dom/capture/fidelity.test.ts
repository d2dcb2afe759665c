/**
 * Capture fidelity (issue #4): what the engine sees after a page rendered an answer and an adapter read it
 * back must lead to the same attribution as the original text. For every site, 200 corpus answers are
 * rendered with a standard markdown renderer (marked, with single newlines as line breaks, as chat UIs show
 * them) inside that site's own answer markup (the body of a
 * complete answer in the site's end-to-end fixture), read back through the adapter, and attributed; the
 * top model must agree with the original's for at least 98% of them. Rates are printed per site.
 *
 * Needs the corpus at ../shared/corpus/train.jsonl (CI has it); the texts are read, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { answerBodies, readAnswer } from '@/lib/capture/read-answer';
import { attribute } from '@/lib/fingerprint';
import { siteAdapters } from '@/lib/sites/registry';
import { contentHash } from '@/lib/sample';
import { FIXTURES_DIR, parsePage } from '../sites/page-helpers';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/train.jsonl');
const SAMPLE_SIZE = 200;
const MIN_AGREEMENT = 0.98;

/** 200 answers spread over the corpus by a stable hash of their id, so every label is represented. */
function corpusSample(): { id: string; text: string }[] {
  const records = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; text: string });
  return records
    .map((r) => ({ r, key: contentHash(r.id) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, SAMPLE_SIZE)
    .map(({ r }) => ({ id: r.id, text: r.text }));
}

const rates: string[] = [];
afterAll(() => {
  if (rates.length) console.log(`[capture fidelity] top-model agreement per site:\n${rates.join('\n')}`);
});

describe.skipIf(!existsSync(CORPUS))('capture fidelity on corpus answers', () => {
  const sample = existsSync(CORPUS) ? corpusSample() : [];
  const originals = sample.map((s) => attribute(s.text, undefined, { explain: false }));

  test.each(siteAdapters.map((a) => [a.id, a] as const))('%s: the captured text attributes like the original', (id, adapter) => {
    const e2e = JSON.parse(readFileSync(path.join(FIXTURES_DIR, id, 'e2e.json'), 'utf8'));
    const { fixture, url } = e2e.navigation as { fixture: string; url: string };
    const doc = parsePage(readFileSync(path.join(FIXTURES_DIR, id, fixture), 'utf8'));
    const page = scanPage(adapter, doc);
    const answer = page.answers.at(-1);
    expect(answer, `${id}/${fixture} must show a complete answer`).toBeTruthy();
    const [body, ...rest] = answerBodies(page.variant!, answer!);
    for (const extra of rest) extra.remove();

    let agree = 0;
    const misses: string[] = [];
    sample.forEach((s, i) => {
      body!.innerHTML = marked.parse(s.text, { async: false, gfm: true, breaks: true });
      const captured = readAnswer(adapter, page.variant!, answer!, doc, url).text;
      const result = attribute(captured, undefined, { explain: false });
      const original = originals[i]!;
      const same = original.undetermined ? result.undetermined : result.model === original.model;
      if (same) agree++;
      else if (misses.length < 5) misses.push(`${s.id}: ${original.model ?? original.reason} → ${result.model ?? result.reason}`);
    });
    const rate = agree / sample.length;
    rates.push(`  ${id.padEnd(12)} ${(rate * 100).toFixed(1)}% (${agree}/${sample.length})`);
    expect(rate, `disagreements, first ones:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  }, 120_000);
});
