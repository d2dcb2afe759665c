/**
 * The end-to-end case of every site adapter, read from `tests/fixtures/sites/<id>/e2e.json` (format in
 * `tests/fixtures/sites/README.md`). Each names a streaming fixture and a second, complete conversation
 * (with reasoning) to navigate to; the answers each page must yield are in the page's own
 * `<script type="application/json" id="modelprint-expected">`. Sites with real saved pages also name them
 * (`real`): read from `../shared/fixtures/real-dom/`, never copied, so only counts and claims are declared.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SHARED } from './fixtures';

export const SITE_FIXTURES = path.join(ROOT, 'tests/fixtures/sites');

export interface ExpectedAnswer {
  prompt: string;
  text: string;
  claimedModel: { raw: string; source: 'message' | 'picker' | 'mode' } | null;
  /** null: the answer shows no reasoning; a string: the stored reasoning contains it, the text does not. */
  reasoning?: string | null;
}

export interface PageCase {
  fixture: string;
  url: string;
  conversationId: string;
  html: string;
  answers: ExpectedAnswer[];
}

/** A real saved page served at its real URL: every answer is stored exactly once. */
export interface RealPageCase {
  /** `<site>/<file>` under `../shared/fixtures/real-dom/`. */
  page: string;
  url: string;
  conversationId: string;
  html: string;
  answers: number;
  /** The claimed model's raw text of every answer, or null for none. */
  claimedModel: string | null;
  /** Optional: every stored answer is at least this long (a long answer is stored whole, not its first block). */
  minChars?: number;
}

export interface SiteCase {
  site: string;
  streaming: PageCase;
  navigation: PageCase;
  real: RealPageCase[];
}

/** The JSON expectations embedded in a fixture page. */
export function expectedAnswers(html: string, file: string): ExpectedAnswer[] {
  const m = /<script type="application\/json" id="modelprint-expected">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error(`${file}: no <script type="application/json" id="modelprint-expected">`);
  const parsed = JSON.parse(m[1]!) as { answers?: ExpectedAnswer[] };
  if (!Array.isArray(parsed.answers) || parsed.answers.length === 0) {
    throw new Error(`${file}: #modelprint-expected has no "answers"`);
  }
  return parsed.answers;
}

function pageCase(site: string, raw: { fixture: string; url: string; conversationId: string }): PageCase {
  const file = path.join(SITE_FIXTURES, site, raw.fixture);
  const html = readFileSync(file, 'utf8');
  return { ...raw, html, answers: expectedAnswers(html, file) };
}

export function loadSiteCases(): SiteCase[] {
  return readdirSync(SITE_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(SITE_FIXTURES, d.name, 'e2e.json')))
    .map((d) => {
      const raw = JSON.parse(readFileSync(path.join(SITE_FIXTURES, d.name, 'e2e.json'), 'utf8'));
      const real = ((raw.real ?? []) as Omit<RealPageCase, 'html'>[]).map((r) => ({
        ...r,
        html: readFileSync(path.join(SHARED, 'fixtures/real-dom', r.page), 'utf8'),
      }));
      return { site: d.name, streaming: pageCase(d.name, raw.streaming), navigation: pageCase(d.name, raw.navigation), real };
    });
}

/** A site's shared-conversation page (`share` in e2e.json): its answers are stored once, shared, under its id. */
export interface ShareCase {
  site: string;
  fixture: string;
  url: string;
  shareId: string;
  html: string;
  answers: ExpectedAnswer[];
}

export function loadShareCases(): ShareCase[] {
  return readdirSync(SITE_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(SITE_FIXTURES, d.name, 'e2e.json')))
    .flatMap((d) => {
      const raw = JSON.parse(readFileSync(path.join(SITE_FIXTURES, d.name, 'e2e.json'), 'utf8'));
      if (!raw.share) return [];
      const file = path.join(SITE_FIXTURES, d.name, raw.share.fixture);
      const html = readFileSync(file, 'utf8');
      return [{ site: d.name, ...raw.share, html, answers: expectedAnswers(html, file) }];
    });
}
