/**
 * Texts for `npm run bench`, sampled from the corpus with a fixed seed. Corpus text is only ever written to a
 * temporary file that the bench deletes: never into the repository.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';

export interface Rec {
  id: string;
  text: string;
}

export function loadCorpus(path: string): Rec[] {
  if (!existsSync(path)) {
    process.stderr.write(`bench: corpus not found at ${path} (see ../shared/README.md), or pass --corpus PATH\n`);
    process.exit(2);
  }
  const out: Rec[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { id, text } = JSON.parse(line) as Rec;
    out.push({ id, text });
  }
  return out;
}

/** `count` texts of exactly `chars` characters, cut from longer corpus answers at random places. */
export function fixedLengthTexts(recs: Rec[], chars: number, count: number, next: () => number): string[] {
  const long = recs.filter((r) => r.text.length >= chars);
  return Array.from({ length: count }, () => {
    const text = long[Math.floor(next() * long.length)]!.text;
    const start = Math.floor(next() * (text.length - chars + 1));
    return text.slice(start, start + chars);
  });
}

/** One long text of `bytes` UTF-8 bytes, made of whole random answers separated by blank lines. */
export function longText(recs: Rec[], bytes: number, next: () => number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const text = recs[Math.floor(next() * recs.length)]!.text;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  // Cut to the byte budget; a character cut in half decodes to U+FFFD, which is dropped.
  return Buffer.from(parts.join('\n\n')).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}

/** Writes ~`bytes` of JSONL ({id, text}) sampled with repetition from the corpus into `path`. */
export async function writeSample(recs: Rec[], path: string, bytes: number, next: () => number): Promise<number> {
  const out = createWriteStream(path);
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const r = recs[Math.floor(next() * recs.length)]!;
    const line = JSON.stringify({ id: `${r.id}#${n++}`, text: r.text }) + '\n';
    size += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}
