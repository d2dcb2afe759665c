/**
 * The CLI's only door into the engine (lib/fingerprint): version strings and signature files. Keeping it
 * in one module means an engine API change touches one CLI file.
 */
import { readFile } from 'node:fs/promises';
import { FEATURE_SET_VERSION, SCHEMA_VERSION, getDefaultSignatures, loadSignatures, type Signatures } from '../lib/fingerprint';
import { UsageError } from './command';

export function engineVersions(): string {
  return `feature set ${FEATURE_SET_VERSION}, signature schema ${SCHEMA_VERSION}`;
}

/**
 * The signatures a run compares against: the file given with `--signatures`, else the bundled ones. Loaded
 * before the first answer, so a file that cannot be read, parsed or validated (or bundled signatures left
 * behind by a feature change) stops the run with one clear message and exit code 2, not a stack trace
 * after partial output.
 */
export async function readSignatures(path: string | undefined): Promise<Signatures> {
  if (path === undefined) {
    try {
      return getDefaultSignatures();
    } catch (error) {
      throw new UsageError(`the bundled signatures are unusable: ${(error as Error).message}`);
    }
  }
  const json = await readJsonArg(path);
  try {
    return loadSignatures(json);
  } catch (error) {
    throw new UsageError(`${path}: not a usable signature file: ${(error as Error).message}`);
  }
}

/** A JSON file named on the command line, or one clear usage error (exit 2) naming it. */
export async function readJsonArg(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: ${(error as Error).message}`);
  }
}
