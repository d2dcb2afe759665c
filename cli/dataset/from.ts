/**
 * `dataset from`: any JSONL of answers (from an API, another tool) to a ModelPrint dataset, with features
 * and verdicts computed by this engine, so the dashboard can import them beside captured answers.
 */
import { fingerprint } from '../../lib/fingerprint';
import { contentHash, type Sample } from '../../lib/sample';
import { NO_PRIVACY, type DatasetRecord } from '../../lib/dataset/schema';
import { sampleToRecord } from '../../lib/dataset/record';
import { datasetName } from '../../lib/dataset/manifest';
import { writeDataset } from '../../lib/dataset/write';
import { computeVerdict } from '../../lib/verdict/compute';
import { createEngine } from '../../lib/verdict/verdict-engine';
import { EXIT_OK, EXIT_RECORD_ERRORS, UsageError, type CliIo } from '../command';
import { readSignatures } from '../engine-files';
import { parseCommandArgs } from '../parse-args';
import { splitLines } from '../../lib/node/jsonl-answers';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { engineInfo, modelprintVersion, outputFormat, requireOut, writeOutput } from './files';

export const FROM_USAGE = `Usage: modelprint dataset from ANSWERS.jsonl --out PATH [--site NAME] [--to FORMAT]

Builds a ModelPrint dataset from any JSONL of answers, one object per line:
  "text"    the answer (required)
  "id"      your id for it (default: a hash of prompt and text)
  "prompt"  the question it answers
  "model"   the model that answered (becomes the claimed model)
  "label"   your own label (becomes the user label)
  "url"     where it came from
Each answer gets its feature vector and a verdict from this engine, so the dashboard's Import shows them
beside captured answers (no recomputation needed when the versions match).

Options:
  --out PATH     output file: .jsonl, .parquet or .zip (a bundle with manifest and dataset card)
  --to FORMAT    jsonl, parquet or bundle, whatever the extension of --out
  --site NAME    the site recorded for every answer (default: api)
  --signatures FILE  compare against these signatures instead of the bundled ones

A line that is not JSON or has no string "text" is reported on stderr with its number (exit code 1);
the others are written.
`;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export async function runFrom(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, to: { type: 'string' }, site: { type: 'string' }, signatures: { type: 'string' } },
    ['answers'],
  );
  const path = positionals[0]!;
  const out = requireOut(values.out);
  const format = outputFormat(out, values.to);
  const site = values.site ?? 'api';
  if (!/^[\w.-]{1,64}$/.test(site)) throw new UsageError('--site must be 1 to 64 letters, digits, ".", "_" or "-"', true);
  const signatures = await readSignatures(values.signatures);
  const engine = createEngine(() => signatures);
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${path}: not a regular file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: no such file`);
  }
  const now = Date.now();
  const records: DatasetRecord[] = [];
  const seen = new Set<string>();
  let failed = 0;
  let line = 0;
  const fail = (message: string) => {
    failed++;
    io.stderr.write(`${path}: line ${line}: ${message}\n`);
  };
  for await (const raw of splitLines(createReadStream(path))) {
    line++;
    if (raw.trim() === '') continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(`invalid JSON: ${(error as Error).message}`);
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      fail('expected a JSON object');
      continue;
    }
    const text = str(value.text);
    if (text === null || text === '') {
      fail('record has no non-empty string "text" field');
      continue;
    }
    const prompt = str(value.prompt) ?? '';
    const ownId = typeof value.id === 'number' ? String(value.id) : str(value.id);
    const id = `${site}:none:${ownId ?? `h${contentHash(`${prompt}\u0000${text}`)}`}`;
    if (seen.has(id)) {
      fail(`duplicates the id ${JSON.stringify(ownId ?? id)} of an earlier line`);
      continue;
    }
    seen.add(id);
    const model = str(value.model);
    const sample: Sample = {
      id,
      site: site as Sample['site'],
      url: str(value.url) ?? '',
      conversationId: null,
      messageId: ownId,
      prompt,
      text,
      reasoning: null,
      claimedModel: model ? { raw: model, source: 'message' } : null,
      capturedAt: now,
      verdict: computeVerdict(engine, text, now),
      ...(str(value.label) ? { userLabel: str(value.label) } : {}),
    };
    records.push(sampleToRecord(sample, { fingerprint }));
  }
  if (records.length === 0) throw new UsageError(`${path}: no usable answers (see the messages above)`);
  const { bytes } = await writeDataset(format, {
    name: datasetName(now),
    modelprintVersion,
    engine: engineInfo(signatures),
    exportedAt: now,
    filters: null,
    privacy: NO_PRIVACY,
    features: true,
    records,
  });
  await writeOutput(out, bytes);
  io.stdout.write(`${out}: ${records.length} answers written${failed ? `, ${failed} lines skipped` : ''}\n`);
  return failed > 0 ? EXIT_RECORD_ERRORS : EXIT_OK;
}
