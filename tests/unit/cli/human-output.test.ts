import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { Progress } from '../../../cli/progress';
import { PROSE_ANSWER } from './fixtures';

/** A captured stream that says it is a terminal, as process.stdout does on one. */
function terminal() {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY: true },
  );
  return { stream, text: () => chunks.join('') };
}

async function runOnTerminal(argv: string[], stdin: string) {
  const out = terminal();
  const err = terminal();
  const code = await main(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

const jsonl = [JSON.stringify({ id: 'long', text: PROSE_ANSWER }), JSON.stringify({ id: 'short', text: 'Yes.' })].join('\n');

describe('classify on a terminal', () => {
  it('prints a short summary per answer: vendor and model with probabilities, runners-up, reasons', async () => {
    const run = await runOnTerminal(['classify', '-'], jsonl);
    expect(run.code).toBe(0);
    const [long, short] = run.stdout.trim().split('\n\n');
    expect(long).toMatch(/^long\n  closest vendor: .+ \(\d+%\), closest model: \S+ \(\d+%\)\n  then: .+ \d+%, .+ \d+%\n  - /);
    expect(short).toBe('short\n  undetermined: Too short to tell: a few sentences are not enough to recognise a writing style.');
    expect(() => JSON.parse(run.stdout.split('\n')[0]!)).toThrow();
  });

  it('prints JSON lines with --json, as it does into a pipe', async () => {
    const run = await runOnTerminal(['classify', '--json', '-'], jsonl);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id)).toEqual(['long', 'short']);
  });

  it('summarises a pooled run in one block naming how many answers carried evidence', async () => {
    const run = await runOnTerminal(['classify', '--pool', '-'], jsonl);
    expect(run.stdout).toMatch(/^- \(pooled, 1 answer with evidence\)\n  closest vendor: /);
  });
});

describe('progress line', () => {
  it.each([
    [1, 2000, null, '1 answer, 0.5/s'],
    [10, 2000, null, '10 answers, 5.0/s'],
    [300, 2000, null, '300 answers, 150/s'],
    [300, 2000, { read: 250, total: 1000 }, '25% · 300 answers, 150/s · about 6 s left'],
    [300, 60_000, { read: 100, total: 1000 }, '10% · 300 answers, 5.0/s · about 9 min left'],
  ])('%i answers after %i ms with %o read: %s', (done, ms, bytes, want) => {
    expect(Progress.line(done, ms, bytes)).toBe(want);
  });

  it('draws after the delay, at most once per interval, and clears itself', () => {
    let now = 0;
    const tty = terminal();
    const p = new Progress(tty.stream, { bytes: () => null }, true, { now: () => now, delayMs: 1000, intervalMs: 250 });
    for (let i = 1; i <= 20; i++) {
      now += 100;
      p.tick(i);
    }
    p.end();
    // 1,000 ms of delay, then at 1,000, 1,300, 1,600 and 1,900 ms.
    expect(tty.text().match(/answers/g)).toHaveLength(4);
    expect(tty.text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('is wanted only when stderr is a terminal and stdout is not', () => {
    const pipe = new Writable({ write: (_c, _e, done) => done() });
    expect(Progress.wanted(pipe, terminal().stream)).toBe(true);
    expect(Progress.wanted(terminal().stream, terminal().stream)).toBe(false);
    expect(Progress.wanted(pipe, pipe)).toBe(false);
  });
});
