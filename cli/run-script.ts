import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './command';

/** The repository root: scripts resolve their default paths (../shared/corpus) from it. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a TypeScript program (`script` relative to the repo root, e.g. `scripts/eval.ts`) as `tsx SCRIPT ARGS`
 * in the repo root and relays its output and exit code. Used where a script is a top-level program with no
 * exported function, so the CLI runs exactly what `npm run ...` runs instead of a copy of it.
 */
export function runScript(script: string, args: string[], io: CliIo): Promise<number> {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, resolvePath(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(io.stdout, { end: false });
    child.stderr.pipe(io.stderr, { end: false });
    child.on('error', reject);
    // 'close', not 'exit': it fires after both pipes are drained, so no output line is lost.
    child.on('close', (code) => resolve(code ?? 1));
  });
}
