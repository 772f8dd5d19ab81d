import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface Certificate {
  key: string;
  cert: string;
}

let pending: Promise<Certificate> | undefined;

/**
 * A throwaway self-signed certificate for every host of the test web. Clients trust it by being told not to check
 * (Chromium: --ignore-certificate-errors; undici: rejectUnauthorized false), so one certificate serves all names.
 * Made once per process with the openssl CLI (Node cannot issue X.509 certificates itself); the key lives only in
 * memory: the temp folder is removed at once, so no key is ever left on disk or committed.
 */
export function throwawayCertificate(): Promise<Certificate> {
  pending ??= generate();
  return pending;
}

async function generate(): Promise<Certificate> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cited-testweb-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '7',
      '-subj',
      '/CN=Cited test web',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } catch (error) {
    pending = undefined;
    throw new Error(
      `The test web needs the openssl command to make its throwaway TLS certificate (apt-get install openssl): ${String(error)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
