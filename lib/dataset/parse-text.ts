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

export interface ParsedText {
  kind: 'jsonl' | 'json';
  items: RawItem[];
  /** Lines that are not JSON at all. */
  errors: RecordError[];
  /** The `manifest` of a dataset document, unvalidated; undefined for JSONL and bare arrays. */
  manifest?: unknown;
  /** The document's own `format` / `formatVersion`, unvalidated. */
  head?: { format?: unknown; formatVersion?: unknown };
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

/** Thrown before any line is parsed when a file has more records than the reader takes. */
function assertCount(count: number, max: number): void {
  if (count > max) {
    throw new DatasetError(
      `the file holds ${count.toLocaleString('en')} records; at most ${max.toLocaleString('en')} are imported at once: import it in parts`,
    );
  }
}

/** JSONL: one value per non-blank line. A truncated last line is reported like any broken line. */
export function parseJsonl(text: string, maxRecords = Infinity): ParsedText {
  const items: RawItem[] = [];
  const errors: RecordError[] = [];
  const lines = text.split('\n');
  if (Number.isFinite(maxRecords)) assertCount(lines.filter((l) => l.trim() !== '').length, maxRecords);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    try {
      items.push({ line: i + 1, value: JSON.parse(line) });
    } catch (e) {
      errors.push({ line: i + 1, field: '', message: jsonError(e) });
    }
  }
  return { kind: 'jsonl', items, errors };
}

/**
 * A JSON document, an array of records, or JSONL, told apart by parsing: a whole-text parse that succeeds
 * is a document (or an array, or a single record); anything else is read line by line.
 */
export function parseDatasetText(text: string, maxRecords = Infinity): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === '[' || start === '{') {
    let whole: unknown;
    try {
      whole = JSON.parse(body);
    } catch (e) {
      // `{` on the first line of JSONL fails here at line 2: read it as JSONL. A lone `[` cannot be JSONL.
      if (start === '[') return { kind: 'json', items: [], errors: [{ line: 0, field: '', message: jsonError(e) }] };
      return parseJsonl(body, maxRecords);
    }
    if (Array.isArray(whole)) assertCount(whole.length, maxRecords);
    if (Array.isArray(whole)) return { kind: 'json', items: whole.map((value, i) => ({ line: i + 1, value })), errors: [] };
    if (whole !== null && typeof whole === 'object' && 'samples' in whole) {
      const doc = whole as { samples: unknown; manifest?: unknown; format?: unknown; formatVersion?: unknown };
      if (!Array.isArray(doc.samples)) throw new DatasetError('the JSON document\'s "samples" is not an array of records');
      assertCount(doc.samples.length, maxRecords);
      return {
        kind: 'json',
        items: doc.samples.map((value, i) => ({ line: i + 1, value })),
        errors: [],
        manifest: doc.manifest,
        head: { format: doc.format, formatVersion: doc.formatVersion },
      };
    }
    return { kind: 'json', items: [{ line: 1, value: whole }], errors: [] };
  }
  return parseJsonl(body, maxRecords);
}
