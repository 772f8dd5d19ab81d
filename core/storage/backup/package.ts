import { strToU8, type Zippable, zipSync } from 'fflate';
import { sha256Label } from './digest';
import { signHash } from './signature';

/**
 * A WACZ package around files already made: `datapackage.json` listing each with its SHA-256 and size, and
 * `datapackage-digest.json` with the hash of that list, signed when a key is given. WARC files are stored, not
 * compressed, as WACZ requires (players read records by offset).
 */

export const DATAPACKAGE = 'datapackage.json';
export const DATAPACKAGE_DIGEST = 'datapackage-digest.json';

export interface PackageFile {
  path: string;
  bytes: Uint8Array;
}

export interface DataPackageResource {
  name: string;
  path: string;
  hash: string;
  bytes: number;
}

export interface PackageDescription {
  title: string;
  description: string;
  /** ISO 8601. */
  created: string;
  software: string;
  /** Where a player opens the archive. */
  home?: { url: string; ts: string };
}

export async function writePackage(
  files: PackageFile[],
  about: PackageDescription,
  options: { mtime: Date; signingKey?: CryptoKeyPair },
): Promise<Uint8Array> {
  const resources: DataPackageResource[] = [];
  for (const { path, bytes } of files) {
    resources.push({
      name: path.split('/').pop() ?? path,
      path,
      hash: await sha256Label(bytes),
      bytes: bytes.length,
    });
  }
  const datapackage = strToU8(
    JSON.stringify(
      {
        // What the readers in use accept (wabac.js 2.27 refuses the 1.2.0 spec's "wacz"), as py-wacz and js-wacz
        // write it.
        profile: 'data-package',
        wacz_version: '1.1.1',
        title: about.title,
        description: about.description,
        created: about.created,
        modified: about.created,
        software: about.software,
        ...(about.home ? { home: about.home } : {}),
        resources,
      },
      null,
      2,
    ),
  );
  const hash = await sha256Label(datapackage);
  const signedData = options.signingKey
    ? await signHash(options.signingKey, hash, { created: about.created, software: about.software })
    : undefined;
  const digest = strToU8(
    JSON.stringify({ path: DATAPACKAGE, hash, ...(signedData ? { signedData } : {}) }, null, 2),
  );

  const zippable: Zippable = {};
  for (const { path, bytes } of files) {
    zippable[path] = [bytes, { level: path.endsWith('.warc') ? 0 : 6, mtime: options.mtime }];
  }
  zippable[DATAPACKAGE] = [datapackage, { level: 6, mtime: options.mtime }];
  zippable[DATAPACKAGE_DIGEST] = [digest, { level: 6, mtime: options.mtime }];
  return zipSync(zippable);
}
