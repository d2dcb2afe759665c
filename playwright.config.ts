import { defineConfig } from '@playwright/test';
import { suitesToSkip } from './tests/shared-data';

// End-to-end tests load the built extension (.output/chrome-mv3) into Debian's Chromium; see
// tests/e2e/fixtures.ts. Build first: `npm run build:chrome` (the `test` script does).
export default defineConfig({
  testDir: 'tests/e2e',
  // Specs that read ../shared are left out, with a message, when it is absent (an error under CI).
  testIgnore: suitesToSkip('playwright', ['tests/e2e']).map((f) => `**/${f.split('/').pop()}`),
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  // One Chromium with an extension at a time: the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
