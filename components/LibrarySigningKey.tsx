import './LibrarySigningKey.css';

export interface LibrarySigningKeyProps {
  /** SHA-256 of this browser's public key, grouped; null before the first backup makes the key. */
  fingerprint: string | null;
}

/** Which key this browser signs archives with, so a reader can tell a colleague what to compare. */
export function LibrarySigningKey({ fingerprint }: LibrarySigningKeyProps) {
  return (
    <p class="library-key" data-signing-key>
      {fingerprint ? (
        <>
          Archives are signed with this browser’s key, fingerprint{' '}
          <code class="library-key__fingerprint" data-fingerprint>
            {fingerprint}
          </code>
        </>
      ) : (
        'Archives will be signed with a key this browser makes on the first backup.'
      )}
    </p>
  );
}
