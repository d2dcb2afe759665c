/**
 * Entry point of the `modelprint` command (`npm run cli --`, `bin/modelprint.mjs`). Only wiring: the
 * behaviour lives in ./main.ts, which tests run in-process with their own streams.
 */
import { main } from './main';

// A closed pipe (`modelprint classify big.jsonl | head`) is a normal way to stop reading, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // An unexpected failure is a bug: show the stack, and keep 2 ("nothing reliable was produced").
  process.stderr.write(`modelprint: internal error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
}
