/**
 * Field check (issue 14 point 7): the answers on real saved chatbot pages (../shared/fixtures/real-dom/, read in
 * place, never copied) are read through the capture code exactly as the extension reads them (site adapter →
 * scanPage → readAnswer, in a happy-dom document like tests/dom), attributed, and scored against the operator
 * of the site that served them. A small sample, reported and never tuned to. Perplexity serves many vendors,
 * so its answers have no operator to agree with and are listed apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { Signatures } from '../../lib/fingerprint/signatures';
import { attribute } from '../../lib/fingerprint/attribute';
import { evidenceStrength } from '../../lib/fingerprint/evidence';
import { analyze } from '../../lib/fingerprint/analysis';

export const REAL_DOM = resolve(import.meta.dirname, '../../../shared/fixtures/real-dom');

/** Each fixture folder: the site adapter id, a URL on that site, and the vendor running it (null: many vendors). */
const SITES: Record<string, { url: string; operator: string | null }> = {
  chatgpt: { url: 'https://chatgpt.com/c/field-check', operator: 'openai' },
  claude: { url: 'https://claude.ai/chat/field-check', operator: 'anthropic' },
  gemini: { url: 'https://gemini.google.com/app/field-check', operator: 'google' },
  deepseek: { url: 'https://chat.deepseek.com/a/chat/s/field-check', operator: 'deepseek' },
  lechat: { url: 'https://chat.mistral.ai/chat/field-check', operator: 'mistral' },
  perplexity: { url: 'https://www.perplexity.ai/search/field-check', operator: null },
};

export interface FieldAnswer { site: string; page: string; operator: string | null; family: string | null; model: string | null; confidence: number; words: number; strength: string }
export interface FieldPage { site: string; page: string; answers: number; error: string | null }

/** Every answer the capture code records on every saved page, attributed with `sig`. */
export async function fieldCheck(sig: Signatures): Promise<{ pages: FieldPage[]; answers: FieldAnswer[] } | null> {
  if (!existsSync(REAL_DOM)) return null;
  const window = new Window({ url: 'https://example.invalid/' });
  // The adapters use a few DOM globals (Node constants); give them happy-dom's, as the vitest dom project does.
  Object.assign(globalThis, { Node: window.Node, Element: window.Element, HTMLElement: window.HTMLElement });
  const { siteAdapters } = await import('../../lib/sites/registry');
  const { scanPage } = await import('../../lib/capture/find-answers');
  const { readAnswer } = await import('../../lib/capture/read-answer');
  const pages: FieldPage[] = [];
  const answers: FieldAnswer[] = [];
  for (const site of Object.keys(SITES).sort()) {
    const dir = join(REAL_DOM, site);
    const adapter = siteAdapters.find((a) => a.id === site);
    if (!existsSync(dir) || !adapter) continue;
    for (const page of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
      try {
        const html = readFileSync(join(dir, page), 'utf8').replace(/<(\/?)iframe\b/g, '<$1mp-iframe');
        const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
        const scan = scanPage(adapter, doc);
        const texts = scan.variant ? scan.answers.map((a) => readAnswer(adapter, scan.variant!, a, doc, SITES[site]!.url).text) : [];
        pages.push({ site, page, answers: texts.length, error: null });
        for (const text of texts) {
          const a = attribute(text, sig, { explain: false });
          const words = analyze(text).words.length;
          answers.push({ site, page, operator: SITES[site]!.operator, family: a.family, model: a.model, confidence: a.confidence, words, strength: evidenceStrength(a, words, sig) });
        }
      } catch (error) {
        pages.push({ site, page, answers: 0, error: (error as Error).message.split('\n')[0]! });
      }
    }
  }
  await window.happyDOM.close();
  return { pages, answers };
}
