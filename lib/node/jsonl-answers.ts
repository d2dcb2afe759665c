/**
 * Node-only: JSONL answers (`{"id", "text"}` per line) read as a stream of answers and line-numbered record
 * errors. Shared by the CLI (`modelprint classify`, `fingerprint`, `compare`, `dataset from`) and the
 * benchmark, which times exactly this path and must not import the CLI.
 */
import type { Readable } from 'node:stream';
import { describeJsonError } from './json-error';

/** One answer to analyse. `id` is the record's own `id`, else its line number, else the input's name. */
export interface Answer {
  id: string | number;
  text: string;
}

/** A record that could not be used; `line` counts from 1 and includes blank lines, like an editor. */
export interface RecordError {
  line: number;
  message: string;
}

export type InputItem = { answer: Answer; error?: undefined } | { error: RecordError; answer?: undefined };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns one parsed JSONL value into an answer or a record error naming what is wrong. */
export function toItem(value: unknown, line: number): InputItem {
  if (!isPlainObject(value)) return { error: { line, message: 'expected a JSON object' } };
  const { text, id } = value;
  if (typeof text !== 'string') {
    const found = text === undefined ? 'missing' : `a ${text === null ? 'null' : typeof text}`;
    return { error: { line, message: `record has no string "text" field (${found})` } };
  }
  return { answer: { id: typeof id === 'string' || typeof id === 'number' ? id : line, text } };
}

/** Parses one JSONL line; blank lines give null and are skipped, as most JSONL writers end with one. */
export function parseJsonlLine(line: string, lineNumber: number): InputItem | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: { line: lineNumber, message: describeJsonError(error, line) } };
  }
  return toItem(value, lineNumber);
}

/**
 * Streams the lines of a UTF-8 stream without holding more than one chunk and one partial line.
 * A hand-rolled split beats `readline` here: no per-line events, and `\r\n` is handled the same way.
 */
export async function* splitLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let carry = '';
  let first = true;
  for await (const chunk of input as AsyncIterable<string>) {
    let data = carry + chunk;
    if (first) {
      // A byte-order mark is an encoding artefact, not part of the first record.
      data = data.replace(/^\uFEFF/, '');
      first = false;
    }
    let start = 0;
    for (let end = data.indexOf('\n'); end !== -1; end = data.indexOf('\n', start)) {
      yield data.charCodeAt(end - 1) === 13 ? data.slice(start, end - 1) : data.slice(start, end);
      start = end + 1;
    }
    carry = data.slice(start);
  }
  if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}

/** Streams JSONL records as answers or line-numbered errors. */
export async function* readJsonl(input: Readable): AsyncGenerator<InputItem> {
  let lineNumber = 0;
  for await (const line of splitLines(input)) {
    const item = parseJsonlLine(line, ++lineNumber);
    if (item) yield item;
  }
}

