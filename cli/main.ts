import packageJson from '../package.json';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command';
import { classifyCommand } from './commands/classify';
import { datasetCommand } from './commands/dataset';
import { compareCommand } from './commands/compare';
import { evalCommand } from './commands/eval';
import { fingerprintCommand } from './commands/fingerprint';
import { signaturesCommand } from './commands/signatures';
import { engineVersions } from './engine-files';

/** Every sub-command; the tool's help lists them in this order. */
export const commands = [classifyCommand, compareCommand, fingerprintCommand, signaturesCommand, evalCommand, datasetCommand] satisfies Command[];

export function toolUsage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `modelprint: which known LLM does a text most resemble (stylometry, offline)

Usage: modelprint <command> [options] [args]

Commands:
${list}

Options:
  -h, --help     show help (also: modelprint <command> --help, modelprint help <command>)
  -v, --version  show the tool, feature-set and signature-schema versions

Output is JSON Lines on stdout; messages go to stderr.
Exit codes: 0 ok, 1 some records failed (the others were processed), 2 nothing was processed.
`;
}

export function versionText(): string {
  return `modelprint ${packageJson.version} (${engineVersions()})\n`;
}

const isHelpFlag = (arg: string) => arg === '--help' || arg === '-h';

/** Runs the tool for `argv` (without node and script) and resolves to its exit code; never calls exit. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    // No command is a usage error: the help goes to stderr so a pipeline never reads it as data.
    io.stderr.write(toolUsage());
    return EXIT_USAGE;
  }
  if (isHelpFlag(first)) {
    io.stdout.write(toolUsage());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(versionText());
    return EXIT_OK;
  }
  const helpTarget = first === 'help' ? rest[0] : undefined;
  if (first === 'help' && helpTarget === undefined) {
    io.stdout.write(toolUsage());
    return EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === (helpTarget ?? first));
  if (!command) {
    io.stderr.write(`modelprint: unknown command "${helpTarget ?? first}" (see modelprint --help)\n`);
    return EXIT_USAGE;
  }
  // Help wins over everything else on the line, so `classify big.jsonl --help` does not start a run.
  const dashDash = rest.indexOf('--');
  const flags = dashDash === -1 ? rest : rest.slice(0, dashDash);
  if (helpTarget !== undefined || flags.some(isHelpFlag)) {
    io.stdout.write(command.helpFor?.(helpTarget !== undefined ? rest.slice(1) : flags) ?? command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`modelprint ${command.name}: ${error.message}\n`);
    if (error.showUsage) io.stderr.write(`Run "modelprint ${command.name} --help" for usage.\n`);
    return EXIT_USAGE;
  }
}
