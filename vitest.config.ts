import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests are split by the runtime they need (STYLE.md §9):
//   tests/unit  — Node: engine, db (fake-indexeddb), message handlers, CLI
//   tests/dom   — happy-dom: site adapters on saved pages, Preact components
//   tests/meta  — Node: the project checks itself (every adapter registered, tested, documented)
// End-to-end tests on the built extension live in tests/e2e and run under Playwright, not here.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'meta', include: ['tests/meta/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
