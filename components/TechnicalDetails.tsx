/** The browser's own words behind a failure, folded away: for a bug report, not for the reader's first read. */
export function TechnicalDetails({ detail }: { detail: string | undefined }) {
  if (!detail) return null;
  return (
    <details class="technical">
      <summary>Technical details</summary>
      <code>{detail}</code>
    </details>
  );
}
