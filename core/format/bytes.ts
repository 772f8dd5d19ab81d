/**
 * Sizes as a reader reads them, the same figure wherever Cited shows one (the panel, the library, an error, a
 * notification): "512 B", "812 kB", "2.4 MB", "3.20 GB". Decimal units, as browsers and operating systems show
 * download and disk sizes.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}
