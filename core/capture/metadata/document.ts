import type { MetadataCandidate } from './candidate';

/** What the HTML document itself declares: `<title>`, `<html lang dir>`, `<link rel=canonical>`. */
export function readDocument(doc: Document): MetadataCandidate {
  const root = doc.documentElement;
  const body = doc.body;
  const title = doc.title.trim() || doc.querySelector('h1')?.textContent?.trim() || null;
  return {
    title,
    lang: root?.getAttribute('lang') || root?.getAttribute('xml:lang') || body?.getAttribute('lang') || null,
    dir: root?.getAttribute('dir') || body?.getAttribute('dir') || null,
    canonicalUrl:
      (doc.head ?? doc).querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null,
  };
}
