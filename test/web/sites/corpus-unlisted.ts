import { readFileSync } from 'node:fs';
import path from 'node:path';
import { placeholderPng } from '../generated';
import { sharedDir } from '../paths';
import { send, text } from '../respond';
import type { Site } from '../site';
import { imageUrls } from './corpus';

/** Where corpus pages without a known original address (synthetic test pages) are served. */
export const unlistedCorpusHost = 'corpus-pages.test';

export function unlistedCorpusUrl(name: string): string {
  return `https://${unlistedCorpusHost}/${name}/`;
}

/**
 * Readability corpus pages that have no original address (lazy-image-3, for one), each at
 * https://corpus-pages.test/<name>/, with every picture they reference answered by a generated PNG on its own host.
 */
export function unlistedCorpusSite(names: readonly string[]): Site {
  const pages = new Map<string, string>();
  const images = new Set<string>();
  const hosts = new Set<string>([unlistedCorpusHost]);
  for (const name of names) {
    const file = path.join(sharedDir, 'corpus/readability', name, 'source.html');
    const source = readFileSync(file, 'utf8');
    const url = new URL(unlistedCorpusUrl(name));
    pages.set(url.pathname, file);
    for (const image of imageUrls(source, url)) {
      images.add(image.href);
      hosts.add(image.hostname);
    }
  }
  return {
    hosts: [...hosts],
    handle(_req, res, url) {
      const file = url.hostname === unlistedCorpusHost ? pages.get(url.pathname) : undefined;
      if (file) return send(res, 200, readFileSync(file), { 'content-type': 'text/html; charset=utf-8' });
      if (images.has(url.href)) {
        return send(res, 200, placeholderPng(480, 270, url.href), { 'content-type': 'image/png' });
      }
      return text(res, 404, 'Not found');
    },
  };
}
