/**
 * Progress of a long run on stderr, for a person watching a terminal while the output goes to a file or a
 * pipe: answers done, rate, and the time left when the input's size is known (a file). Starts drawing only
 * after `delayMs` (a small file never shows it), redraws one line at most every `intervalMs`, and stays
 * silent when stderr is not a terminal or when stdout is the same screen (the summaries would interleave).
 */
import type { Writable } from 'node:stream';

export interface ProgressSource {
  /** Bytes of the input consumed so far, and in all (a file's size). */
  bytes(): { read: number; total: number } | null;
}

const formatDuration = (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.max(1, Math.round(s))} s`);

export interface ProgressTiming {
  now?: () => number;
  delayMs?: number;
  intervalMs?: number;
}

export class Progress {
  private last = 0;
  private shown = false;
  private readonly start: number;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;

  constructor(
    private readonly err: Writable,
    private readonly source: ProgressSource,
    private readonly enabled: boolean,
    timing: ProgressTiming = {},
  ) {
    this.now = timing.now ?? Date.now;
    this.delayMs = timing.delayMs ?? 1000;
    this.intervalMs = timing.intervalMs ?? 250;
    this.start = this.now();
  }

  /** On when stderr is a terminal and stdout is not one. */
  static wanted(stdout: Writable, stderr: Writable): boolean {
    const tty = (s: Writable) => (s as { isTTY?: boolean }).isTTY === true;
    return tty(stderr) && !tty(stdout);
  }

  /** The line for `done` answers after `elapsedMs`. */
  static line(done: number, elapsedMs: number, bytes: { read: number; total: number } | null): string {
    const seconds = Math.max(elapsedMs / 1000, 1e-3);
    const rate = done / seconds;
    let line = `${done.toLocaleString('en')} answer${done === 1 ? '' : 's'}, ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
    if (bytes && bytes.total > 0 && bytes.read > 0) {
      const fraction = Math.min(1, bytes.read / bytes.total);
      const left = (seconds / fraction) * (1 - fraction);
      line = `${Math.floor(fraction * 100)}% · ${line} · about ${formatDuration(left)} left`;
    }
    return line;
  }

  /** Call after every answer; draws when enabled, past the delay, and the interval has passed. */
  tick(done: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.start < this.delayMs || t - this.last < this.intervalMs) return;
    this.last = t;
    this.shown = true;
    this.err.write(`\r\x1b[2K${Progress.line(done, t - this.start, this.source.bytes())}`);
  }

  /** Clears the progress line so the final messages start on a clean line. */
  end(): void {
    if (this.shown) this.err.write('\r\x1b[2K');
  }
}
