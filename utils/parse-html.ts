/**
 * A fetched page as a document an extension page can read, its links resolving against the page's own address.
 * Needs DOMParser: the panel and Firefox's background page have it; Chrome's background worker does not.
 */
export function parseHtml(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}
