import { describe, expect, it } from 'vitest';
import { commands } from '../../../cli/main';
import { runCli } from './run-cli';

describe('modelprint --help', () => {
  it.each([['--help'], ['-h'], ['help']])('"%s" lists every command on stdout and exits 0', async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Usage: modelprint <command>');
    for (const command of commands) {
      const row = run.stdout.split('\n').find((line) => line.trimStart().startsWith(`${command.name} `));
      expect(row?.trim().replace(/ +/, ' ')).toBe(`${command.name} ${command.summary}`);
    }
  });

  it('prints usage on stderr and exits 2 with no command at all', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: modelprint <command>');
  });

  it('exits 2 for an unknown command', async () => {
    const run = await runCli(['clasify', 'x.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "clasify"');
  });
});

describe('modelprint COMMAND --help', () => {
  const names = commands.map((command) => command.name);
  it.each(names)('%s: --help, -h and "help COMMAND" print the command usage and exit 0 without running it', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name], [name, 'missing-file.jsonl', '--help']]) {
      const run = await runCli(argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.stderr, argv.join(' ')).toBe('');
      expect(run.stdout.startsWith(`Usage: modelprint ${name} `), argv.join(' ')).toBe(true);
    }
  });

  it('documents the input rules and the exit-code behaviour where users look for them', async () => {
    const classify = (await runCli(['classify', '--help'])).stdout;
    expect(classify).toContain('--input FORMAT');
    expect(classify).toContain('--signatures PATH');
    expect(classify).toMatch(/stdin: JSONL if every non-empty line is a JSON object/);
    expect((await runCli(['--help'])).stdout).toMatch(/Exit codes: 0 ok, 1 some records failed.*, 2 nothing was processed/);
  });
});

describe('modelprint --version', () => {
  it('prints the package version and the engine versions on one line', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^modelprint \d+\.\d+\.\d+ \(feature set \S+, signature schema \d+\)\n$/);
  });
});
