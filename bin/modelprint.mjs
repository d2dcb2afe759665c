#!/usr/bin/env node
// The installed `modelprint` command. The CLI is TypeScript run through tsx (a devDependency, present
// after `npm ci` in the repo) instead of a compiled copy: there is no build step to forget, and the CLI
// always runs the same engine source as the tests. The package is private, so it is never installed
// without its devDependencies.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Pin the repo's tsconfig so the command behaves the same from any working directory.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../cli/modelprint.ts');
