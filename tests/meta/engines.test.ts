/**
 * A clean `npm ci` on the supported Node prints no engine warning (issue 12: listr2 10 asks for Node 22 and is
 * overridden to 9.0.5 in package.json): every installed package's `engines.node` accepts the Node in use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; dev?: boolean }>;
};

describe('package engines', () => {
  test(`every locked package accepts Node ${process.version}`, () => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(process.version, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused, 'pin or override these in package.json (overrides) so npm ci prints no EBADENGINE warning').toEqual([]);
  });
});
