import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifySnapshotHash } from '../../../core/snapshot/hash';
import { backupLibrary, restoreLibrary } from '../../../core/storage/backup/wacz';
import { readHttpResponse, readWarcRecord } from '../../../core/storage/backup/warc';
import {
  clearLibrary,
  getSnapshotRecord,
  listSnapshots,
  saveSnapshot,
  storageUsed,
} from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import type { SnapshotRecord } from '../../../core/storage/types';
import { citation, freshDb, newSnapshot } from './helpers';

const now = () => new Date('2024-06-01T08:00:00.000Z');

async function allRecords(db: CitedDB): Promise<SnapshotRecord[]> {
  const list = await listSnapshots(db, { sort: 'title' });
  const records = await Promise.all(list.map((s) => getSnapshotRecord(db, s.id)));
  return records
    .filter((r): r is SnapshotRecord => r !== undefined)
    .sort((a, b) => a.summary.id.localeCompare(b.summary.id));
}

/** 100 snapshots: 20 articles, each with 4 saved sources, statuses of every kind, text in several scripts. */
async function fillLibrary(db: CitedDB): Promise<void> {
  const statuses = ['alive', 'redirected', 'dead', 'soft-404', 'blocked'] as const;
  for (let a = 0; a < 20; a++) {
    const citations = statuses.map((status, i) =>
      citation(`https://source${i}.example/a${a}/${i}`, status, i),
    );
    const parent = await saveSnapshot(
      db,
      await newSnapshot({
        title: `Article ${a}: “quotes” & <markup> — Zürich 東京`,
        text: `Article ${a} reports on budgets, élections and 会議 number ${a}.`,
        body: `<p>Article ${a} ${'lorem ipsum '.repeat(50 + a)}</p><img src="data:image/png;base64,iVBORw0KGgo=">`,
        citations,
        failures:
          a % 3 === 0
            ? [{ url: `https://cdn.example/${a}.png`, kind: 'image', reason: 'could not be fetched' }]
            : [],
      }),
    );
    for (let s = 0; s < 4; s++) {
      await saveSnapshot(
        db,
        await newSnapshot({
          kind: 'source',
          parentId: parent.id,
          citedAs: citations[s]?.url ?? '',
          url: citations[s]?.url ?? '',
          title: `Source ${a}.${s}`,
          text: `Source text ${a}.${s}`,
        }),
      );
    }
  }
}

let db: CitedDB;
beforeEach(async () => {
  db = await freshDb();
});

