import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autoRecord, disabledSites, isSiteEnabled, setSiteEnabled } from '@/lib/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records on every site by default', async () => {
    expect(await isSiteEnabled('chatgpt')).toBe(true);
    expect(await autoRecord.getValue()).toBe(true);
  });

  it('turns a site off and on again without duplicates', async () => {
    await setSiteEnabled('chatgpt', false);
    await setSiteEnabled('chatgpt', false);
    expect(await disabledSites.getValue()).toEqual(['chatgpt']);
    expect(await isSiteEnabled('chatgpt')).toBe(false);
    await setSiteEnabled('chatgpt', true);
    expect(await isSiteEnabled('chatgpt')).toBe(true);
    expect(await disabledSites.getValue()).toEqual([]);
  });
});
