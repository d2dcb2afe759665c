/**
 * Datasets on the built extension: a JSONL file imported through the Import tab's file input and a bundle
 * dropped on its drop zone (both summarised before anything is written), an import that fails part-way
 * leaving the database as it was, and Export downloading a bundle that reads back with every sample.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { exportSamples } from '../../lib/dataset/export';
import { readDataset } from '../../lib/dataset/read';
import { sampleToRecord } from '../../lib/dataset/record';
import { writeJsonl } from '../../lib/dataset/write';
import { exportOptions } from '../unit/dataset/helpers';
import { makeSamples } from '../unit/dataset/samples';
import { ROOT, expect, storedSamples, test, waitForSamples } from './fixtures';

const DIR = path.join(ROOT, 'test-results/e2e/datasets');
mkdirSync(DIR, { recursive: true });
const jsonlFile = path.join(DIR, 'colleague.jsonl');
// Verdicts of a "fake-1" engine: the real engine recomputes every one that has its text.
const JSONL_SAMPLES = makeSamples(30);
writeFileSync(jsonlFile, writeJsonl(JSONL_SAMPLES.map((s) => sampleToRecord(s))));

async function openImport(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#import`);
  await expect(page.getByRole('heading', { name: 'Import samples' })).toBeVisible();
}

const ids = async (background: Worker) => (await storedSamples(background)).map((s) => s.id as string).sort();

test('a JSONL file through the file input: summary, confirm, stored with origin and recomputed verdicts', async ({ context, extensionId, background }) => {
  const page = await context.newPage();
  await openImport(page, extensionId);
  await page.getByTestId('import-file').setInputFiles(jsonlFile);
  await expect(page.getByTestId('import-new')).toHaveText('30 new');
  await expect(page.getByTestId('import-invalid')).toHaveText('0 invalid, never written');
  expect(await storedSamples(background)).toEqual([]); // nothing before confirming
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 30 samples from colleague.jsonl');
  const stored = await waitForSamples(background, 30);
  expect(stored.map((s) => s.id).sort()).toEqual(JSONL_SAMPLES.map((s) => s.id).sort());
  expect(new Set(stored.map((s) => (s.origin as { dataset: string }).dataset))).toEqual(new Set(['colleague.jsonl']));
  const withText = stored.filter((s) => !s.textDropped);
  expect(withText.length).toBeGreaterThan(20);
  for (const s of withText) expect((s.verdict as { version: string }).version).toMatch(/^s\d+\/f/); // the real engine's
  // Importing the same file again: all duplicates, nothing to confirm.
  await page.reload();
  await page.getByTestId('import-file').setInputFiles(jsonlFile);
  await expect(page.getByTestId('import-duplicates')).toContainText('30 duplicates');
  await expect(page.getByTestId('import-confirm')).toBeDisabled();
});

test('a bundle dropped on the drop zone is imported; export then downloads a bundle of every sample', async ({ context, extensionId, background }) => {
  const { bytes } = await exportSamples(makeSamples(25, 100), exportOptions());
  const page = await context.newPage();
  await openImport(page, extensionId);
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.zip', { type: 'application/zip' }));
    return dt;
  }, [...bytes]);
  await page.getByTestId('import-dropzone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-new')).toHaveText('25 new');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 25 samples');
  expect(await waitForSamples(background, 25)).toHaveLength(25);

  await page.goto(`chrome-extension://${extensionId}/dashboard.html#samples`);
  await expect(page.getByTestId('export-open')).toBeEnabled();
  await page.getByTestId('export-open').click();
  await page.getByTestId('privacy-omitUrls').check();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-start').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^modelprint-.*\.zip$/);
  const file = path.join(DIR, 'exported.zip');
  await download.saveAs(file);
  const read = await readDataset(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(file))));
  expect(read.kind).toBe('bundle');
  expect(read.invalid).toBe(0);
  expect(read.valid.map((v) => v.record.id).sort()).toEqual(await ids(background));
  expect(read.manifest).toMatchObject({ scope: 'all', privacy: { omitUrls: true, omitPrompts: false }, counts: { samples: 25 } });
  expect(read.valid.every((v) => v.record.url === null)).toBe(true);
  await expect(page.getByTestId('export-status')).toContainText('Exported 25 samples');
});

test('an import that fails part-way leaves the database exactly as it was', async ({ context, extensionId, background }) => {
  const page = await context.newPage();
  await openImport(page, extensionId);
  await page.getByTestId('import-file').setInputFiles(jsonlFile);
  await expect(page.getByTestId('import-new')).toHaveText('30 new');
  // After the summary, before the confirmation, one of the file's ids (in the middle of it) is stored, as
  // a capture in another tab would: the import's transaction fails at that record, after the first ones.
  const clash = JSONL_SAMPLES[17]!;
  await page.evaluate(
    (sample) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('modelprint');
        open.onsuccess = () => {
          const tx = open.result.transaction('samples', 'readwrite');
          tx.objectStore('samples').put(sample);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { ...clash, text: 'recorded meanwhile' },
  );
  const before = await storedSamples(background);
  expect(before).toHaveLength(1);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-error')).toContainText('Nothing was imported: a sample with one of these ids was stored after the summary');
  expect(await storedSamples(background)).toEqual(before);
});
