/**
 * Text inputs: a JSONL file (one record per line) or a JSON document (a dataset document, an array of
 * records or one record). A BOM and CRLF line ends are accepted (Windows editors write both); invalid
 * UTF-8 and broken JSON are reported with their line.
 */
import { DatasetError, type RecordError } from './errors';

/** One parsed input record, before validation. */
export interface RawItem {
  line: number;
  value: unknown;
}

/** Where parsed records go, one at a time: a reader validates each and drops it (lib/dataset/validate.ts). */
export interface ItemSink {
  /** A dataset document's own fields, before any of its records. */
  head?(head: DocumentHead): void;
  item(item: RawItem): void;
  /** A line that is not JSON at all. */
  error(error: RecordError): void;
}

/** What a dataset document says of itself, unvalidated. */
export interface DocumentHead {
  format?: unknown;
  formatVersion?: unknown;
  manifest?: unknown;
}

export interface ParsedText {
  kind: 'jsonl' | 'json';
  /** Records handed to the sink, valid JSON or not. */
  count: number;
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes UTF-8 (dropping a BOM), or says on which line the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array, name = 'the file'): string {
  try {
    return fatal.decode(bytes);
  } catch {
    const text = lenient.decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? 0 : text.slice(0, bad).split('\n').length;
    throw new DatasetError(`${name} is not valid UTF-8${line ? ` (first bad byte on line ${line})` : ''}: save it as UTF-8 and try again`);
  }
}

function jsonError(e: unknown): string {
  return `not valid JSON (${e instanceof Error ? e.message : String(e)})`;
}

/** Thrown before any record is read when a file has more records than the reader takes. */
export function assertCount(count: number, max: number): void {
  if (count > max) {
    throw new DatasetError(
      `the file holds ${count.toLocaleString('en')} records; at most ${max.toLocaleString('en')} are imported at once: import it in parts`,
    );
  }
}

/** Each line of `text` with its 1-based number, without its `\n` (and `\r`): a scan, not an array of every line. */
function* linesOf(text: string): Generator<[number, string]> {
  let number = 0;
  for (let at = 0; at <= text.length; ) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    number++;
    yield [number, text.charCodeAt(stop - 1) === 13 ? text.slice(at, stop - 1) : text.slice(at, stop)];
    if (end < 0) return;
    at = end + 1;
  }
}

const isBlank = (line: string) => line.trim() === '';

/** JSONL: one value per non-blank line, each handed to `sink` as it is parsed. A truncated last line is reported like any broken line. */
function parseJsonl(text: string, maxRecords: number, sink: ItemSink): ParsedText {
  if (Number.isFinite(maxRecords)) {
    let count = 0;
    for (const [, line] of linesOf(text)) if (!isBlank(line)) count++;
    assertCount(count, maxRecords);
  }
  let count = 0;
  for (const [number, line] of linesOf(text)) {
    if (isBlank(line)) continue;
    count++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      sink.error({ line: number, field: '', message: jsonError(e) });
      continue;
    }
    sink.item({ line: number, value });
  }
  return { kind: 'jsonl', count };
}

/** Records of an array, handed to `sink`, each dropped from the array once handed on. */
function handOn(values: unknown[], sink: ItemSink): number {
  for (let i = 0; i < values.length; i++) {
    sink.item({ line: i + 1, value: values[i] });
    values[i] = undefined;
  }
  return values.length;
}

/**
 * A JSON document, an array of records, or JSONL, told apart by parsing: a whole-text parse that succeeds
 * is a document (or an array, or a single record); anything else is read line by line.
 */
export function parseDatasetText(text: string, maxRecords: number, sink: ItemSink): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === '[' || start === '{') {
    let whole: unknown;
    try {
      whole = JSON.parse(body);
    } catch (e) {
      // `{` on the first line of JSONL fails here at line 2: read it as JSONL. A lone `[` cannot be JSONL.
      if (start === '[') {
        sink.error({ line: 0, field: '', message: jsonError(e) });
        return { kind: 'json', count: 1 };
      }
      return parseJsonl(body, maxRecords, sink);
    }
    if (Array.isArray(whole)) {
      assertCount(whole.length, maxRecords);
      return { kind: 'json', count: handOn(whole, sink) };
    }
    if (whole !== null && typeof whole === 'object' && 'samples' in whole) {
      const doc = whole as { samples: unknown; manifest?: unknown; format?: unknown; formatVersion?: unknown };
      if (!Array.isArray(doc.samples)) throw new DatasetError('the JSON document\'s "samples" is not an array of records');
      assertCount(doc.samples.length, maxRecords);
      sink.head?.({ format: doc.format, formatVersion: doc.formatVersion, manifest: doc.manifest });
      return { kind: 'json', count: handOn(doc.samples, sink) };
    }
    sink.item({ line: 1, value: whole });
    return { kind: 'json', count: 1 };
  }
  return parseJsonl(body, maxRecords, sink);
}
