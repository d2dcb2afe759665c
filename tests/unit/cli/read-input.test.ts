import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/command';
import { parseJsonlLine, readJsonl, splitLines, type InputItem } from '../../../lib/node/jsonl-answers';
import { openInput, sniffContent } from '../../../cli/read-input';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A stream that delivers `chunks` exactly as given, to test lines split across chunk borders. */
const chunked = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

describe('parseJsonlLine', () => {
  it.each([
    ['{"text":"hi","id":"a"}', { answer: { id: 'a', text: 'hi' } }],
    ['{"text":"hi","id":7}', { answer: { id: 7, text: 'hi' } }],
    ['{"text":"hi"}', { answer: { id: 3, text: 'hi' } }],
    ['{"text":"hi","id":null}', { answer: { id: 3, text: 'hi' } }],
    ['{"text":""}', { answer: { id: 3, text: '' } }],
    ['{"id":"x"}', { error: { line: 3, message: 'record has no string "text" field (missing)' } }],
    ['{"text":42}', { error: { line: 3, message: 'record has no string "text" field (a number)' } }],
    ['{"text":null}', { error: { line: 3, message: 'record has no string "text" field (a null)' } }],
    ['["text"]', { error: { line: 3, message: 'expected a JSON object' } }],
    ['"text"', { error: { line: 3, message: 'expected a JSON object' } }],
  ])('reads %s at line 3', (line, expected) => {
    expect(parseJsonlLine(line, 3)).toEqual(expected);
  });

  it('names the line and says what is wrong in plain words, without quoting the parser', () => {
    const item = parseJsonlLine('{"text": "unterminated', 17);
    expect(item?.error?.line).toBe(17);
    expect(item?.error?.message).toBe(
      'not valid JSON: the record stops before it is complete (a closing quote, brace or bracket is missing) (column 23)',
    );
  });

  it.each([
    ['{"text": "a"} {"text": "b"}', /more text after the end of the record.*\(column 15\)/],
    ['{"text": "a",}', /field name is not in double quotes, or a comma is left/],
    ["{'text': 'a'}", /field name is not in double quotes/],
    ['{"text": "a" "id": 1}', /comma or closing brace is missing/],
    ['{"text": "tab\there"}', /raw line break, tab or a bad backslash escape/],
    ['[1,]', /character that JSON does not allow/],
  ])('explains %s', (line, expected) => {
    const message = parseJsonlLine(line, 1)?.error?.message ?? '';
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/Unexpected|Expected|position|is not valid JSON/);
  });

  it('skips blank and whitespace-only lines', () => {
    expect(parseJsonlLine('', 1)).toBeNull();
    expect(parseJsonlLine('  \t', 1)).toBeNull();
  });
});

describe('splitLines', () => {
  it('joins lines split across chunks and handles CRLF, a BOM and a missing final newline', async () => {
    const lines = await collect(splitLines(chunked('\uFEFFone\r\ntw', 'o\n\nthr', 'ee\r')));
    expect(lines).toEqual(['one', 'two', '', 'three']);
  });

  it('keeps a multi-byte character split between chunks intact', async () => {
    const bytes = Buffer.from('é\n日本\n');
    const lines = await collect(splitLines(Readable.from([bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)])));
    expect(lines).toEqual(['é', '日本']);
  });
});

describe('readJsonl', () => {
  it('numbers lines from 1 counting blank lines, and goes on after a bad line', async () => {
    const items = await collect(readJsonl(chunked('{"text":"a"}\n\n{oops\n{"id":"d"}\n{"text":"e"}\n')));
    expect(items.map((item) => item.answer?.id ?? `error@${item.error?.line}`)).toEqual([1, 'error@3', 'error@4', 5]);
  });
});

describe('sniffContent', () => {
  it('reads JSONL when every non-empty line is a JSON object', () => {
    const items = sniffContent('{"text":"a"}\n\n{"id":"z"}\n', '-');
    expect(items).toEqual<InputItem[]>([
      { answer: { id: 1, text: 'a' } },
      { error: { line: 3, message: 'record has no string "text" field (missing)' } },
    ]);
  });

  it.each([
    ['prose', 'Hello there.\nSecond line.'],
    ['one line of JSON among prose', '{"text":"a"}\nThen prose.'],
    ['a JSON array line', '{"text":"a"}\n[1,2]'],
    ['empty input', ''],
    ['only blank lines', '\n  \n'],
  ])('reads %s as one answer, verbatim', (_, content) => {
    expect(sniffContent(content, 'in.dat')).toEqual([{ answer: { id: 'in.dat', text: content } }]);
  });
});

describe('openInput', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelprint-input-'));
    await writeFile(join(dir, 'a.jsonl'), '{"text":"x","id":"r1"}\n');
    await writeFile(join(dir, 'a.md'), '{"text":"looks like JSON but is a .md"}\n');
    await writeFile(join(dir, 'a.dat'), '{"text":"sniffed"}\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const empty = () => Readable.from([]);

  it('streams .jsonl, reads .md whole, sniffs other extensions', async () => {
    const jsonl = await openInput(join(dir, 'a.jsonl'), 'auto', empty());
    expect(await collect(jsonl.items)).toEqual([{ answer: { id: 'r1', text: 'x' } }]);
    const md = await openInput(join(dir, 'a.md'), 'auto', empty());
    expect(await collect(md.items)).toEqual([
      { answer: { id: join(dir, 'a.md'), text: '{"text":"looks like JSON but is a .md"}\n' } },
    ]);
    const dat = await openInput(join(dir, 'a.dat'), 'auto', empty());
    expect(await collect(dat.items)).toEqual([{ answer: { id: 1, text: 'sniffed' } }]);
  });

  it('lets --input override the extension', async () => {
    const asText = await openInput(join(dir, 'a.jsonl'), 'text', empty());
    expect((await collect(asText.items))[0]?.answer?.text).toBe('{"text":"x","id":"r1"}\n');
  });

  it('reads stdin for "-", buffering to sniff, or streaming with --input jsonl', async () => {
    const sniffed = await openInput('-', 'auto', chunked('Just ', 'prose.'));
    expect(await collect(sniffed.items)).toEqual([{ answer: { id: '-', text: 'Just prose.' } }]);
    const streamed = await openInput('-', 'jsonl', chunked('{"text":"a"}\nnot json\n'));
    const items = await collect(streamed.items);
    expect(items[0]).toEqual({ answer: { id: 1, text: 'a' } });
    expect(items[1]?.error?.line).toBe(2);
  });

  it('rejects a missing file or a directory with a usage error naming it', async () => {
    const missing = join(dir, 'nope.jsonl');
    await expect(openInput(missing, 'auto', empty())).rejects.toThrow(new UsageError(`${missing}: no such file`));
    await expect(openInput(dir, 'auto', empty())).rejects.toThrow(/not a regular file/);
  });
});
