import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { FetchedResource, FetchResource, ResourceKind } from '../../../core/snapshot/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/snapshot');
export const siteDir = path.join(fixturesDir, 'site');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus/readability');
export const SITE = 'https://news.example/';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real, decodable PNG of the given size (solid colour). */
export function makePng(
  width: number,
  height: number,
  rgb: [number, number, number] = [200, 40, 40],
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(rgb, y * (1 + width * 3) + 1 + x * 3);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const ONE_PIXEL_GIF = Uint8Array.from(
  atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='),
  (c) => c.charCodeAt(0),
);

/** Width × height of the PNG in a data URI (the fixture site encodes what it served in the size). */
export function pngSizeOf(dataUri: string | null | undefined): string | null {
  if (!dataUri?.startsWith('data:image/png;base64,')) return null;
  const bytes = Uint8Array.from(atob(dataUri.slice('data:image/png;base64,'.length)), (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface FixtureSite {
  fetchResource: FetchResource;
  calls: Array<{ url: string; kind: ResourceKind }>;
  /** Most requests in flight at once. */
  maxInFlight: () => number;
}

/**
 * Plays https://news.example/ from test/fixtures/snapshot/site. Images named `<anything>-<w>x<h>.png` are
 * generated at that size; `/pixel.gif` files are 1×1 GIFs; fonts are WOFF2-signed bytes; `/missing/`
 * answers nothing; other hosts are images of 10×10 unless `extra` says otherwise.
 */
export function fixtureSite(extra: Record<string, FetchedResource | null> = {}, delayMs = 0): FixtureSite {
  const calls: Array<{ url: string; kind: ResourceKind }> = [];
  let inFlight = 0;
  let max = 0;
  const fetchResource: FetchResource = async (url, kind) => {
    calls.push({ url, kind });
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return serve(url, extra);
    } finally {
      inFlight--;
    }
  };
  return { fetchResource, calls, maxInFlight: () => max };
}

function serve(url: string, extra: Record<string, FetchedResource | null>): FetchedResource | null {
  if (url in extra) return extra[url] ?? null;
  const parsed = new URL(url);
  if (parsed.pathname.startsWith('/missing/')) return null;
  const sized = /-(\d+)x(\d+)\.png$/.exec(parsed.pathname);
  if (sized) return { bytes: makePng(Number(sized[1]), Number(sized[2])), contentType: 'image/png' };
  if (parsed.pathname.endsWith('pixel.gif')) return { bytes: ONE_PIXEL_GIF, contentType: 'image/gif' };
  if (/\.woff2?$/.test(parsed.pathname)) {
    const bytes = new TextEncoder().encode(
      `${parsed.pathname.endsWith('2') ? 'wOF2' : 'wOFF'} font ${parsed.pathname}`,
    );
    return { bytes, contentType: '' };
  }
  if (parsed.origin === new URL(SITE).origin) {
    const file = path.join(siteDir, decodeURIComponent(parsed.pathname));
    if (!file.startsWith(siteDir) || !existsSync(file)) return null;
    return { bytes: new Uint8Array(readFileSync(file)), contentType: TYPES[path.extname(file)] ?? '' };
  }
  return { bytes: makePng(10, 10), contentType: 'image/png' };
}

/** A jsdom that does not print its CSS parser's complaints about modern CSS. */
export function quietDom(html: string, url: string): JSDOM {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole });
}

export function fixtureDocument(name: string, url = `${SITE}${name}`): Document {
  return quietDom(readFileSync(path.join(siteDir, name), 'utf8'), url).window.document;
}

/** Parses a finished snapshot as a browser would when it is opened. */
export function parseSnapshot(html: string): Document {
  return quietDom(html, 'about:blank').window.document;
}

export const fixedNow = () => new Date('2024-05-01T12:34:56.000Z');
