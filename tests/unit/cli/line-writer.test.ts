import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineWriter } from '../../../lib/node/line-writer';

/** A sink that accepts one small chunk at a time, slowly, like a pipe into a pager. */
function slowSink() {
  const chunks: string[] = [];
  let writes = 0;
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      writes++;
      setTimeout(done, 1);
    },
  });
  return { sink, text: () => chunks.join(''), writes: () => writes };
}

describe('LineWriter', () => {
  it('writes every line once, in order, newline-terminated, through a backpressured stream', async () => {
    const { sink, text } = slowSink();
    const writer = new LineWriter(sink);
    const lines = Array.from({ length: 5000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(40)}"}`);
    for (const line of lines) await writer.line(line);
    await writer.flush();
    expect(text()).toBe(lines.join('\n') + '\n');
  });

  it('batches lines instead of writing each one', async () => {
    const { sink, writes } = slowSink();
    const writer = new LineWriter(sink);
    for (let i = 0; i < 1000; i++) await writer.line('short line');
    await writer.flush();
    expect(writes()).toBe(1);
  });

  it('writes nothing for nothing', async () => {
    const { sink, writes } = slowSink();
    await new LineWriter(sink).flush();
    expect(writes()).toBe(0);
  });
});
