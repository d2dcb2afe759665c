import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, getDefaultSignatures } from '../../../lib/fingerprint';

const sig = getDefaultSignatures();
const PROSE = `Great question! There are several factors to consider when choosing a programming language for a new project.

First, think about the ecosystem: libraries, tooling and community support matter a lot in practice. Second, consider
the performance requirements of your application, since some languages are much faster than others. Third, the
experience of your team is crucial, because a familiar language lets people move quickly and avoid mistakes.

Finally, look at how long the project will live. A language with a stable standard library and a clear upgrade
path saves a great deal of maintenance work over the years, while a fashionable one may leave you stranded.

In summary, there is no single best language; the right choice depends on your goals. I hope this helps!`;

function checkShape(a: ReturnType<typeof attribute>) {
  expect(a.models.length).toBe(sig.labels.length);
  expect(new Set(a.models.map((m) => m.model))).toEqual(new Set(sig.labels));
  expect(a.families.length).toBe(sig.families.length);
  const sum = (xs: Array<{ p: number }>) => xs.reduce((s, x) => s + x.p, 0);
  expect(sum(a.models)).toBeCloseTo(1, 4);
  expect(sum(a.families)).toBeCloseTo(1, 4);
  for (const x of [...a.models, ...a.families]) {
    expect(x.p).toBeGreaterThanOrEqual(0);
    expect(x.p).toBeLessThanOrEqual(1);
  }
  for (let i = 1; i < a.models.length; i++) expect(a.models[i - 1]!.p).toBeGreaterThanOrEqual(a.models[i]!.p);
  for (let i = 1; i < a.families.length; i++) expect(a.families[i - 1]!.p).toBeGreaterThanOrEqual(a.families[i]!.p);
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  // Models and families agree: a family's p is the sum of its labels' p (also with the family head, which
  // rescales the labels of each family to the blended family mass).
  for (const f of a.families) {
    const ofFamily = a.models.filter((m) => m.family === f.family).reduce((s, m) => s + m.p, 0);
    expect(Math.abs(ofFamily - f.p)).toBeLessThan(1e-5);
  }
  if (a.undetermined) {
    expect(a.model).toBeNull();
    expect(a.family).toBeNull();
    expect(a.confidence).toBe(0);
    expect(typeof a.reason).toBe('string');
  } else {
    // One consistent headline: the top family, and the top model *within* it (which need not be the top
    // model overall when a vendor's probability is spread over several of its labels).
    expect(a.family).toBe(a.families[0]!.family);
    const ofFamily = a.models.filter((m) => m.family === a.family);
    expect(a.model).toBe(ofFamily[0]!.model);
    expect(a.confidence).toBe(ofFamily[0]!.p);
    expect(a.reason).toBeNull();
  }
}

describe('attribute', () => {
  it('attributes a normal answer with a model, a family and an explanation', () => {
    const a = attribute(PROSE);
    checkShape(a);
    expect(a.undetermined).toBe(false);
    expect(a.explanation.length).toBeGreaterThan(0);
    for (const s of a.explanation) expect(s).toMatch(/\w+.*\./);
  });

  it.each([
    ['empty text', '', 'empty'],
    ['only whitespace and zero-width characters', ' \n\t\u200B\uFEFF ', 'empty'],
    ['a greeting', 'Hello there!', 'too-short'],
    ['a lone code block', '```\nfor (let i = 0; i < 10; i++) { console.log(i); }\n```', 'not-prose'],
    ['a row of emoji', '😀 🎉 🚀 ✨ 🔥', 'not-prose'],
  ])('is undetermined for %s', (_name, text, reason) => {
    const a = attribute(text);
    checkShape(a);
    expect(a.undetermined).toBe(true);
    expect(a.reason).toBe(reason);
  });

  it.each([
    ['CJK', '人工智能是计算机科学的一个分支。它试图理解智能的实质，并生产出一种新的能以人类智能相似的方式做出反应的智能机器。'.repeat(6)],
    ['RTL', 'الذكاء الاصطناعي هو فرع من علوم الحاسوب يهدف إلى إنشاء أنظمة ذكية قادرة على التعلم والتفكير. '.repeat(8)],
    ['lone surrogates', `${PROSE}\uD800\uDFFF\uDC00`],
    ['zero-width joiners and emoji sequences', `${PROSE} 👩\u200D💻 🏳️\u200D🌈`],
    ['control characters', `${PROSE}\u0000\u0007\u001B`],
  ])('gives a well-formed result for %s', (_name, text) => {
    checkShape(attribute(text));
  });

  it('is total and well-formed for arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkShape(attribute(s))), { numRuns: 150 });
  });

  it('is deterministic', () => {
    expect(attribute(PROSE)).toEqual(attribute(PROSE));
  });

  it('does not depend on rendering typography (curly quotes, rendered dashes, star bullets)', () => {
    const raw = 'He said "it\'s fine" -- really.\n\n* first point here\n* second point here\n\n' + PROSE;
    const rendered = 'He said \u201Cit\u2019s fine\u201D \u2014 really.\n\n- first point here\n- second point here\n\n' + PROSE;
    expect(attribute(rendered)).toEqual(attribute(raw));
  });
});
