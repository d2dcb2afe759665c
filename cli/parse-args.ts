import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import { INPUT_FORMATS, type InputFormat } from './read-input';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs` in strict mode, with its errors turned into usage errors (exit 2 plus the usage line)
 * and the positional count checked, so every command rejects a typo the same way.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.map((name) => name.toUpperCase()).join(' ');
    throw new UsageError(`expected ${expected}, got ${parsed.positionals.length} argument(s)`, true);
  }
  return parsed;
}

/** Validates `--input`; undefined means `auto`. */
export function inputFormatOption(value: unknown): InputFormat {
  if (value === undefined) return 'auto';
  if (typeof value === 'string' && (INPUT_FORMATS as readonly string[]).includes(value)) return value as InputFormat;
  throw new UsageError(`--input must be one of ${INPUT_FORMATS.join(', ')}, got ${String(value)}`, true);
}

/** Help text for the input rules, shared by `classify` and `fingerprint` so they cannot drift apart. */
export const INPUT_HELP = `FILE is one of:
  *.jsonl, *.ndjson  one JSON object per line with a string "text" (and optional "id"); streamed
  *.txt, *.md        the whole file is one answer
  -                  stdin: JSONL if every non-empty line is a JSON object, else one answer
Other extensions are read like stdin.

Options:
  --input FORMAT     auto (default), jsonl or text: override the rules above
                     (--input jsonl streams stdin instead of buffering it)`;
