import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildSignatures, loadSignatures } from '../../lib/fingerprint';
import { readCorpusFiles } from '../../lib/node/corpus-files';
import { UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../parse-args';
import { runScript } from '../run-script';
import { runSignaturesBuild, SIGNATURES_BUILD_USAGE } from './signatures-build';

/**
 * Builds a signature file at `out` with the engine's exported builder. Only for `--out`: scripts/build-signatures.ts
 * always writes the bundled file and exports nothing, so the default path runs that script itself.
 */
async function buildTo(corpus: string, out: string, io: CliIo): Promise<number> {
  let json;
  try {
    const { records, files, sha256 } = readCorpusFiles([corpus]);
    io.stdout.write(`read ${records.length} records from ${corpus} (sha256 ${files[0]!.sha256.slice(0, 12)}…)\n`);
    json = buildSignatures(records, {
      log: (message) => io.stdout.write(`${message}\n`),
      provenance: { file: basename(corpus), sha256, files },
    });
    loadSignatures(json); // never write a file the engine would refuse to read
  } catch (error) {
    // A corpus the builder cannot use (bad JSON line, one label only...) is an input problem: no file is written.
    throw new UsageError(`cannot build signatures from ${corpus}: ${(error as Error).message}`);
  }
  await writeFile(out, JSON.stringify(json) + '\n');
  io.stdout.write(`wrote ${out}\n`);
  return 0;
}

export const signaturesCommand: Command = {
  name: 'signatures',
  summary: 'rebuild reference signatures from a labelled corpus (npm run signatures)',
  usage: `Usage: modelprint signatures CORPUS [--out PATH]
       modelprint signatures build FILE.jsonl --label-field FIELD --out PACK.json   (custom references, below)

Builds reference signatures from a labelled JSONL corpus (records with "text", "label" and "family", as
in ../shared/corpus/train.jsonl). Progress goes to stdout.

Options:
  --out PATH   write the signatures to PATH; without it, runs npm run signatures, which replaces the
               bundled lib/fingerprint/data/signatures.json (and checks its size limit)

Use the result with: modelprint classify --signatures PATH FILE

${SIGNATURES_BUILD_USAGE}`,
  async run(args: string[], io: CliIo) {
    if (args[0] === 'build') return runSignaturesBuild(args.slice(1), io);
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, ['corpus']);
    // Absolute, because the script runs from the repository root, not from the caller's directory.
    const corpus = resolve(positionals[0]!);
    if (!existsSync(corpus)) throw new UsageError(`${positionals[0]}: no such file`);
    if (values.out === undefined) return runScript('scripts/build-signatures.ts', [corpus], io);
    return buildTo(corpus, resolve(values.out), io);
  },
};
