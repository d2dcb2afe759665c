import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveImport, treeViolations, violationsOf } from './import-zones';

const ROOT = path.resolve(__dirname, '../..');

describe('import zones', () => {
  it('hold across lib/, cli/ and scripts/', () => {
    const found = treeViolations(ROOT).map((v) => `${v.file} imports ${v.imports}: ${v.why}`);
    expect(found, 'move what both sides need into lib/ (or the zone that may be imported)').toEqual([]);
  });

  it.each([
    ['lib/capture/session.ts', "import { saveSample } from '../db';", 1],
    ['lib/sites/claude.ts', "import { Popup } from '@/components/popup/Popup';", 1],
    ['lib/capture/session.ts', "import type { Sample } from '../sample';", 0],
    ['lib/fingerprint/pool.ts', "import { claimOf } from '../verdict/claims';", 1],
    ['lib/fingerprint/pool.ts', "import { scoresOf } from './distribution';", 0],
    ['cli/commands/signatures.ts', "import { build } from '../../scripts/build-signatures';", 1],
    ['scripts/bench.ts', "const m = await import('../cli/main');", 1],
    ['scripts/bench.ts', "import { attribute } from '../lib/fingerprint';", 0],
    ['scripts/bench/measures.ts', "import { classifyStream } from '../../cli/commands/classify';", 1],
    ['lib/node/classify-lines.ts', "import { humanSummary } from '../../cli/human-summary';", 1],
    ['lib/verdict/claims.ts', "export { x } from '../../components/verdict/x';", 1],
  ])('%s with `%s`: %i violation(s)', (file, source, count) => {
    expect(violationsOf(file, source)).toHaveLength(count);
  });

  it.each([
    ['lib/capture/session.ts', '../db', 'lib/db'],
    ['cli/commands/x.ts', '../../scripts/y', 'scripts/y'],
    ['lib/a.ts', '@/components/b', 'components/b'],
    ['lib/a.ts', 'preact', null],
  ])('resolves %s → %s', (from, spec, want) => {
    expect(resolveImport(from, spec)).toBe(want);
  });
});
