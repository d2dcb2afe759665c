/**
 * `npm run icons`: renders assets/icon.svg into the PNG sizes the stores and browsers ask for
 * (16, 32, 48, 96, 128), in public/icon/<size>.png where WXT finds them for the manifest. Uses the same
 * Debian Chromium as the end-to-end tests, so no image library is needed; the PNGs are committed.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<void> {
  const svg = readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      const out = path.join(ROOT, 'public/icon', `${size}.png`);
      await page.screenshot({ path: out, omitBackground: true });
      console.log(`icons: wrote ${path.relative(ROOT, out)}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`icons: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
