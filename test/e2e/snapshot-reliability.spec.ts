import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { verifySnapshotHash } from '../../core/snapshot/hash';
import { expect, test } from './fixtures';
import { libraryContents } from './snapshot-helpers';
import { type MadeSnapshot, makeLibraryBackup } from './snapshot-library-fixture';

// Issue 4, reliability: a library of 100 snapshots goes through the extension's own backup and restore, in its
// library page, and comes back byte for byte; a damaged backup is refused snapshot by snapshot, with reasons.

const COUNT = 100;

async function restoreThroughPage(library: Page, name: string, bytes: Uint8Array): Promise<string> {
  await library.locator('[data-action="restore"]').setInputFiles({
    name,
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  });
  const report = library.locator('[data-restore-summary]');
  await expect(report).toBeVisible({ timeout: 30_000 });
  return (await report.textContent()) ?? '';
}

async function wipe(library: Page): Promise<void> {
  // What "clear the extension's data" does; the library page lets go of its connection when asked.
  await library.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('cited');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await library.reload();
  await expect(library.locator('[data-library-empty]')).toBeVisible();
}

function expectIdentical(
  held: Awaited<ReturnType<typeof libraryContents>>,
  made: readonly MadeSnapshot[],
): void {
  expect(Object.keys(held).sort()).toEqual(made.map((s) => s.id).sort());
  for (const original of made) {
    const copy = held[original.id];
    expect(copy?.html === original.html, `snapshot ${original.id} has the same bytes`).toBe(true);
    expect(copy?.sha256).toBe(original.sha256);
    expect(copy?.kind).toBe(original.kind);
  }
}

test('100 snapshots: backed up, wiped and restored with identical bytes and hashes', async ({
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const { snapshots, backup } = await makeLibraryBackup(COUNT);
  expect(snapshots.filter((s) => s.kind === 'source').length).toBeGreaterThan(10);
  for (const snapshot of snapshots) expect((await verifySnapshotHash(snapshot.html)).ok).toBe(true);

  const library = await openExtensionPage('library.html');
  await expect(library.locator('[data-library-empty]')).toBeVisible();

  // A library made elsewhere (another profile) comes in through the restore button.
  expect(await restoreThroughPage(library, 'made-elsewhere.wacz', backup)).toContain(
    `restored ${COUNT} snapshots`,
  );
  await expect(library.locator('[data-storage-used]')).toContainText(`${COUNT} snapshots`);
  expectIdentical(await libraryContents(library), snapshots);

  // Back up through the button: the browser downloads one file.
  const downloading = library.waitForEvent('download');
  await library.locator('[data-action="backup"]').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cited-library-\d{4}-\d{2}-\d{2}\.wacz$/);
  const file = new Uint8Array(await readFile((await download.path()) as string));
  const listed = JSON.parse(strFromU8(unzipSync(file)['cited/library.json'] as Uint8Array)) as {
    snapshots: unknown[];
  };
  expect(listed.snapshots).toHaveLength(COUNT);

  await wipe(library);
  expect(await libraryContents(library)).toEqual({});

  expect(await restoreThroughPage(library, download.suggestedFilename(), file)).toContain(
    `restored ${COUNT} snapshots`,
  );
  await expect(library.locator('[data-restore-refused]')).toHaveCount(0);
  expectIdentical(await libraryContents(library), snapshots);
  // Articles keep their sources.
  await library.locator('[data-library-kind]').selectOption('all');
  await expect(library.locator('[data-snapshot-id]')).toHaveCount(COUNT);
});

test('a damaged backup: the altered snapshot is refused with its reason, the others are restored', async ({
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const { snapshots, backup } = await makeLibraryBackup(12);
  const files = unzipSync(backup);
  const warc = files['archive/data.warc'] as Uint8Array;
  // Change one letter of one snapshot's text inside the archive (same length: the file still reads).
  const victim = snapshots[3] as MadeSnapshot;
  const text = strFromU8(warc, true);
  const at = text.indexOf('Paragraph 3 about');
  expect(at).toBeGreaterThan(0);
  const altered = strToU8(
    `${text.slice(0, at)}Paragraph 8 about${text.slice(at + 'Paragraph 3 about'.length)}`,
    true,
  );
  expect(altered.length).toBe(warc.length);
  const damaged = zipSync({ ...files, 'archive/data.warc': [altered, { level: 0 }] });

  const library = await openExtensionPage('library.html');
  const summary = await restoreThroughPage(library, 'damaged.wacz', damaged);
  expect(summary).toContain('restored 11 snapshots');
  expect(summary).toContain('1 refused');
  await expect(library.locator('[data-restore-refused]')).toContainText(
    'does not match its recorded SHA-256',
  );
  await expect(library.locator('[data-restore-warnings]')).toContainText('archive/data.warc');
  const held = await libraryContents(library);
  expect(Object.keys(held)).toHaveLength(11);
  expect(held[victim.id]).toBeUndefined();
});
