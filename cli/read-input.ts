import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from './command';
import { isPlainObject, readJsonl, toItem, type InputItem } from '../lib/node/jsonl-answers';
import { datasetItems } from './dataset-input';

/** How to read an input: `auto` picks by file extension, and sniffs stdin and unknown extensions. */
export type InputFormat = 'auto' | 'jsonl' | 'text';
export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'jsonl', 'text'];

/** An input ready to stream: `name` is what error messages call it (`-` for stdin). */
export interface OpenedInput {
  name: string;
  items: AsyncIterable<InputItem>;
  /** How far reading has got, for a progress line; null when the size is unknown (stdin). */
  bytes(): { read: number; total: number } | null;
}

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
/** ModelPrint dataset exports that are not JSONL (docs/dataset-format.md); JSONL exports read as JSONL. */
const DATASET_EXTENSIONS = new Set(['.zip', '.parquet']);

/**
 * Reads a whole buffered input: JSONL when every non-empty line is a JSON object (and there is one),
 * otherwise the whole content is one answer named `name`. Records without `text` still count as JSONL
 * so that they are reported, not silently analysed as prose.
 */
export function sniffContent(content: string, name: string): InputItem[] {
  const text = content.replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  const items: InputItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Not JSON: by the documented rule the whole input is prose; this is the expected path for text.
      return [{ answer: { id: name, text } }];
    }
    if (!isPlainObject(value)) return [{ answer: { id: name, text } }];
    items.push(toItem(value, i + 1));
  }
  return items.length > 0 ? items : [{ answer: { id: name, text } }];
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function* fromArray(items: InputItem[]): AsyncGenerator<InputItem> {
  yield* items;
}

/** The size of the readable regular file `path`; turns the usual failures into a clear usage error. */
async function checkFile(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    if (code === 'EACCES') throw new UsageError(`${path}: permission denied`);
    throw new UsageError(`${path}: cannot read (${(error as Error).message})`);
  }
  if (!info.isFile()) throw new UsageError(`${path}: not a regular file`);
  return info.size;
}

/** The format `auto` resolves to for a path; null means "sniff the content". */
function formatFor(path: string, format: InputFormat): 'jsonl' | 'text' | null {
  if (format !== 'auto') return format;
  if (path === '-') return null;
  const ext = extname(path).toLowerCase();
  if (JSONL_EXTENSIONS.has(ext)) return 'jsonl';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  return null;
}

/**
 * Opens a file path or `-` (stdin). JSONL files stream; a text input is one answer; stdin and unknown
 * extensions in `auto` mode are buffered and sniffed, since the rule needs every line (force streaming
 * with `--input jsonl`). Throws {@link UsageError} when the file cannot be read.
 */
export async function openInput(path: string, format: InputFormat, stdin: Readable): Promise<OpenedInput> {
  const resolved = formatFor(path, format);
  const isStdin = path === '-';
  const total = isStdin ? 0 : await checkFile(path);
  if (format === 'auto' && !isStdin && DATASET_EXTENSIONS.has(extname(path).toLowerCase())) {
    return { name: path, items: fromArray(await datasetItems(path)), bytes: () => ({ read: total, total }) };
  }
  if (resolved === 'jsonl') {
    if (isStdin) return { name: path, items: readJsonl(stdin), bytes: () => null };
    const stream = createReadStream(path);
    return { name: path, items: readJsonl(stream), bytes: () => ({ read: stream.bytesRead, total }) };
  }
  const content = isStdin ? await readAll(stdin) : await readFile(path, 'utf8');
  // An empty file is almost always a mistake (a redirect that failed, the wrong path): say so, exit 2.
  if (content.replace(/^\uFEFF/, '').trim() === '') throw new UsageError(`${path}: the input is empty: nothing to process`);
  const bytes = () => (isStdin ? null : { read: total, total });
  if (resolved === 'text') return { name: path, items: fromArray([{ answer: { id: path, text: content.replace(/^\uFEFF/, '') } }]), bytes };
  return { name: path, items: fromArray(sniffContent(content, path)), bytes };
}
