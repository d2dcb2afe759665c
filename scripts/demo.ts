/**
 * `npm run demo`: see ModelPrint work without an account on any chatbot site.
 *
 * Builds the Chrome extension if needed, starts Debian's Chromium with it loaded and offline, serves a local
 * demo chat at https://chatgpt.com/c/<demo id> (the address is routed to a generated page; nothing is fetched)
 * that streams real answers of six reference models, and waits until ModelPrint has recorded them. Then either
 * leaves the browser open for you (default) or, with `--headless --screenshot DIR`, writes screenshots of the
 * popup, the side panel and the dashboard to DIR and exits.
 *
 *   npm run demo                                   # a window, on a machine with a display
 *   npm run demo -- --headless --screenshot DIR    # no display: screenshots only
 *   npm run demo --headless --screenshot DIR       # the same (npm passes the flags as config)
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pickDemoAnswers } from './demo/answers';
import { demoChatPage } from './demo/page';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');
const CORPUS = path.resolve(ROOT, '../shared/corpus/train.jsonl');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_URL = 'https://chatgpt.com/c/0de70000-0000-4000-8000-00000000de70';

interface Options {
  headless: boolean;
  screenshots: string | null;
}

/** Flags given after `--`, or as npm config when given without it (`npm run demo --headless --screenshot DIR`). */
export function parseDemoArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  let headless = env.npm_config_headless === 'true';
  let screenshots: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--headless') headless = true;
    else if (a === '--screenshot') screenshots = argv[++i] ?? null;
    else if (a.startsWith('--screenshot=')) screenshots = a.slice('--screenshot='.length);
    else rest.push(a);
  }
  if (screenshots === null && env.npm_config_screenshot !== undefined) screenshots = rest.shift() ?? null;
  if (env.npm_config_screenshot !== undefined && screenshots === null) throw new Error('--screenshot needs a folder');
  if (rest.length) throw new Error(`unknown argument ${rest[0]}; usage: npm run demo -- [--headless] [--screenshot DIR]`);
  return { headless, screenshots: screenshots && path.resolve(process.env.INIT_CWD ?? process.cwd(), screenshots) };
}

function buildIfNeeded(): void {
  if (existsSync(path.join(EXTENSION, 'manifest.json'))) return;
  console.log('demo: building the Chrome extension (npm run build:chrome)…');
  execFileSync('npm', ['run', '--silent', 'build:chrome'], { cwd: ROOT, stdio: 'inherit' });
}

async function launch(headless: boolean): Promise<{ context: BrowserContext; userDataDir: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'modelprint-demo-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: null,
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      // Offline: the demo chat is served from this script, and nothing else resolves.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      ...(headless ? ['--no-sandbox', '--disable-gpu'] : []),
    ],
  });
  return { context, userDataDir };
}

/** The number of samples the background has stored (read in the worker, never creating the database). */
async function storedCount(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('modelprint');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('samples')) return (db.close(), resolve(0));
          const req = db.transaction('samples').objectStore('samples').count();
          req.onsuccess = () => (db.close(), resolve(req.result));
          req.onerror = () => (db.close(), resolve(0));
        };
      }),
  );
}

async function waitForRecorded(worker: Worker, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await storedCount(worker)) < count) {
    if (Date.now() > deadline) throw new Error(`ModelPrint recorded fewer than ${count} demo answers in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function shoot(context: BrowserContext, id: string, file: string, size: { width: number; height: number }, out: string, ready: string): Promise<void> {
  const page: Page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${id}/${file}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  const name = file.replace('.html', '.png');
  await page.screenshot({ path: path.join(out, name), fullPage: false });
  console.log(`demo: wrote ${path.join(out, name)}`);
  await page.close();
}

async function main(): Promise<void> {
  const options = parseDemoArgs(process.argv.slice(2), process.env);
  const answers = await pickDemoAnswers(CORPUS);
  buildIfNeeded();
  const { context, userDataDir } = await launch(options.headless);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const html = demoChatPage(answers);
    await context.route('https://chatgpt.com/**', (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.fulfill({ status: 404, body: '' }),
    );
    const chat = context.pages()[0] ?? (await context.newPage());
    await chat.goto(DEMO_URL);
    console.log(`demo: streaming ${answers.length} answers (${answers.map((a) => a.model).join(', ')})…`);
    await waitForRecorded(worker, answers.length);
    console.log(`demo: ModelPrint recorded all ${answers.length} answers.`);
    if (options.screenshots) {
      mkdirSync(options.screenshots, { recursive: true });
      await chat.bringToFront();
      await shoot(context, id, 'popup.html', { width: 400, height: 600 }, options.screenshots, '[data-testid="verdict"]');
      await chat.bringToFront();
      await shoot(context, id, 'sidepanel.html', { width: 400, height: 900 }, options.screenshots, '[data-testid="pooled-verdict"]');
      await shoot(context, id, 'dashboard.html', { width: 1280, height: 800 }, options.screenshots, 'table');
    }
    if (!options.headless) {
      console.log('demo: try the toolbar button (popup), the side panel and the dashboard; close the window to end.');
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
    }
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
