/**
 * Hands a file to the browser's own download manager through a blob URL and `<a download>`, so Cited needs no
 * `downloads` permission.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time the click returns; the URL is released well after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
