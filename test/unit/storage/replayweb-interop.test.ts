import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleArchive, type CitationsFile } from '../../../core/storage/backup/article-archive';
import { publicKeyBase64, signingKey } from '../../../core/storage/backup/signature';
import { type Backup, backupLibrary, restoreLibrary } from '../../../core/storage/backup/wacz';
import { clearLibrary, getSnapshotRecord, saveSnapshot } from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import { indexedDbKeyStore } from '../../../core/storage/signing-keys';
import { type OpenedArchive, openInReplayWeb } from '../support/replayweb';
import { auditIndex, auditWarcs } from '../support/warc-audit';
import { citation, freshDb, newSnapshot } from './helpers';

// A library backup handed to ReplayWeb.page's own loader (wabac.js 2.27.1 in Node) and to warcio.js: the
// archive is opened by someone else's code, not only by Cited's.

/** Addresses as readers save them: mixed-case hosts, www2., ports, escapes, queries in any order. */
const SAVED = [
  { url: 'http://WWW2.Example.ORG:8080/Report.PDF', kind: 'article' as const },
  { url: 'https://www.Example.com/a b/Über?b=2&a=1', kind: 'source' as const },
  { url: 'https://news.example.co.uk/2024/story%20one.html?z=9&y=%2F', kind: 'source' as const },
  { url: 'http://example.net:8443/Path/To/Page?q=caf%C3%A9', kind: 'source' as const },
  { url: 'https://WWW.Example.IO/', kind: 'article' as const },
];

const now = () => new Date('2024-06-01T08:00:00.000Z');

/** The address a browser asks for when the reader types or clicks the saved one. */
const asRequested = (url: string) => new URL(url).href;

let db: CitedDB;
let articleId = '';
let backup: Backup;
let opened: OpenedArchive;
const stored = new Map<string, { html: string; savedAt: string }>();

beforeAll(async () => {
  db = await freshDb();
  let parentId: string | null = null;
  for (const [i, { url, kind }] of SAVED.entries()) {
    const saved = await saveSnapshot(
      db,
      await newSnapshot({
        url,
        kind,
        parentId: kind === 'source' ? parentId : null,
        citedAs: kind === 'source' ? url : null,
        title: `Page ${i}`,
        // The first article cites the sources saved with it.
        citations: i === 0 ? SAVED.slice(1, 4).map((cited, k) => citation(cited.url, 'alive', k)) : [],
        body: `<p>Page ${i} at ${url.replace(/&/g, '&amp;')}: €, 東京, “quotes”.</p>`,
      }),
    );
    if (kind === 'article') parentId = saved.id;
    if (i === 0) articleId = saved.id;
    const record = await getSnapshotRecord(db, saved.id);
    stored.set(asRequested(url), { html: record?.html ?? '', savedAt: saved.savedAt });
  }
  backup = await backupLibrary(db, { now, software: 'Cited test' });
  opened = await openInReplayWeb(backup.bytes, backup.filename);
});

afterAll(async () => {
  // The loader's own words and its verification, printed so they can be quoted.
  const verified = JSON.stringify(await opened.verifyInfo());
  console.info(
    `ReplayWeb.page's loader on ${backup.filename}:\n  ${[...opened.output, verified].join('\n  ')}`,
  );
});

