/**
 * WCAG 2 A and AA checks with axe-core, in the page as the user sees it, in the light and the dark colour
 * scheme (the theme follows `prefers-color-scheme`, so contrast is checked for both palettes).
 *
 * axe is evaluated through the DevTools protocol rather than added as a <script> tag: extension pages allow
 * only their own scripts (`script-src 'self'`), and a DevTools evaluation is not subject to the page's CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** One line per rule and per element, with axe's own explanation of what fails. */
export function describeViolations(where: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `${where}: ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

async function violationsNow(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags) => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      // Only what the report needs: axe's result objects hold DOM references that do not serialise.
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    TAGS,
  );
}

/**
 * Asserts that axe finds no WCAG 2 A/AA violation in `page`, first in the light then in the dark colour
 * scheme; afterwards the page is back in `restore` (default: light).
 */
export async function expectAccessible(page: Page, where: string, restore: 'light' | 'dark' = 'light'): Promise<void> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await violationsNow(page);
    if (violations.length > 0) found.push(describeViolations(`${where}, ${scheme}`, violations));
  }
  await page.emulateMedia({ colorScheme: restore });
  expect(found.length, `axe found WCAG 2 A/AA violations:\n${found.join('\n')}`).toBe(0);
}
