/**
 * The CLI's only door into the engine (lib/fingerprint): version strings and signature files. Keeping it
 * in one module means an engine API change touches one CLI file.
 */
import { readFile } from 'node:fs/promises';
import { FEATURE_SET_VERSION, SCHEMA_VERSION, loadSignatures, type Signatures } from '../lib/fingerprint';
import { UsageError } from './command';

export function engineVersions(): string {
  return `feature set ${FEATURE_SET_VERSION}, signature schema ${SCHEMA_VERSION}`;
}

/**
 * Loads a signature file given with `--signatures`; undefined (no flag) lets the engine use its bundled
 * signatures. A file that cannot be read, parsed or validated stops the run before any output (exit 2).
 */
export async function readSignatures(path: string | undefined): Promise<Signatures | undefined> {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: ${(error as Error).message}`);
  }
  try {
    return loadSignatures(json);
  } catch (error) {
    throw new UsageError(`${path}: not a usable signature file: ${(error as Error).message}`);
  }
}
