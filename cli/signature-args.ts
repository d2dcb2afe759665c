/**
 * `--signatures PATH` (repeatable) on classify and compare: a signature pack of custom references
 * (docs/signature-pack.md) or, at most once, a full signature file replacing the bundled one. A pack of another
 * feature set or a broken one stops the run before anything is read (exit 2).
 */
import { FEATURE_SET_VERSION, type Signatures } from '../lib/fingerprint';
import { PACK_FORMAT, parsePack, type CustomReference } from '../lib/references';
import { UsageError } from './command';
import { readJsonArg, readSignatures } from './engine-files';

export interface SignatureChoice {
  signatures: Signatures;
  references: CustomReference[];
}

export async function readSignatureArgs(paths: readonly string[] | undefined): Promise<SignatureChoice> {
  const references: CustomReference[] = [];
  let full: string | undefined;
  for (const path of paths ?? []) {
    const json = await readJsonArg(path);
    if ((json as { format?: unknown } | null)?.format !== PACK_FORMAT) {
      if (full !== undefined) throw new UsageError(`${path}: only one full signature file can be given (${full} is one); the others must be signature packs`);
      full = path;
      continue;
    }
    try {
      for (const r of parsePack(json, FEATURE_SET_VERSION).references) {
        if (references.some((known) => known.id === r.id)) throw new Error(`reference ${r.id} is in two packs`);
        references.push(r);
      }
    } catch (error) {
      throw new UsageError(`${path}: ${(error as Error).message}`);
    }
  }
  return { signatures: await readSignatures(full), references };
}
