import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from '@/lib/display-numbers';
import { reasonText } from '@/lib/verdict/reason-text';
import { familyName } from '@/lib/verdict/vendor-names';

describe('words and numbers for the UI', () => {
  it.each([
    [0.4123, 'en-US', '41%'],
    [0.004, 'en-US', '0.4%'],
    [0.0001, 'en-US', '< 0.1%'],
    [0.996, 'en-US', '> 99%'],
    [1, 'en-US', '> 99%'], // never a certain 100%
    [0, 'en-US', '0%'],
    [0.4123, 'de-DE', '41 %'],
    [0.004, 'de-DE', '0,4 %'],
  ])('formats %f in %s as %s', (p, locale, expected) => {
    expect(formatPercent(p, locale).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('formats counts in the locale', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(12345, 'de-DE')).toBe('12.345');
  });

  it('names vendors and keeps unknown ids', () => {
    expect(familyName('openai')).toBe('OpenAI');
    expect(familyName('someone')).toBe('someone');
  });

  it('explains every undetermined reason', () => {
    for (const r of ['empty', 'too-short', 'not-prose', 'no-evidence']) expect(reasonText(r)).not.toMatch(/Undetermined/);
    expect(reasonText('other')).toBe('Undetermined (other).');
  });
});
