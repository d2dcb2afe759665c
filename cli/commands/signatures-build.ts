/**
 * `modelprint signatures build FILE.jsonl --label-field F --out PACK.json`: every distinct value of field F
 * becomes a custom reference (or `--label NAME` for all records), written as one signature pack.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import packageJson from '../../package.json';
import { FEATURE_SET_VERSION, getDefaultSignatures } from '../../lib/fingerprint';
import { buildFromAnswers, makePack, MIN_REFERENCE_SAMPLES, type ReferenceAnswer } from '../../lib/references';
import { bundledBackground } from '../../lib/references/bundled-background';
import { UsageError, type CliIo } from '../command';
import { parseCommandArgs } from '../parse-args';

export const SIGNATURES_BUILD_USAGE = `Usage: modelprint signatures build FILE.jsonl (--label-field FIELD | --label NAME) --out PACK.json

Builds custom references from labelled answers and writes them as a signature pack (docs/signature-pack.md).
Each distinct value of FIELD becomes one reference (at least ${MIN_REFERENCE_SAMPLES} attributable answers each);
--label NAME gives all records one label. Records need "text"; "prompt_id" or "prompt", when present, keeps
answers to one prompt on one side of the cross-validation. Prints each reference's cross-validated accuracy.

Options:
  --family NAME   the vendor the references belong to, when known (default: their own name)
  --seed S        seed of the cross-validation folds (default 1)

Use the pack with: modelprint classify --signatures PACK.json FILE, modelprint compare --signatures PACK.json ...
`;

export async function runSignaturesBuild(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { 'label-field': { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, family: { type: 'string' }, seed: { type: 'string' } },
    ['file'],
  );
  if (!values.out) throw new UsageError('--out PACK.json is required', true);
  if ((values['label-field'] === undefined) === (values.label === undefined)) throw new UsageError('give exactly one of --label-field FIELD and --label NAME', true);
  const path = positionals[0]!;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: no such file`);
  }
  const byLabel = new Map<string, ReferenceAnswer[]>();
  let bad = 0;
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line);
    } catch {
      bad++;
      io.stderr.write(`${path}: line ${i + 1}: invalid JSON\n`);
      return;
    }
    const label = values.label ?? r[values['label-field']!];
    if (typeof r.text !== 'string' || (typeof label !== 'string' && typeof label !== 'number')) {
      bad++;
      io.stderr.write(`${path}: line ${i + 1}: needs a string "text" and a "${values['label-field']}" value\n`);
      return;
    }
    const group = typeof r.prompt_id === 'string' ? r.prompt_id : typeof r.prompt === 'string' ? r.prompt : undefined;
    const list = byLabel.get(String(label)) ?? [];
    list.push({ text: r.text, ...(group ? { group } : {}), source: basename(path) });
    byLabel.set(String(label), list);
  });
  if (byLabel.size === 0) throw new UsageError(`${path}: no labelled records`);
  const sig = getDefaultSignatures();
  const bg = bundledBackground();
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const references = [];
  for (const [label, answers] of [...byLabel].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      const ref = buildFromAnswers(answers, sig, bg, { name: label, ...(values.family ? { family: values.family } : {}), seed });
      io.stdout.write(`${ref.id}: ${ref.build.samples} answers (${ref.build.skipped} too short), cross-validated accuracy ${(ref.evaluation.accuracy * 100).toFixed(1)}%\n`);
      references.push(ref);
    } catch (error) {
      throw new UsageError(`label "${label}": ${(error as Error).message}`);
    }
  }
  const pack = makePack(references, FEATURE_SET_VERSION, `modelprint ${packageJson.version} signatures build`);
  await writeFile(values.out, JSON.stringify(pack) + '\n');
  io.stdout.write(`wrote ${values.out} (${references.length} reference${references.length === 1 ? '' : 's'})\n`);
  return bad > 0 ? 1 : 0;
}
