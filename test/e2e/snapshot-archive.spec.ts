import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { CitationsFile } from '../../core/storage/backup/article-archive';
import { verifyPackage } from '../../core/storage/backup/verify';
import { runScript } from '../unit/support/run-script';
import { demoArticleUrl } from '../web/sites/demo/fates';
import { expect, test } from './fixtures';
import { libraryContents, saveTab, saveWithSources } from './snapshot-helpers';

// Issue 16, in the browser: an article saved with its sources downloads from the library as one signed web
// archive; the key is made by the browser on first use and kept in the extension's IndexedDB; the archive and a
// backup verify, open in ReplayWeb.page's engine with every page found, and come back through restore.

async function downloaded(
  library: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const downloading = library.waitForEvent('download');
  await click();
  const download: Download = await downloading;
  return {
    name: download.suggestedFilename(),
    bytes: new Uint8Array(await readFile((await download.path()) as string)),
  };
}

interface Replayed {
  added: boolean;
  pages: Array<{ url: string; status: number; body: string }>;
  verified: { numInvalid: number; publicKey?: string };
}

/** The file in ReplayWeb.page's engine, in a process of its own (it needs service-worker globals). */
async function replay(name: string, bytes: Uint8Array): Promise<Replayed> {
  const path = test.info().outputPath(name);
  await writeFile(path, bytes);
  const { code, stdout } = await runScript('test/e2e/replayweb-open.ts', [path]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Replayed;
}

test('an article with its sources as a signed archive: verifies, opens in ReplayWeb.page’s engine, restores', async ({
  page,
  openExtensionPage,
}) => {
  test.setTimeout(300_000);
  await page.goto(demoArticleUrl);
  const library = await openExtensionPage('library.html');
  const saved = await saveTab(library, demoArticleUrl, { withSources: true });
  await library.reload();
  await expect(library.locator('[data-signing-key]')).toHaveText(
    'Archives will be signed with a key this browser makes on the first backup.',
  );

  const item = library.locator(`[data-snapshot-id="${saved.id}"]`);
  const archive = await downloaded(library, () => item.locator('[data-action="download-archive"]').click());
  expect(archive.name).toMatch(/\(\d{4}-\d{2}-\d{2}\)\.wacz$/);
  const fingerprint = (await library.locator('[data-fingerprint]').textContent()) ?? '';
  expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);

  // Signed with the key the library shows; every file matches.
  const files = unzipSync(archive.bytes);
  const check = await verifyPackage(files);
  expect(check.problems).toEqual([]);
  expect(check.signature).toMatchObject({ state: 'signed', fingerprint });

  const held = await libraryContents(library);
  const sources = Object.values(held).filter((snapshot) => snapshot.kind === 'source');
  expect(sources.length).toBeGreaterThan(0);
  const citations = JSON.parse(strFromU8(files['cited/citations.json'] as Uint8Array)) as CitationsFile;
  expect(citations.citations.flatMap((c) => c.archivedCopies)).toHaveLength(sources.length);

  // ReplayWeb.page's engine lists the article and each source and replays each as Cited stored it.
  const replayed = await replay(archive.name, archive.bytes);
  expect(replayed.added).toBe(true);
  expect(replayed.pages).toHaveLength(1 + sources.length);
  for (const replayedPage of replayed.pages) expect(replayedPage.status, replayedPage.url).toBe(200);
  expect(replayed.pages.map((p) => p.body).sort()).toEqual(
    [held[saved.id]?.html, ...sources.map((s) => s.html)].sort(),
  );
  expect(replayed.verified.numInvalid).toBe(0);

  // The backup is signed with the same key, and the command-line check agrees.
  const backup = await downloaded(library, () => library.locator('[data-action="backup"]').click());
  expect((await verifyPackage(unzipSync(backup.bytes))).signature).toMatchObject({ fingerprint });
  const backupPath = test.info().outputPath(backup.name);
  await writeFile(backupPath, backup.bytes);
  const verified = await runScript('scripts/verify.ts', [backupPath]);
  expect(verified.code).toBe(0);
  expect(verified.stdout).toContain(fingerprint);

  // Deleted, then brought back from the archive: the report names this browser's key.
  await item.locator('[data-action="delete"]').click();
  await library.locator('[data-action="confirm"]').click();
  await expect(item).toHaveCount(0);
  await library.locator('[data-action="restore"]').setInputFiles({
    name: archive.name,
    mimeType: 'application/zip',
    buffer: Buffer.from(archive.bytes),
  });
  await expect(library.locator('[data-restore-summary]')).toContainText(
    `restored ${1 + sources.length} snapshots`,
  );
  await expect(library.locator('[data-restore-signature]')).toContainText(
    `this browser’s key ${fingerprint}`,
  );
  await expect(item).toBeVisible();
});

test('from the panel: right after "Save with sources", the article and its sources download as one signed archive', async ({
  page,
  openSidePanel,
}) => {
  test.setTimeout(300_000);
  await page.goto(demoArticleUrl);
  const panel = await openSidePanel(page);
  const { id } = await saveWithSources(panel);
  const archive = await downloaded(panel, () => panel.locator('[data-action="download-archive"]').click());
  await expect(panel.locator('[data-archive-result]')).toHaveText(` Downloaded ${archive.name}.`);

  const files = unzipSync(archive.bytes);
  const check = await verifyPackage(files);
  expect(check.problems).toEqual([]);
  expect(check.signature.state).toBe('signed');
  const pages = strFromU8(files['pages/pages.jsonl'] as Uint8Array)
    .trim()
    .split('\n')
    .slice(1);
  const savedCount = Number(
    /Saved with (\d+) of/.exec((await panel.locator('[data-result-text]').textContent()) ?? '')?.[1],
  );
  expect(pages).toHaveLength(1 + savedCount);
  expect(JSON.parse(pages[0] as string).id).toBe(id);
});
