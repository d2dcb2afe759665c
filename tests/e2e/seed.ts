/**
 * Seeding many samples through the extension's own code (shared by the dashboard and storage-safety
 * specs): real corpus answers are saved with the `saveText` message, so their verdicts come from the
 * bundled engine with its version, then cloned in the service worker into `n` samples over 60 days and
 * three sources, in one IndexedDB transaction.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page, Worker } from '@playwright/test';
import { listingOf } from '../../lib/sample-listing';
import type { Sample } from '../../lib/sample';
import { SHARED, storedSamples } from './fixtures';

export interface CorpusText {
  label: string;
  family: string;
  text: string;
}

/** Up to `perFamily` answers of 120–400 words per family, read from the start of the corpus. */
export async function corpusTexts(families: string[], perFamily = 2): Promise<CorpusText[]> {
  const out: CorpusText[] = [];
  const lines = createInterface({ input: createReadStream(path.join(SHARED, 'corpus/train.jsonl')) });
  for await (const line of lines) {
    const r = JSON.parse(line) as CorpusText;
    const words = r.text.split(/\s+/).length;
    const have = out.filter((t) => t.family === r.family);
    if (families.includes(r.family) && have.length < perFamily && !have.some((t) => t.label === r.label) && words >= 120 && words <= 400) {
      out.push({ label: r.label, family: r.family, text: r.text });
    }
    if (out.length === families.length * perFamily) break;
  }
  lines.close();
  return out;
}

export async function send(page: Page, type: string, data: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ type, data }) => {
      const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ modelprint: 1, type, data })) as { ok: boolean; value?: unknown; error?: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    { type, data },
  );
}

/**
 * Clones the saved corpus samples into `n` samples: OpenAI answers on ChatGPT claimed as gpt-4o, Anthropic
 * answers on Claude, Google answers on ChatGPT claimed as gpt-4o-mini (a mismatch to show), the rest pasted
 * with their corpus label. The clones' own fields and their listings (the extension's `listingOf`) are
 * built here; the worker adds each clone's original (text, verdict) and writes samples and listings in
 * one transaction, on the database the extension created.
 */
export async function seed(background: Worker, originals: Sample[], families: Record<string, string>, n: number): Promise<number> {
  const now = Date.now();
  const span = 60 * 86_400_000;
  const clones: Array<{ from: number; own: Partial<Sample> }> = [];
  const listings = [];
  for (let i = 0; i < n; i++) {
    const from = i % originals.length;
    const o = originals[from]!;
    const family = families[o.id] ?? 'other';
    const conversation = `conv-${Math.floor(i / 8)}`;
    const own: Partial<Sample> = { id: `seed:${conversation}:m${i}`, conversationId: conversation, messageId: `m${i}`, capturedAt: now - Math.round((i / n) * span), prompt: `Question ${i}`, userLabel: null };
    if (family === 'openai') Object.assign(own, { site: 'chatgpt', url: `https://chatgpt.com/c/${conversation}`, claimedModel: { raw: 'gpt-4o', source: 'message' } });
    else if (family === 'anthropic') Object.assign(own, { site: 'claude', url: `https://claude.ai/chat/${conversation}`, claimedModel: { raw: 'Sonnet 4.5', source: 'picker' } });
    else if (family === 'google') Object.assign(own, { site: 'chatgpt', url: `https://chatgpt.com/c/${conversation}`, claimedModel: { raw: 'gpt-4o-mini', source: 'message' } });
    else Object.assign(own, { site: 'manual', url: '', claimedModel: null, userLabel: families[`label:${o.id}`] });
    clones.push({ from, own });
    listings.push(listingOf({ ...o, ...own }));
  }
  return background.evaluate(
    ({ ids, clones, listings }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('modelprint');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('samples').objectStore('samples').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            const byId = new Map((read.result as Array<Record<string, unknown>>).map((s) => [s.id, s]));
            const tx = db.transaction(['samples', 'listings'], 'readwrite');
            const samples = tx.objectStore('samples');
            for (const id of ids) {
              samples.delete(id);
              tx.objectStore('listings').delete(id);
            }
            for (const c of clones) samples.put({ ...byId.get(ids[c.from]), ...c.own });
            for (const l of listings) tx.objectStore('listings').put(l);
            tx.oncomplete = () => {
              db.close();
              resolve(clones.length);
            };
            tx.onerror = () => reject(tx.error);
          };
        };
      }),
    { ids: originals.map((o) => o.id), clones, listings },
  );
}

/** Saves corpus answers of six families with `saveText`, then clones them into `n` samples (see {@link seed}). */
export async function seedFromCorpus(page: Page, background: Worker, n: number): Promise<number> {
  const texts = await corpusTexts(['openai', 'anthropic', 'google', 'meta', 'deepseek', 'mistral']);
  for (const t of texts) await send(page, 'saveText', { text: t.text });
  const saved = (await storedSamples(background)) as unknown as Sample[];
  const families: Record<string, string> = {};
  for (const s of saved) {
    const t = texts.find((x) => x.text === s.text)!;
    families[s.id] = t.family;
    families[`label:${s.id}`] = t.label;
  }
  return seed(background, saved, families, n);
}
