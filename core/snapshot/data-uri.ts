/** Turning fetched bytes into `data:` URIs, and telling what the bytes really are. */

const CHUNK = 0x8000;

/** Base64 of bytes; uses the engine's native encoder where there is one (Chrome 140+, Firefox 133+). */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

function asciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
  return startsWith(
    bytes,
    Array.from(text, (c) => c.charCodeAt(0)),
    offset,
  );
}

/** The image type the bytes announce, or null. SVG is recognised by its root element. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (asciiAt(bytes, 0, 'GIF87a') || asciiAt(bytes, 0, 'GIF89a')) return 'image/gif';
  if (asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP')) return 'image/webp';
  if (asciiAt(bytes, 4, 'ftyp') && (asciiAt(bytes, 8, 'avif') || asciiAt(bytes, 8, 'avis')))
    return 'image/avif';
  if (asciiAt(bytes, 0, 'BM') && bytes.length > 26) return 'image/bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) || startsWith(bytes, [0x00, 0x00, 0x02, 0x00]))
    return 'image/x-icon';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).toLowerCase();
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (!trimmed.startsWith('<')) return false;
  return /<svg[\s>]/.test(trimmed) && !/<html[\s>]/.test(trimmed);
}

/** Font formats by signature. */
export function sniffFontType(bytes: Uint8Array): string | null {
  if (asciiAt(bytes, 0, 'wOF2')) return 'font/woff2';
  if (asciiAt(bytes, 0, 'wOFF')) return 'font/woff';
  if (asciiAt(bytes, 0, 'OTTO')) return 'font/otf';
  if (startsWith(bytes, [0x00, 0x01, 0x00, 0x00]) || asciiAt(bytes, 0, 'true')) return 'font/ttf';
  if (asciiAt(bytes, 0, 'ttcf')) return 'font/collection';
  if (bytes.length > 35 && bytes[34] === 0x4c && bytes[35] === 0x50) return 'application/vnd.ms-fontobject';
  return null;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart();
  return /^<(?:!doctype|html|head|body|\?xml|!--)/i.test(head);
}

export function mimeEssence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Width and height from PNG or GIF headers (enough to spot 1×1 tracking pixels), else null. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (sniffImageType(bytes) === 'image/png' && bytes.length >= 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (sniffImageType(bytes) === 'image/gif' && bytes.length >= 10) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  return null;
}

export type Accepted = { ok: true; mime: string } | { ok: false; reason: string };

/** Decides the data-URI type of an image, refusing what is not one (an HTML error page served as 200). */
export function acceptImage(bytes: Uint8Array, contentType: string): Accepted {
  if (bytes.length === 0) return { ok: false, reason: 'empty response' };
  const sniffed = sniffImageType(bytes);
  if (sniffed) return { ok: true, mime: sniffed };
  const declared = mimeEssence(contentType);
  if (declared.startsWith('image/') && !looksLikeMarkup(bytes)) return { ok: true, mime: declared };
  return { ok: false, reason: `not an image (${declared || 'unknown type'})` };
}

export function acceptFont(bytes: Uint8Array, contentType: string): Accepted {
  if (bytes.length === 0) return { ok: false, reason: 'empty response' };
  const sniffed = sniffFontType(bytes);
  if (sniffed) return { ok: true, mime: sniffed };
  const declared = mimeEssence(contentType);
  if (looksLikeMarkup(bytes) || declared.startsWith('text/')) {
    return { ok: false, reason: `not a font (${declared || 'unknown type'})` };
  }
  return { ok: true, mime: declared || 'application/octet-stream' };
}

/**
 * A data URI for the bytes. SVG is kept as text (percent-encoding only what must be), which is smaller
 * than base64; everything else is base64.
 */
export function toDataUri(bytes: Uint8Array, mime: string): string {
  if (mime === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (!text.includes('\ufffd')) return `data:image/svg+xml,${encodeSvg(text)}`;
  }
  return `data:${mime};base64,${toBase64(bytes)}`;
}

/**
 * Escapes what breaks a URL inside an HTML attribute, a CSS string or a srcset: %, #, quotes, angle
 * brackets, backslash, whitespace and controls. Non-ASCII stays as is (the URL parser encodes it).
 */
function encodeSvg(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls cannot stand in a URL; they are encoded.
  return text.replace(/[\u0000-\u0020%#"'<>\\\u007f]/g, (c) =>
    c === '\n' || c === '\r' || c === '\t' || c === ' '
      ? '%20'
      : `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
}

/** Decodes a stylesheet: BOM first, then the header's charset, then `@charset`, else UTF-8. */
export function decodeStylesheet(bytes: Uint8Array, contentType: string): string {
  let label = 'utf-8';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) label = 'utf-8';
  else if (startsWith(bytes, [0xfe, 0xff])) label = 'utf-16be';
  else if (startsWith(bytes, [0xff, 0xfe])) label = 'utf-16le';
  else {
    const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
    const fromRule = /^@charset "([\w-]+)";/.exec(
      new TextDecoder('latin1').decode(bytes.subarray(0, 128)),
    )?.[1];
    label = fromHeader ?? fromRule ?? 'utf-8';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes).replace(/^\ufeff/, '');
}
