/**
 * The SHA-256 a snapshot records about itself.
 *
 * A document cannot contain its own hash, so the digest is taken over the document with the digest's
 * place held by 64 zeros. Precisely:
 *
 *   sha256 = SHA-256( UTF-8 bytes of the snapshot, in which every occurrence of the recorded 64-character
 *                     lower-case hex digest has been replaced by 64 "0" characters )
 *
 * The digest is recorded in `<meta name="cited:sha256" content="…">` and in the header comment. To verify
 * a snapshot file: read the digest from that meta, replace every occurrence of it with 64 zeros, hash the
 * UTF-8 bytes, compare. (`verifySnapshotHash` does exactly this.) The builder writes the digest only into
 * its own two slots; page content can never contain the digest, as it is not known until the page is
 * fixed.
 */

export const HASH_PLACEHOLDER = '0'.repeat(64);
export const HASH_META_NAME = 'cited:sha256';

const encoder = new TextEncoder();

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Reads the digest a snapshot records, or null when it has none. */
export function recordedHash(html: string): string | null {
  const match = /<meta name="cited:sha256" content="([0-9a-f]{64})">/.exec(html);
  return match?.[1] ?? null;
}

export interface HashCheck {
  ok: boolean;
  /** The digest the document records (null: none found). */
  recorded: string | null;
  /** The digest of the document as it is now. */
  computed: string | null;
}

/** Recomputes a snapshot's digest by the rule above and compares it with the recorded one. */
export async function verifySnapshotHash(html: string): Promise<HashCheck> {
  const recorded = recordedHash(html);
  if (!recorded) return { ok: false, recorded: null, computed: null };
  const computed = await sha256Hex(html.split(recorded).join(HASH_PLACEHOLDER));
  return { ok: computed === recorded, recorded, computed };
}

/**
 * Hashes a document that still holds placeholders and fills in the digest at the given offsets (the
 * builder's own slots, never page content).
 */
export async function sealDocument(html: string, slots: number[]): Promise<{ html: string; sha256: string }> {
  for (const at of slots) {
    if (html.slice(at, at + 64) !== HASH_PLACEHOLDER)
      throw new Error('hash slot does not hold the placeholder');
  }
  const sha256 = await sha256Hex(html);
  let out = '';
  let last = 0;
  for (const at of [...slots].sort((a, b) => a - b)) {
    out += html.slice(last, at) + sha256;
    last = at + 64;
  }
  out += html.slice(last);
  return { html: out, sha256 };
}
