import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Bytes gathered before one `write`: one syscall per ~100 records instead of one per record. */
const FLUSH_AT = 64 * 1024;

/**
 * Writes lines to a stream in batches and waits for `drain` when the stream is full, so a slow reader
 * (a pipe into `less`) holds memory at one batch instead of the whole output.
 */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  /** Queues one line (without its newline); resolves at once unless a batch had to wait for the reader. */
  async line(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  /** Writes everything queued; call once at the end. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('\n') + '\n';
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
