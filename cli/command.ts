import type { Readable, Writable } from 'node:stream';

/**
 * The process streams a command talks to. Commands never touch `process.*` directly, so tests and the
 * benchmark can run them in-process with their own streams.
 */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Exit codes, documented in docs/cli.md. */
export const EXIT_OK = 0;
/** Some records could not be read (bad JSON, no `text`); the others were processed. */
export const EXIT_RECORD_ERRORS = 1;
/** Nothing was processed: bad arguments, a missing or unreadable file, an unloadable signature file. */
export const EXIT_USAGE = 2;

/** One `modelprint` sub-command: its help text and what it does. */
export interface Command {
  name: string;
  /** One line for the tool's own `--help`. */
  summary: string;
  /** Full `modelprint <name> --help` text. */
  usage: string;
  /** A command with subcommands: the help of the one `args` names (`dataset validate --help`), if any. */
  helpFor?(args: string[]): string | undefined;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/**
 * A problem that stops a command before it processes anything (exit code 2). Thrown by argument parsing
 * and input opening; `main` prints the message and, when `showUsage` is set, the command's usage line.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
