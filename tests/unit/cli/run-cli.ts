/** Runs the CLI in-process with captured streams: the same `main` the real command runs. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON Lines (throws if any line is not JSON, which is itself a failure). */
  lines: () => Record<string, unknown>[];
}

function capture() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runCli(argv: string[], stdin: string | Readable = ''): Promise<CliRun> {
  const out = capture();
  const err = capture();
  const input = typeof stdin === 'string' ? Readable.from([Buffer.from(stdin)]) : stdin;
  const code = await main(argv, { stdin: input, stdout: out.stream, stderr: err.stream });
  const stdout = out.text();
  return {
    code,
    stdout,
    stderr: err.text(),
    lines: () => stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)),
  };
}
