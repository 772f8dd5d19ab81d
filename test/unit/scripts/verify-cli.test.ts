import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint, publicKeyBase64, signingKey } from '../../../core/storage/backup/signature';
import { backupLibrary } from '../../../core/storage/backup/wacz';
import { saveSnapshot } from '../../../core/storage/library';
import { indexedDbKeyStore } from '../../../core/storage/signing-keys';
import { runVerifyCli } from '../../../scripts/verify';
import { freshDb, newSnapshot } from '../storage/helpers';
import { runScript } from '../support/run-script';

let dir: string;
let signedFile: string;
let unsignedFile: string;
let tamperedFile: string;
let fingerprint: string;

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runVerifyCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cited-verify-'));
  const db = await freshDb();
  for (let i = 0; i < 2; i++) await saveSnapshot(db, await newSnapshot({ title: `Kept ${i}` }));
  const pair = await signingKey(indexedDbKeyStore());
  fingerprint = await keyFingerprint(await publicKeyBase64(pair));
  const now = () => new Date('2024-06-01T08:00:00.000Z');
  const signed = await backupLibrary(db, { now, software: 'Cited 0.1.0', signingKey: pair });
  const unsigned = await backupLibrary(db, { now });

  const files = unzipSync(signed.bytes);
  const pages = files['pages/pages.jsonl'] as Uint8Array;
  pages[strFromU8(pages).indexOf('Kept 1')] = 'k'.charCodeAt(0);

  signedFile = path.join(dir, 'signed.wacz');
  unsignedFile = path.join(dir, 'unsigned.wacz');
  tamperedFile = path.join(dir, 'tampered.wacz');
  await writeFile(signedFile, signed.bytes);
  await writeFile(unsignedFile, unsigned.bytes);
  await writeFile(tamperedFile, zipSync(files));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('says a signed archive verifies, when and by what it was signed, and the key’s fingerprint', async () => {
    const { code, stdout } = await cli([signedFile]);
    expect(code).toBe(0);
    expect(stdout).toContain('signed.wacz: verified. 4 files match their SHA-256 in datapackage.json.');
    expect(stdout).toContain('Signed 2024-06-01T08:00:00.000Z by Cited 0.1.0');
    expect(stdout).toContain(fingerprint);
  });

  it('accepts an unsigned archive and says plainly what that does not prove', async () => {
    const { code, stdout } = await cli([unsignedFile]);
    expect(code).toBe(0);
    expect(stdout).toContain('unsigned.wacz: verified.');
    expect(stdout).toContain('Not signed');
  });

  it('exits 1 on an archive changed in one byte, naming the file (as a command)', async () => {
    const { code, stdout } = await runScript('scripts/verify.ts', [tamperedFile]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'tampered.wacz: NOT VERIFIED. It was altered or damaged after it was made:\n  pages/pages.jsonl: digest does not match\n',
    );
  }, 60_000);

  it('exits 1 on a file that is not an archive, and 2 without a file', async () => {
    const notZip = path.join(dir, 'notes.wacz');
    await writeFile(notZip, 'just text');
    expect(await cli([notZip])).toMatchObject({
      code: 1,
      stdout: 'notes.wacz: NOT VERIFIED. It is not a WACZ or ZIP file.\n',
    });
    expect(await cli([])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run verify'),
    });
    expect(await cli([path.join(dir, 'missing.wacz')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot be read: ENOENT'),
    });
  });
});
