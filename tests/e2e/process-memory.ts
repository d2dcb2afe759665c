/**
 * Memory of the browser's extension processes (the service worker and the extension pages: popup, side
 * panel, dashboard), read from Linux's /proc. Only descendants of this test process count, so another
 * Chromium running on the same machine is never measured.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // Field 4 of /proc/PID/stat, after the command name in parentheses (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null; // the process ended while we looked
  }
}

/** Proportional set size (shared pages split between their users), or resident size when PSS is not readable. */
function memoryOf(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // fall back to the resident size below
  }
  try {
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Bytes used by this test's Chromium processes started with `--extension-process`. */
export function extensionProcessMemory(): number {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const ours = (pid: number) => {
    for (let p: number | null | undefined = pid, hops = 0; p && hops < 20; p = parents.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of pids) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes('--extension-process') && ours(pid)) total += memoryOf(pid);
  }
  return total;
}

/** Samples {@link extensionProcessMemory} every `everyMs` until stopped; returns the peak and the samples. */
export function sampleMemory(everyMs = 500) {
  const samples: number[] = [extensionProcessMemory()];
  const timer = setInterval(() => samples.push(extensionProcessMemory()), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(extensionProcessMemory());
      return { peak: Math.max(...samples), first: samples[0]!, last: samples[samples.length - 1]!, samples };
    },
  };
}

export const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