describe('backing up and restoring the library', () => {
  it('brings back 100 snapshots with identical bytes, hashes and records after a wipe', async () => {
    await fillLibrary(db);
    const before = await allRecords(db);
    expect(before).toHaveLength(100);
    const usedBefore = await storageUsed(db);

    const backup = await backupLibrary(db, { now, software: 'Cited test' });
    expect(backup.snapshots).toBe(100);
    expect(backup.filename).toBe('cited-library-2024-06-01.wacz');

    await clearLibrary(db);
    expect(await listSnapshots(db)).toEqual([]);

    const report = await restoreLibrary(db, backup.bytes);
    expect(report.refused).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.restored).toHaveLength(100);

    const after = await allRecords(db);
    expect(after).toEqual(before);
    for (const record of after) {
      const check = await verifySnapshotHash(record.html);
      expect(check.ok).toBe(true);
      expect(check.recorded).toBe(record.summary.sha256);
    }
    expect(await storageUsed(db)).toEqual(usedBefore);
    expect((await listSnapshots(db, { text: 'élections 7' })).map((s) => s.title)).toContain(
      'Article 7: “quotes” & <markup> — Zürich 東京',
    );
  });

  it('writes a WACZ package: manifest with hashes, stored WARC, index, pages', async () => {
    await fillLibrary(db);
    const backup = await backupLibrary(db, { now });
    const files = unzipSync(backup.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'archive/data.warc',
      'cited/library.json',
      'datapackage-digest.json',
      'datapackage.json',
      'indexes/index.cdxj',
      'pages/pages.jsonl',
    ]);
    const manifest = JSON.parse(strFromU8(files['datapackage.json'] as Uint8Array));
    // What wabac.js (ReplayWeb.page) accepts; the 1.2.0 spec's "wacz" it refuses.
    expect(manifest.profile).toBe('data-package');
    expect(manifest.wacz_version).toBe('1.1.1');
    expect(manifest.home).toEqual({ url: expect.stringMatching(/^https?:\/\//), ts: expect.any(String) });
    expect(manifest.created).toBe('2024-06-01T08:00:00.000Z');
    for (const resource of manifest.resources) {
      const bytes = files[resource.path] as Uint8Array;
      const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
      const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      expect(resource.hash).toBe(`sha256:${hex}`);
      expect(resource.bytes).toBe(bytes.length);
    }
    const digest = JSON.parse(strFromU8(files['datapackage-digest.json'] as Uint8Array));
    expect(digest.path).toBe('datapackage.json');

    // WACZ requires WARC files stored, not compressed: compression method 0 in the local file header.
    const name = new TextEncoder().encode('archive/data.warc');
    const view = new DataView(backup.bytes.buffer, backup.bytes.byteOffset);
    let method = -1;
    for (let i = 0; i + 30 < backup.bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      const nameLength = view.getUint16(i + 26, true);
      const fileName = backup.bytes.subarray(i + 30, i + 30 + nameLength);
      if (fileName.length === name.length && fileName.every((b, k) => b === name[k])) {
        method = view.getUint16(i + 8, true);
        break;
      }
    }
    expect(method).toBe(0);

    const pages = strFromU8(files['pages/pages.jsonl'] as Uint8Array)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(pages[0]).toMatchObject({ format: 'json-pages-1.0', id: 'pages' });
    expect(pages).toHaveLength(101);
    expect(pages[1]).toEqual(
      expect.objectContaining({ url: expect.any(String), ts: expect.any(String), title: expect.any(String) }),
    );

    const warc = files['archive/data.warc'] as Uint8Array;
    const lines = strFromU8(files['indexes/index.cdxj'] as Uint8Array)
      .trim()
      .split('\n');
    expect(lines).toHaveLength(100);
    expect([...lines].sort()).toEqual(lines);
    for (const line of lines) {
      const [key, ts, json] = [
        line.slice(0, line.indexOf(' ')),
        line.split(' ')[1],
        line.slice(line.indexOf('{')),
      ];
      const entry = JSON.parse(json);
      expect(ts).toMatch(/^\d{14}$/);
      expect(key).toMatch(/^[a-z0-9,]+\)\//);
      const record = readWarcRecord(warc, Number(entry.offset));
      expect(record.headers.get('warc-type')).toBe('response');
      expect(record.headers.get('warc-target-uri')).toBe(entry.url);
      const response = readHttpResponse(record.block);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect((await verifySnapshotHash(new TextDecoder().decode(response.body))).ok).toBe(true);
    }
  });

  it('refuses a snapshot altered in the backup, restores the others, and says why', async () => {
    await fillLibrary(db);
    const backup = await backupLibrary(db, { now });
    const files = unzipSync(backup.bytes);
    const warcText = strFromU8(files['archive/data.warc'] as Uint8Array, true);
    // Same length, one word changed, inside the body of Article 5.
    const at = warcText.indexOf('<p>Article 5 lorem');
    expect(at).toBeGreaterThan(0);
    const altered = `${warcText.slice(0, at)}<p>Article 5 LOREM${warcText.slice(at + '<p>Article 5 lorem'.length)}`;
    files['archive/data.warc'] = strToU8(altered, true);
    const tampered = zipSync(files);

    await clearLibrary(db);
    const report = await restoreLibrary(db, tampered);
    expect(report.refused).toEqual([
      expect.objectContaining({
        title: 'Article 5: “quotes” & <markup> — Zürich 東京',
        reason: expect.stringMatching(/does not match its recorded SHA-256/),
      }),
    ]);
    expect(report.restored).toHaveLength(99);
    expect(report.warnings).toEqual([
      'archive/data.warc: digest does not match; each snapshot in it was checked against its own SHA-256.',
    ]);
    expect((await listSnapshots(db)).some((s) => s.title.startsWith('Article 5:'))).toBe(false);
    // Its sources came back; the library stays consistent (they are simply without their article).
    expect((await listSnapshots(db, { text: 'Source text 5' })).length).toBe(4);
  });

  it('restores pages saved at addresses the archive writes differently (mixed case, default port, spaces)', async () => {
    const urls = ['http://WWW2.Example.ORG:8080/Report.PDF', 'https://Example.com:443/a b?b=2&a=1'];
    for (const url of urls) await saveSnapshot(db, await newSnapshot({ url }));
    const before = await allRecords(db);
    const backup = await backupLibrary(db, { now });
    await clearLibrary(db);
    const report = await restoreLibrary(db, backup.bytes);
    expect(report.refused).toEqual([]);
    expect(await allRecords(db)).toEqual(before);
    expect(before.map((r) => r.summary.url).sort()).toEqual([...urls].sort());
  });

  it('leaves snapshots already in the library alone', async () => {
    const saved = await saveSnapshot(db, await newSnapshot({ title: 'Only one' }));
    const backup = await backupLibrary(db, { now });
    const report = await restoreLibrary(db, backup.bytes);
    expect(report.restored).toEqual([]);
    expect(report.skipped).toEqual([
      expect.objectContaining({ id: saved.id, reason: 'already in the library' }),
    ]);
  });

  it('rejects a file that is not a Cited backup with a clear error', async () => {
    await expect(restoreLibrary(db, new TextEncoder().encode('hello'))).rejects.toMatchObject({
      code: 'invalid-backup',
      message: 'This file is not a Cited library backup (it is not a WACZ or ZIP file).',
    });
    const otherWacz = zipSync({
      'datapackage.json': strToU8(JSON.stringify({ profile: 'wacz', resources: [] })),
    });
    await expect(restoreLibrary(db, otherWacz)).rejects.toMatchObject({ code: 'invalid-backup' });
    expect(await listSnapshots(db)).toEqual([]);
  });

  it('splits large archives into several WARC files and still restores everything', async () => {
    for (let i = 0; i < 6; i++)
      await saveSnapshot(db, await newSnapshot({ body: `<p>${'y'.repeat(3000)}</p>` }));
    const before = await allRecords(db);
    const backup = await backupLibrary(db, { now, maxWarcBytes: 8000 });
    const warcs = Object.keys(unzipSync(backup.bytes)).filter((p) => p.startsWith('archive/'));
    expect(warcs.length).toBeGreaterThan(1);
    await clearLibrary(db);
    const report = await restoreLibrary(db, new Blob([backup.bytes as Uint8Array<ArrayBuffer>]));
    expect(report.restored).toHaveLength(6);
    expect(await allRecords(db)).toEqual(before);
  });
});
