import { strFromU8, strToU8, type Unzipped, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Label } from '../../../core/storage/backup/digest';
import {
  keyFingerprint,
  publicKeyBase64,
  type SigningKeyStore,
  signingKey,
} from '../../../core/storage/backup/signature';
import { verifyPackage } from '../../../core/storage/backup/verify';
import { backupLibrary, restoreLibrary } from '../../../core/storage/backup/wacz';
import { clearLibrary, listSnapshots, saveSnapshot } from '../../../core/storage/library';
import type { CitedDB } from '../../../core/storage/schema';
import { indexedDbKeyStore } from '../../../core/storage/signing-keys';
import { freshDb, newSnapshot } from './helpers';

const now = () => new Date('2024-06-01T08:00:00.000Z');

let db: CitedDB;
let keys: SigningKeyStore;

beforeEach(async () => {
  db = await freshDb();
  keys = indexedDbKeyStore();
  for (let i = 0; i < 3; i++) await saveSnapshot(db, await newSnapshot({ title: `Signed ${i}` }));
});

async function signedBackup(): Promise<Uint8Array> {
  return (await backupLibrary(db, { now, software: 'Cited 0.1.0', signingKey: await signingKey(keys) }))
    .bytes;
}

function altered(bytes: Uint8Array, change: (files: Unzipped) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

describe('the browser’s signing key', () => {
  it('is made on first use, kept in IndexedDB, the same on every later use, and its private half never leaves', async () => {
    expect(await keys.get()).toBeUndefined();
    const first = await signingKey(keys);
    const again = await signingKey(indexedDbKeyStore());
    expect(await publicKeyBase64(again)).toBe(await publicKeyBase64(first));
    expect(first.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', again.privateKey)).rejects.toThrow();
    expect(first.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-384' });
  });

  it('has a fingerprint anyone can recompute from the public key: SHA-256 of its SPKI bytes', async () => {
    const pair = await signingKey(keys);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const fingerprint = await keyFingerprint(await publicKeyBase64(pair));
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(`sha256:${fingerprint.replace(/ /g, '')}`).toBe(await sha256Label(spki));
  });
});

describe('a signed backup', () => {
  it('carries the WACZ anonymous signature of datapackage.json’s hash, and verifies', async () => {
    const files = unzipSync(await signedBackup());
    const digest = JSON.parse(strFromU8(files['datapackage-digest.json'] as Uint8Array));
    const hash = await sha256Label(files['datapackage.json'] as Uint8Array);
    expect(digest).toEqual({
      path: 'datapackage.json',
      hash,
      signedData: {
        hash,
        created: '2024-06-01T08:00:00.000Z',
        software: 'Cited 0.1.0',
        publicKey: await publicKeyBase64(await signingKey(keys)),
        signature: expect.stringMatching(/^[A-Za-z0-9+/]{128}$/),
      },
    });
    const check = await verifyPackage(files);
    expect(check.problems).toEqual([]);
    expect(check.signature).toEqual({
      state: 'signed',
      publicKey: digest.signedData.publicKey,
      fingerprint: await keyFingerprint(digest.signedData.publicKey),
      created: '2024-06-01T08:00:00.000Z',
      software: 'Cited 0.1.0',
    });
  });

  it('restores, and the report names the key that signed it', async () => {
    const bytes = await signedBackup();
    await clearLibrary(db);
    const report = await restoreLibrary(db, bytes);
    expect(report.restored).toHaveLength(3);
    expect(report.signature).toMatchObject({
      state: 'signed',
      fingerprint: await keyFingerprint(await publicKeyBase64(await signingKey(keys))),
    });
  });

  it('is refused whole, with the reason, when one byte of the page list changed', async () => {
    const tampered = altered(await signedBackup(), (files) => {
      const pages = files['pages/pages.jsonl'] as Uint8Array;
      const at = strFromU8(pages).indexOf('Signed 1');
      pages[at] = 's'.charCodeAt(0);
    });
    await clearLibrary(db);
    await expect(restoreLibrary(db, tampered)).rejects.toMatchObject({
      code: 'invalid-backup',
      message: expect.stringContaining('pages/pages.jsonl: digest does not match'),
    });
    expect(await listSnapshots(db)).toEqual([]);
  });

  it('is refused when the listing was rewritten to match a change: the signature no longer holds', async () => {
    // A forger changes the metadata and recomputes every digest they can: only the signature they cannot make.
    const files = unzipSync(await signedBackup());
    files['cited/library.json'] = strToU8(
      strFromU8(files['cited/library.json'] as Uint8Array).replace('Signed 2', 'Forged 2'),
    );
    const manifest = JSON.parse(strFromU8(files['datapackage.json'] as Uint8Array));
    for (const resource of manifest.resources) {
      const bytes = files[resource.path] as Uint8Array;
      resource.hash = await sha256Label(bytes);
      resource.bytes = bytes.length;
    }
    files['datapackage.json'] = strToU8(JSON.stringify(manifest));
    const digest = JSON.parse(strFromU8(files['datapackage-digest.json'] as Uint8Array));
    digest.hash = await sha256Label(files['datapackage.json'] as Uint8Array);
    digest.signedData.hash = digest.hash;
    files['datapackage-digest.json'] = strToU8(JSON.stringify(digest));

    const check = await verifyPackage(files);
    expect(check.signature).toEqual({ state: 'invalid' });
    expect(check.problems).toEqual([{ path: 'datapackage-digest.json', reason: 'signature does not match' }]);
    await clearLibrary(db);
    await expect(restoreLibrary(db, zipSync(files))).rejects.toMatchObject({
      message: expect.stringContaining('datapackage-digest.json: signature does not match'),
    });
  });

  it('is refused when a file was slipped in that datapackage.json does not list', async () => {
    const tampered = altered(await signedBackup(), (files) => {
      files['archive/extra.warc'] = strToU8('WARC/1.1\r\n');
    });
    const check = await verifyPackage(unzipSync(tampered));
    expect(check.problems).toEqual([
      { path: 'archive/extra.warc', reason: 'not listed in datapackage.json' },
    ]);
  });
});

describe('an unsigned backup', () => {
  it('restores and is marked unsigned', async () => {
    const { bytes } = await backupLibrary(db, { now });
    const digest = JSON.parse(strFromU8(unzipSync(bytes)['datapackage-digest.json'] as Uint8Array));
    expect(digest.signedData).toBeUndefined();
    await clearLibrary(db);
    const report = await restoreLibrary(db, bytes);
    expect(report.restored).toHaveLength(3);
    expect(report.signature).toEqual({ state: 'unsigned' });
  });
});
