import type { CliIo, Command } from '../command';
import { classifyItems, classifyPooled } from '../../lib/node/classify-lines';
import { humanSummary } from '../human-summary';
import { Progress } from '../progress';
import { readSignatureArgs } from '../signature-args';
import { INPUT_HELP, inputFormatOption, parseCommandArgs } from '../parse-args';
import { openInput } from '../read-input';
import { finishRun } from '../finish-run';

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'which known model each answer most resembles (a summary on a terminal, JSON lines otherwise)',
  usage: `Usage: modelprint classify [options] FILE

On a terminal, prints a short summary per answer: the closest vendor and model with their
probabilities, the runners-up and the main reasons, or "undetermined" with the reason.
Piped or redirected (or with --json), prints one JSON object per answer instead: the most likely
model and family, a confidence, the probability of every known model and family (sorted), and a
short explanation. Too little text gives "undetermined": true with a "reason" instead of a guess.
On a terminal, a counter with the rate and the time left runs on stderr for large files.

${INPUT_HELP}
  --signatures PATH  a signature pack of custom references (modelprint signatures build) that compete
                     with the bundled models, or a full signature file replacing the bundled one;
                     repeatable (several packs, at most one full file)
  --json             JSON lines even on a terminal
  --no-explain       leave "explanation" empty: faster when only the scores are needed
  --pool             the answers come from one model: print one pooled line for all of them,
                     with "n", the number of answers that carried evidence

Example:
  modelprint classify answers.jsonl > scores.jsonl
  modelprint classify --pool conversation.jsonl
  pbpaste | modelprint classify -
`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        input: { type: 'string' },
        signatures: { type: 'string', multiple: true },
        pool: { type: 'boolean' },
        'no-explain': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      ['file'],
    );
    const format = inputFormatOption(values.input);
    const { signatures, references } = await readSignatureArgs(values.signatures);
    const input = await openInput(positionals[0]!, format, io.stdin);
    const human = !values.json && (io.stdout as { isTTY?: boolean }).isTTY === true;
    const progress = new Progress(io.stderr, input, Progress.wanted(io.stdout, io.stderr));
    const render = human ? humanSummary : undefined;
    const options = { stderr: io.stderr, name: input.name, signatures, references, explain: !values['no-explain'], render, progress };
    const summary = await (values.pool ? classifyPooled : classifyItems)(input.items, io.stdout, options);
    progress.end();
    return finishRun(input.name, summary, io.stderr);
  },
};
