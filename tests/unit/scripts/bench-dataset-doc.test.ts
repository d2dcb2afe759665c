/** `npm run bench:dataset -- --write` replaces its own section of docs/benchmark.md and leaves the rest alone. */
import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../../scripts/bench-dataset';

const DOC = '# ModelPrint benchmark\n\nintro\n\n## classify throughput\n\nrows\n\n## Bundled signature data\n\nfiles\n';

describe('the dataset section of the benchmark doc', () => {
  it('is added before the signature data, then replaced in place', () => {
    const once = replaceSection(DOC, '## Dataset export and import\n\nfirst\n');
    expect(once).toBe('# ModelPrint benchmark\n\nintro\n\n## classify throughput\n\nrows\n\n## Dataset export and import\n\nfirst\n\n## Bundled signature data\n\nfiles\n');
    const twice = replaceSection(once, '## Dataset export and import\n\nsecond\n\n### In Chromium\n\nmore\n');
    expect(twice).toBe('# ModelPrint benchmark\n\nintro\n\n## classify throughput\n\nrows\n\n## Dataset export and import\n\nsecond\n\n### In Chromium\n\nmore\n\n## Bundled signature data\n\nfiles\n');
  });

  it('is appended to a doc without the signature data section', () => {
    expect(replaceSection('# B\n\ntext\n', '## Dataset export and import\n\nx\n')).toBe('# B\n\ntext\n\n## Dataset export and import\n\nx\n');
  });
});
