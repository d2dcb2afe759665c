import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDemoArgs } from '../../../scripts/demo';

const cwd = process.cwd();

describe('npm run demo arguments', () => {
  test.each([
    { argv: [], env: {}, want: { headless: false, screenshots: null } },
    { argv: ['--headless'], env: {}, want: { headless: true, screenshots: null } },
    { argv: ['--headless', '--screenshot', 'shots'], env: {}, want: { headless: true, screenshots: path.resolve(cwd, 'shots') } },
    { argv: ['--screenshot=shots'], env: {}, want: { headless: false, screenshots: path.resolve(cwd, 'shots') } },
    // `npm run demo --headless --screenshot DIR`: npm turns both flags into config and passes DIR on.
    { argv: ['shots'], env: { npm_config_headless: 'true', npm_config_screenshot: 'true' }, want: { headless: true, screenshots: path.resolve(cwd, 'shots') } },
  ])('$argv with $env', ({ argv, env, want }) => {
    expect(parseDemoArgs(argv, { ...env, INIT_CWD: cwd })).toEqual(want);
  });

  test('refuses an unknown argument and a screenshot flag without a folder', () => {
    expect(() => parseDemoArgs(['--fast'], {})).toThrow(/unknown argument --fast/);
    expect(() => parseDemoArgs([], { npm_config_screenshot: 'true' })).toThrow(/needs a folder/);
  });
});
