/**
 * What the stores ask for, checked as files: icons in every size (real PNGs of that size), the name and
 * description localised with the same keys in every locale and within the stores' limits, a privacy policy,
 * listing texts, and a changelog entry for the version in package.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const at = (...p: string[]) => path.join(ROOT, ...p);
const SIZES = [16, 32, 48, 96, 128];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), `${file} is not a PNG`).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('store readiness', () => {
  test.each(SIZES)('an icon of %i px exists at public/icon/<size>.png (npm run icons)', (size) => {
    const file = at('public/icon', `${size}.png`);
    expect(existsSync(file), `run npm run icons to write ${file}`).toBe(true);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  });

  const locales = readdirSync(at('public/_locales'));
  const messages = Object.fromEntries(
    locales.map((l) => [l, JSON.parse(readFileSync(at('public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>]),
  );

  test('English and Chinese at least, every locale with the same keys', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'zh_CN']));
    for (const l of locales) expect(Object.keys(messages[l]!).sort(), l).toEqual(Object.keys(messages.en!).sort());
  });

  test('name, description and tooltip within the Chrome Web Store limits in every locale', () => {
    for (const l of locales) {
      const m = messages[l]!;
      expect(m.extName!.message.length, `${l} extName`).toBeLessThanOrEqual(75);
      expect(m.extDescription!.message.length, `${l} extDescription`).toBeLessThanOrEqual(132);
      expect(m.actionTitle!.message.trim(), `${l} actionTitle`).not.toBe('');
    }
  });

  test('the manifest takes its name, description and tooltip from the locales', () => {
    const config = readFileSync(at('wxt.config.ts'), 'utf8');
    for (const key of ['extName', 'extDescription', 'actionTitle']) expect(config).toContain(`__MSG_${key}__`);
    expect(config).toContain("default_locale: 'en'");
  });

  test('a privacy policy and listing texts exist, and the README links the policy', () => {
    const policy = readFileSync(at('docs/privacy.md'), 'utf8');
    for (const heading of ['What it stores', 'How to delete it', 'Permissions']) expect(policy).toContain(heading);
    expect(existsSync(at('docs/store/chrome-web-store.md'))).toBe(true);
    expect(existsSync(at('docs/store/firefox-amo.md'))).toBe(true);
    expect(readFileSync(at('README.md'), 'utf8')).toContain('docs/privacy.md');
  });

  test('the changelog has an entry for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { version: string };
    expect(readFileSync(at('CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm'));
  });
});
