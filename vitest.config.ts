import { configDefaults, defineConfig } from 'vitest/config';
import { suitesToSkip } from './tests/shared-data';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests are split by the runtime they need (STYLE.md §9):
//   tests/unit  — Node: engine, db (fake-indexeddb), message handlers, CLI
//   tests/dom   — happy-dom: site adapters on saved pages, Preact components
//   tests/meta  — Node: the project checks itself (every adapter registered, tested, documented)
// End-to-end tests on the built extension live in tests/e2e and run under Playwright, not here.
// Suites that read ../shared (corpus, saved real pages) are left out, with a message, when it is absent;
// under CI its absence is an error instead (tests/shared-data.ts).
const exclude = [...configDefaults.exclude, ...suitesToSkip('vitest', ['tests/unit', 'tests/dom', 'tests/meta'])];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude, environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], exclude, environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'meta', include: ['tests/meta/**/*.test.ts'], exclude, environment: 'node' },
      },
    ],
  },
});