describe('a library backup in ReplayWeb.page’s own loader (wabac.js 2.27.1)', () => {
  it('is added as a collection, with every saved page listed at its address', () => {
    expect(opened.output.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(opened.added).toBe(true);
    expect(opened.pages.map((page) => page.url).sort()).toEqual([...stored.keys()].sort());
  });

  it('finds every page by the address the reader asks for and returns the bytes Cited stored', async () => {
    for (const [url, { html, savedAt }] of stored) {
      const answer = await opened.fetchRaw(url, savedAt.replace(/\D/g, '').slice(0, 14));
      opened.output.push(`${answer.status} ${answer.body.length} bytes: ${answer.hops.join(' → ')}`);
      expect(answer.status, url).toBe(200);
      expect(new TextDecoder().decode(answer.body), url).toBe(html);
    }
  });

  it('checks the page list against its recorded hash and finds nothing altered', async () => {
    const entries = await opened.verifyEntries();
    expect(entries).toContainEqual(
      expect.objectContaining({ id: expect.stringMatching(/pages\/pages\.jsonl$/), matched: true }),
    );
    expect(await opened.verifyInfo()).toMatchObject({ numInvalid: 0 });
  });

  it('refuses, as the issue found, a package that names the WACZ 1.2 spec’s profile "wacz"', async () => {
    const files = unzipSync(backup.bytes);
    const manifest = JSON.parse(strFromU8(files['datapackage.json'] as Uint8Array));
    files['datapackage.json'] = strToU8(JSON.stringify({ ...manifest, profile: 'wacz' }));
    delete files['datapackage-digest.json'];
    const refused = await openInReplayWeb(zipSync(files), 'spec-profile.wacz');
    expect(refused.added).toBe(false);
    expect(refused.output).toContain('error: Unexpected Loading Error: Error: Unknown package profile: wacz');
  });

  it('reports the page list as not matching when one byte of it was changed', async () => {
    const files = unzipSync(backup.bytes);
    const pages = strFromU8(files['pages/pages.jsonl'] as Uint8Array);
    files['pages/pages.jsonl'] = strToU8(pages.replace('Page 1', 'Page 7'));
    const tampered = await openInReplayWeb(zipSync(files), 'tampered.wacz');
    expect(await tampered.verifyEntries()).toContainEqual(
      expect.objectContaining({ id: expect.stringMatching(/pages\/pages\.jsonl$/), matched: false }),
    );
    expect(await tampered.verifyInfo()).toMatchObject({ numInvalid: 1 });
  });
});

describe('a signed backup in ReplayWeb.page’s own loader', () => {
  it('is opened with every page found, and the loader verifies the signature with Cited’s public key', async () => {
    const pair = await signingKey(indexedDbKeyStore());
    const signed = await backupLibrary(db, { now, software: 'Cited test', signingKey: pair });
    const loaded = await openInReplayWeb(signed.bytes, 'signed.wacz');
    expect(loaded.added).toBe(true);
    expect(loaded.pages).toHaveLength(SAVED.length);
    for (const [url, { html, savedAt }] of stored) {
      const answer = await loaded.fetchRaw(url, savedAt.replace(/\D/g, '').slice(0, 14));
      expect(new TextDecoder().decode(answer.body), url).toBe(html);
    }
    expect(await loaded.verifyEntries()).toContainEqual({ id: 'signature', expected: true, matched: true });
    const info = await loaded.verifyInfo();
    expect(info).toMatchObject({
      numInvalid: 0,
      publicKey: await publicKeyBase64(pair),
      software: 'Cited test',
    });
    console.info(`ReplayWeb.page's verification of signed.wacz: ${JSON.stringify(info)}`);
  });
});

describe('an article archive in ReplayWeb.page’s own loader', () => {
  it('lists the article and its saved sources, finds each at its address, and every copy citations.json names', async () => {
    const pair = await signingKey(indexedDbKeyStore());
    const archive = await articleArchive(db, articleId, { now, software: 'Cited test', signingKey: pair });
    const loaded = await openInReplayWeb(archive.bytes, archive.filename);
    expect(loaded.added).toBe(true);
    const inArchive = SAVED.slice(0, 4).map(({ url }) => asRequested(url));
    expect(loaded.pages.map((page) => page.url).sort()).toEqual([...inArchive].sort());
    for (const url of inArchive) {
      const { html, savedAt } = stored.get(url) ?? { html: '', savedAt: '' };
      const answer = await loaded.fetchRaw(url, savedAt.replace(/\D/g, '').slice(0, 14));
      expect(new TextDecoder().decode(answer.body), url).toBe(html);
    }
    const files = unzipSync(archive.bytes);
    const citations = JSON.parse(strFromU8(files['cited/citations.json'] as Uint8Array)) as CitationsFile;
    const copies = citations.citations.flatMap((entry) => entry.archivedCopies);
    expect(copies).toHaveLength(3);
    for (const copy of copies) {
      const answer = await loaded.fetchRaw(copy.url, copy.ts.replace(/\D/g, '').slice(0, 14));
      expect(answer.status, copy.url).toBe(200);
      expect(new TextDecoder().decode(answer.body)).toBe(stored.get(copy.url)?.html);
    }
    expect(await loaded.verifyEntries()).toContainEqual({ id: 'signature', expected: true, matched: true });
    expect(await loaded.verifyInfo()).toMatchObject({ numInvalid: 0 });
    expect(await auditIndex(files)).toEqual([]);
    console.info(`ReplayWeb.page's loader on ${archive.filename}:\n  ${loaded.output.join('\n  ')}`);
  });
});

describe('the same backup read by warcio.js', () => {
  it('parses every record, each block and payload digest right', async () => {
    const records = await auditWarcs(unzipSync(backup.bytes));
    const responses = records.filter((record) => record.type === 'response');
    expect(responses.map((record) => record.url).sort()).toEqual([...stored.keys()].sort());
    expect(records.filter((record) => !record.blockDigestOk)).toEqual([]);
    expect(responses.filter((record) => !record.payloadDigestOk)).toEqual([]);
  });

  it('indexes the WARC files exactly as Cited’s index says: offsets, lengths, addresses, keys, digests', async () => {
    expect(await auditIndex(unzipSync(backup.bytes))).toEqual([]);
  });

  it('catches a record changed in one byte, and Cited’s restore refuses that page', async () => {
    const files = unzipSync(backup.bytes);
    const warc = files['archive/data.warc'] as Uint8Array;
    const at = strFromU8(warc, true).indexOf('Page 3 at');
    expect(at).toBeGreaterThan(0);
    const altered = warc.slice();
    altered[at + 'Page '.length] = '8'.charCodeAt(0);
    files['archive/data.warc'] = altered;

    const records = await auditWarcs(files);
    expect(records.filter((record) => !record.blockDigestOk).map((record) => record.url)).toEqual([
      asRequested(SAVED[3]?.url ?? ''),
    ]);

    await clearLibrary(db);
    const report = await restoreLibrary(db, zipSync(files));
    expect(report.refused).toEqual([
      expect.objectContaining({
        title: 'Page 3',
        reason: expect.stringMatching(/does not match its recorded SHA-256/),
      }),
    ]);
    expect(report.restored).toHaveLength(SAVED.length - 1);
  });
});
