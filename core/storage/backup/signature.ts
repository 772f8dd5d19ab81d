import { sha256Hex } from './digest';

/**
 * The anonymous signature of the WACZ signing spec (wacz-auth 0.1.0), as ArchiveWeb.page makes it and
 * ReplayWeb.page checks it: an ECDSA P-384 key made with WebCrypto signs the text of datapackage.json's hash
 * (`sha256:<hex>`) with SHA-256; `datapackage-digest.json` carries the signature and the public key (SPKI), both
 * in base64, beside the time and the software.
 *
 * The private key never leaves the browser: it is made non-extractable and kept in IndexedDB (structured clone
 * keeps a CryptoKey usable without exposing its bytes). What a signature proves: these files are exactly what
 * the holder of this key signed. Not who that holder is, nor that the pages were true.
 */

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-384' } as const;
const SIGN_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Where the browser keeps its signing key; core code is given one (IndexedDB in the extension). */
export interface SigningKeyStore {
  get(): Promise<CryptoKeyPair | undefined>;
  /** Keeps `pair` unless a key is already kept. */
  put(pair: CryptoKeyPair): Promise<void>;
}

/** `signedData` of datapackage-digest.json. */
export interface SignedData {
  /** The hash of datapackage.json that was signed, `sha256:<hex>`. */
  hash: string;
  /** ISO 8601. */
  created: string;
  software: string;
  /** SPKI, base64. */
  publicKey: string;
  /** IEEE P1363 (r ‖ s), base64, as WebCrypto makes it. */
  signature: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The browser's signing key, made on first use. */
export async function signingKey(store: SigningKeyStore): Promise<CryptoKeyPair> {
  const kept = await store.get();
  if (kept) return kept;
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, false, ['sign', 'verify']);
  await store.put(pair);
  // Another page may have kept its key first; sign with the one kept.
  return (await store.get()) ?? pair;
}

export async function publicKeyBase64(pair: CryptoKeyPair): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
}

/**
 * What a reader compares to tell keys apart: the SHA-256 of the public key (SPKI bytes), in groups of four hex
 * digits. Anyone can compute it from the `publicKey` of a signed archive.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const hex = await sha256Hex(fromBase64(publicKey));
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

export async function signHash(
  pair: CryptoKeyPair,
  hash: string,
  details: { created: string; software: string },
): Promise<SignedData> {
  const signature = await crypto.subtle.sign(SIGN_ALGORITHM, pair.privateKey, new TextEncoder().encode(hash));
  return {
    hash,
    created: details.created,
    software: details.software,
    publicKey: await publicKeyBase64(pair),
    signature: toBase64(new Uint8Array(signature)),
  };
}

/** Whether `signature` is the key's signature of `hash`. A malformed key or signature does not hold. */
export async function signatureHolds(signed: Pick<SignedData, 'hash' | 'publicKey' | 'signature'>) {
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(signed.publicKey), KEY_ALGORITHM, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(
      SIGN_ALGORITHM,
      key,
      fromBase64(signed.signature),
      new TextEncoder().encode(signed.hash),
    );
  } catch {
    return false;
  }
}
