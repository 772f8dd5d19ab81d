import { strFromU8, type Unzipped } from 'fflate';
import { sha256Label } from './digest';
import { DATAPACKAGE, DATAPACKAGE_DIGEST, type DataPackageResource } from './package';
import { keyFingerprint, type SignedData, signatureHolds } from './signature';

/**
 * Whether a WACZ package is as it was made: every listed file against its SHA-256, the list against
 * datapackage-digest.json, and the signature of that hash when there is one. Restore and `npm run verify` both
 * ask this; each problem names the file, as "pages/pages.jsonl: digest does not match".
 */

export type SignatureState =
  | {
      state: 'signed';
      publicKey: string;
      /** SHA-256 of the public key, grouped (see keyFingerprint). */
      fingerprint: string;
      created: string;
      software: string;
    }
  | { state: 'unsigned' }
  /** A signature is there but does not hold for this datapackage.json. */
  | { state: 'invalid' };

export interface PackageProblem {
  path: string;
  reason: string;
}

export interface PackageCheck {
  signature: SignatureState;
  /** Nothing wrong when empty. */
  problems: PackageProblem[];
  /** How many listed files matched their digest. */
  filesChecked: number;
}

export function problemText(problem: PackageProblem): string {
  return `${problem.path}: ${problem.reason}`;
}

function readJson(files: Unzipped, path: string): unknown {
  const bytes = files[path];
  if (!bytes) return undefined;
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return null;
  }
}

function isSignedData(value: unknown): value is SignedData {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['hash', 'publicKey', 'signature'].every((name) => typeof fields[name] === 'string');
}

export async function verifyPackage(files: Unzipped): Promise<PackageCheck> {
  const problems: PackageProblem[] = [];
  const manifest = readJson(files, DATAPACKAGE) as { resources?: DataPackageResource[] } | null | undefined;
  if (manifest === undefined) problems.push({ path: DATAPACKAGE, reason: 'missing' });
  else if (manifest === null || !Array.isArray(manifest.resources))
    problems.push({ path: DATAPACKAGE, reason: 'not a list of files' });

  let filesChecked = 0;
  const listed = new Set([DATAPACKAGE, DATAPACKAGE_DIGEST]);
  for (const resource of manifest?.resources ?? []) {
    listed.add(resource.path);
    const bytes = files[resource.path];
    if (!bytes) problems.push({ path: resource.path, reason: 'listed but missing' });
    else if ((await sha256Label(bytes)) !== resource.hash)
      problems.push({ path: resource.path, reason: 'digest does not match' });
    else filesChecked++;
  }
  for (const path of Object.keys(files)) {
    if (!listed.has(path) && !path.endsWith('/'))
      problems.push({ path, reason: 'not listed in datapackage.json' });
  }

  const digest = readJson(files, DATAPACKAGE_DIGEST) as
    | { hash?: unknown; signedData?: unknown }
    | null
    | undefined;
  const datapackage = files[DATAPACKAGE];
  const actual = datapackage ? await sha256Label(datapackage) : undefined;
  if (digest === null) problems.push({ path: DATAPACKAGE_DIGEST, reason: 'cannot be read' });
  else if (digest && actual && digest.hash !== actual)
    problems.push({ path: DATAPACKAGE, reason: 'digest does not match' });

  let signature: SignatureState = { state: 'unsigned' };
  const signed = digest?.signedData;
  if (signed !== undefined) {
    if (!isSignedData(signed) || signed.hash !== actual || !(await signatureHolds(signed))) {
      signature = { state: 'invalid' };
      problems.push({ path: DATAPACKAGE_DIGEST, reason: 'signature does not match' });
    } else {
      signature = {
        state: 'signed',
        publicKey: signed.publicKey,
        fingerprint: await keyFingerprint(signed.publicKey),
        created: signed.created ?? '',
        software: signed.software ?? '',
      };
    }
  }
  return { signature, problems, filesChecked };
}
