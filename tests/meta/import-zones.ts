/**
 * Import boundaries between the project's zones (STYLE.md: darkreader's lint zones), checked on the source
 * text: the injected capture code never pulls in the database, the background or the UI; the engine never
 * pulls in anything of the extension; the command line and the scripts never import each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Zone {
  /** Files under these folders (relative to the root) obey the rule. */
  from: readonly string[];
  /** They may not import anything under these folders or files. */
  forbidden: readonly string[];
  why: string;
}

export const ZONES: readonly Zone[] = [
  {
    from: ['lib/capture', 'lib/sites'],
    forbidden: ['lib/db.ts', 'lib/background', 'components', 'entrypoints'],
    why: 'the capture code runs in the chatbot page: it reads the DOM and sends messages, nothing more',
  },
  {
    from: ['lib/fingerprint'],
    forbidden: ['lib/capture', 'lib/sites', 'lib/db.ts', 'lib/background', 'lib/messaging', 'lib/verdict', 'lib/dashboard', 'components', 'entrypoints', 'cli', 'scripts'],
    why: 'the engine is shared by the extension and the CLI and knows nothing of either',
  },
  { from: ['cli'], forbidden: ['scripts'], why: 'the CLI ships in the package; scripts are development tools' },
  { from: ['scripts'], forbidden: ['cli'], why: 'what both need lives in lib/, so neither depends on the other' },
  {
    from: ['lib'],
    forbidden: ['components', 'entrypoints', 'cli', 'scripts'],
    why: 'lib/ is the logic the pages, the CLI and the scripts use, never the other way round',
  },
];

const SOURCE = /\.(ts|tsx|mts)$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(root, rel);
    return SOURCE.test(e.name) ? [rel] : [];
  });
}

/** The project-relative path an import specifier points at, or null for a package. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

const under = (file: string, folder: string) => {
  const f = folder.replace(/\.tsx?$/, '');
  const target = file.replace(/\.tsx?$/, '');
  return target === f || target.startsWith(`${f}/`);
};

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

/** Every import of `file` (its text `source`) that breaks a zone's rule. */
export function violationsOf(file: string, source: string, zones: readonly Zone[] = ZONES): Violation[] {
  const out: Violation[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    const target = resolveImport(file, spec);
    if (!target) continue;
    // One report per import: the first (most specific) zone it breaks.
    const broken = zones.find((z) => z.from.some((f) => under(file, f)) && z.forbidden.some((f) => under(target, f)));
    if (broken) out.push({ file, imports: spec, why: broken.why });
  }
  return out;
}

export function treeViolations(root: string): Violation[] {
  return ['lib', 'cli', 'scripts'].flatMap((dir) =>
    sourceFiles(root, dir).flatMap((f) => violationsOf(f, readFileSync(path.join(root, f), 'utf8'))),
  );
}
