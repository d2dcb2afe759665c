import { FEATURE_SET_VERSION, fingerprint } from '../../lib/fingerprint';
import type { CliIo, Command } from '../command';
import { INPUT_HELP, inputFormatOption, parseCommandArgs } from '../parse-args';
import { writeAnswerLines } from '../../lib/node/answer-lines';
import type { Answer } from '../../lib/node/jsonl-answers';
import { openInput } from '../read-input';
import { finishRun } from '../finish-run';

/** One output line of `fingerprint`: the engine's feature vector, tagged with the feature-set version it belongs to. */
export function toFingerprintLine(answer: Answer): string {
  return JSON.stringify({ id: answer.id, featureSetVersion: FEATURE_SET_VERSION, features: fingerprint(answer.text) });
}

export const fingerprintCommand: Command = {
  name: 'fingerprint',
  summary: 'the stylometric feature vector of each answer (one JSON line per answer)',
  usage: `Usage: modelprint fingerprint [options] FILE

Prints one JSON object per answer: {"id", "featureSetVersion", "features": {name: value, ...}}, the
numbers the classifier compares against the signatures. Vectors from different feature-set versions
are not comparable.

${INPUT_HELP}
`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(args, { input: { type: 'string' } }, ['file']);
    const input = await openInput(positionals[0]!, inputFormatOption(values.input), io.stdin);
    const summary = await writeAnswerLines(input.name, input.items, io.stdout, io.stderr, toFingerprintLine);
    return finishRun(input.name, summary, io.stderr);
  },
};
