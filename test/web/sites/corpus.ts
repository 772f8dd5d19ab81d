import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { placeholderPng, sizeFromName } from '../generated';
import { sharedFile } from '../paths';
import { send, text } from '../respond';
import type { Site } from '../site';

export interface CorpusPage {
  /** Folder name under ../shared/corpus/readability/. */
  name: string;
  url: string;
  file: string;
}

/** Every corpus page that has a known original address (original-urls.json), in file order. */
export function corpusPages(): CorpusPage[] {
  const index = sharedFile('corpus/readability/original-urls.json', 'The corpus site of the test web');
  const entries = JSON.parse(readFileSync(index, 'utf8')) as Record<string, { url: string }>;
  const dir = path.dirname(index);
  return Object.entries(entries).map(([name, { url }]) => ({
    name,
    url,
    file: path.join(dir, name, 'source.html'),
  }));
}

/**
 * The pages the corpus site serves: one per address. Two corpus folders can share an original URL
 * (lifehacker-post-comment-load and lifehacker-working); the first listed is the one served there.
 */
export function servedCorpusPages(): CorpusPage[] {
  const seen = new Set<string>();
  return corpusPages().filter((page) => {
    const key = resourceKey(new URL(page.url));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The real pages of the Readability corpus at their real addresses, so that same-site and external links are told
 * apart as in a reader's browser. The pictures they reference (on their own hosts or on CDNs) answer with a
 * generated PNG, so snapshots of them have images to keep; any other address on those hosts is a 404.
 */
export function corpusSite(): Site {
  const pages = new Map<string, CorpusPage>();
  const images = new Set<string>();
  const hosts = new Set<string>();
  for (const page of servedCorpusPages()) {
    const url = new URL(page.url);
    pages.set(resourceKey(url), page);
    hosts.add(url.hostname);
    for (const image of imageUrls(readFileSync(page.file, 'utf8'), url)) {
      images.add(resourceKey(image));
      hosts.add(image.hostname);
    }
  }
  return {
    hosts: [...hosts],
    async handle(_req, res, url) {
      const page = pages.get(resourceKey(url));
      // The captured bytes as they are (some start with a byte-order mark).
      if (page)
        return send(res, 200, await readFile(page.file), { 'content-type': 'text/html; charset=utf-8' });
      if (images.has(resourceKey(url)) || /\.(?:png|jpe?g|gif|webp|avif)$/i.test(url.pathname)) {
        const [w, h] = sizeFromName(url.pathname, [320, 180]);
        return send(res, 200, placeholderPng(w, h, url.href), { 'content-type': 'image/png' });
      }
      return text(res, 404, 'Not found');
    },
  };
}

/** Scheme and fragment do not matter: a page captured as http:// is also served at https://. */
function resourceKey(url: URL): string {
  return `${url.hostname}${url.pathname}${url.search}`;
}

/** Absolute http(s) URLs of the pictures a page shows or lazy-loads (img/source src, srcset and data-* variants). */
export function imageUrls(document: string, base: URL): URL[] {
  const found: URL[] = [];
  for (const tag of document.match(/<(?:img|source)\b[^>]*>/gi) ?? []) {
    for (const match of tag.matchAll(/\s(?:data-)?(?:src|srcset|original|lazy-src)\s*=\s*(["'])(.*?)\1/gi)) {
      for (const candidate of srcsetUrls(decodeEntities(match[2] ?? ''))) {
        try {
          const url = new URL(candidate, base);
          if (url.protocol === 'http:' || url.protocol === 'https:') found.push(url);
        } catch {
          // Not a URL (e.g. a template placeholder): nothing to serve.
        }
      }
    }
  }
  return found;
}

/** Candidate URLs of a src or srcset value; URLs may contain commas (CDN transforms), descriptors may not. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i] as string)) i++;
    let end = i;
    while (end < value.length && !/\s/.test(value[end] as string)) end++;
    const token = value.slice(i, end);
    const url = token.replace(/,+$/, '');
    if (url && !url.startsWith('data:')) urls.push(url);
    i = end;
    // A URL ending in a comma had no descriptors; otherwise skip them up to the next candidate.
    if (url === token) while (i < value.length && value[i] !== ',') i++;
  }
  return urls;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#0*38;/g, '&');
}
