import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBATE_ANSWER, MARKDOWN_ANSWER, PROSE_ANSWER } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelprint-classify-'));
  const lines = [
    JSON.stringify({ id: 'prose', text: PROSE_ANSWER, label: 'ignored' }),
    '{"id": "broken", "text": "no closing quote}',
    JSON.stringify({ id: 'no-text', body: PROSE_ANSWER }),
    '',
    JSON.stringify({ text: MARKDOWN_ANSWER }),
  ];
  await writeFile(file('mixed.jsonl'), lines.join('\n') + '\n');
  await writeFile(file('good.jsonl'), [PROSE_ANSWER, MARKDOWN_ANSWER, DEBATE_ANSWER, ''].map((text, i) => JSON.stringify({ id: i, text })).join('\n'));
  await writeFile(file('answer.txt'), PROSE_ANSWER);
  await writeFile(file('answer.md'), MARKDOWN_ANSWER);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('modelprint classify FILE.jsonl', () => {
  it('reports each bad line by number on stderr, still prints the good records, and exits 1', async () => {
    const run = await runCli(['classify', file('mixed.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 2: not valid JSON: /);
    expect(run.stderr).toContain('line 3: record has no string "text" field');
    expect(run.stderr).toContain('2 of 4 record(s) skipped');
    // The blank line 4 is skipped silently; the record on line 5 has no id, so its line number is its id.
    expect(run.lines().map((line) => line.id)).toEqual(['prose', 5]);
  });

  it('exits 0 with one line per record, in input order, when every record is good', async () => {
    const run = await runCli(['classify', file('good.jsonl')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines().map((line) => line.id)).toEqual([0, 1, 2, 3]);
  });

  it('says an empty text is undetermined, with a reason, instead of guessing', async () => {
    const empty = (await runCli(['classify', file('good.jsonl')])).lines()[3]!;
    expect(empty).toMatchObject({ id: 3, model: null, family: null, confidence: 0, undetermined: true });
    expect(typeof empty.reason).toBe('string');
  });

  it('leaves "reason" out of determined results', async () => {
    const lines = (await runCli(['classify', file('good.jsonl')])).lines().filter((line) => !line.undetermined);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toHaveProperty('reason');
  });
});

describe('modelprint classify FILE.txt / FILE.md', () => {
  it.each(['answer.txt', 'answer.md'])('reads %s as one answer whose id is the path', async (name) => {
    const run = await runCli(['classify', file(name)]);
    expect(run.code).toBe(0);
    expect(run.lines()).toHaveLength(1);
    expect(run.lines()[0]!.id).toBe(file(name));
  });

  it('gives the same result for a text read from a file and from a JSONL record', async () => {
    const fromTxt = (await runCli(['classify', file('answer.txt')])).lines()[0]!;
    const fromJsonl = (await runCli(['classify', file('good.jsonl')])).lines()[0]!;
    expect({ ...fromTxt, id: 0 }).toEqual(fromJsonl);
  });
});

describe('modelprint classify - (stdin)', () => {
  it('reads JSON Lines from stdin when every line is a JSON object', async () => {
    const input = [PROSE_ANSWER, DEBATE_ANSWER].map((text, i) => JSON.stringify({ id: `s${i}`, text })).join('\n');
    const run = await runCli(['classify', '-'], Readable.from([Buffer.from(input)]));
    expect(run.code).toBe(0);
    expect(run.lines().map((line) => line.id)).toEqual(['s0', 's1']);
  });

  it('reads all of stdin as one answer when it is prose, even across many chunks', async () => {
    const chunks = PROSE_ANSWER.match(/[\s\S]{1,50}/g)!.map((chunk) => Buffer.from(chunk));
    const run = await runCli(['classify', '-'], Readable.from(chunks));
    expect(run.code).toBe(0);
    const fromFile = (await runCli(['classify', file('answer.txt')])).lines()[0]!;
    expect(run.lines()).toEqual([{ ...fromFile, id: '-' }]);
  });

  it('streams stdin with --input jsonl and still names bad lines', async () => {
    const input = `${JSON.stringify({ text: PROSE_ANSWER })}\nnot json\n`;
    const run = await runCli(['classify', '--input', 'jsonl', '-'], input);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('-: line 2: not valid JSON');
    expect(run.lines().map((line) => line.id)).toEqual([1]);
  });
});

describe('modelprint classify: argument and file errors', () => {
  it('exits 2 with a clear message and no output for a missing file', async () => {
    const missing = file('missing.jsonl');
    const run = await runCli(['classify', missing]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${missing}: no such file`);
  });

  it.each([
    [['classify'], /expected FILE/],
    [['classify', 'a.jsonl', 'b.jsonl'], /expected FILE/],
    [['classify', '--nope', 'a.jsonl'], /--nope/],
    [['classify', '--input', 'xml', 'a.jsonl'], /--input must be one of auto, jsonl, text/],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('modelprint classify --help');
  });

  it('exits 2 for an unreadable --signatures file before printing anything', async () => {
    await writeFile(file('bad-signatures.json'), '{"schemaVersion": -1}');
    const run = await runCli(['classify', '--signatures', file('bad-signatures.json'), file('good.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('not a usable signature file');
  });
});
