import DOMPurify from 'dompurify';
import type { CapturedArticle } from '../capture/types';
import { SNAPSHOT_CSP } from './header';
import { isHttpUrl, isScriptUrl, resolveUrl } from './url';

export interface ReaderViewInput {
  article: CapturedArticle;
  /** ISO time of the capture. */
  savedAt: string;
  /**
   * A window to sanitise with (DOMPurify needs a DOM): `window` in an extension page or offscreen document,
   * a jsdom window in Node.
   */
  window: Window;
  /** Data URIs by original image URL (a snapshot's `inlined`); other images are left out (no network). */
  images?: ReadonlyMap<string, string>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const READER_CSS = `
:root{color-scheme:light dark;--fg:#1d1d1f;--muted:#5f6368;--bg:#fdfcf8;--rule:#e2e0d8;--link:#1a55b8}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e1;--muted:#a5a29a;--bg:#1b1b1d;--rule:#3a3a3d;--link:#8ab4f8}}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:1.125rem/1.65 Georgia,'Times New Roman',serif}
main{max-width:40rem;margin:0 auto;padding:2.5rem 1.25rem 4rem}
header{border-bottom:1px solid var(--rule);margin-bottom:2rem;padding-bottom:1rem}
header p{font:0.875rem/1.5 system-ui,sans-serif;color:var(--muted);margin:.25rem 0}
h1{font-size:2rem;line-height:1.2;margin:.25rem 0 .5rem}
a{color:var(--link)}
img,svg,video{max-width:100%;height:auto}
figure{margin:1.5rem 0}figcaption{font-size:.875rem;color:var(--muted)}
blockquote{margin:1.25rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}
pre,code{font-family:ui-monospace,monospace;font-size:.9em}pre{overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid var(--rule);padding:.25rem .5rem}
`;

function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : date.toISOString().replace('T', ' ').slice(0, 16);
}

function sanitizeContent(html: string, input: ReaderViewInput): string {
  const purify = DOMPurify(input.window as unknown as Parameters<typeof DOMPurify>[0]);
  const base = input.article.metadata.url;
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.localName === 'img') {
      const raw = el.getAttribute('src');
      const url = raw ? resolveUrl(raw, base) : null;
      const data = url ? input.images?.get(url) : undefined;
      if (data) el.setAttribute('src', data);
      else el.removeAttribute('src');
    }
    if (el.localName === 'a') {
      const href = el.getAttribute('href');
      if (href && !href.startsWith('#')) {
        const url = resolveUrl(href, base);
        if (url && isHttpUrl(url) && !isScriptUrl(url)) el.setAttribute('href', url);
        else el.removeAttribute('href');
      }
      el.setAttribute('rel', 'noopener noreferrer');
    }
    for (const name of ['poster', 'background', 'cite', 'action', 'formaction', 'xlink:href'])
      el.removeAttribute(name);
  });
  const clean = purify.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'video',
      'audio',
      'source',
      'track',
      'object',
      'embed',
      'link',
      'meta',
      'base',
    ],
    FORBID_ATTR: ['style', 'srcset', 'sizes', 'loading'],
    ALLOW_DATA_ATTR: false,
    ADD_DATA_URI_TAGS: ['img'],
  });
  // Images without an inlined copy were emptied above; drop them rather than show broken frames.
  return String(clean).replace(/<img(?![^>]*\ssrc=)[^>]*>/gi, '');
}

function textAsParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

/**
 * The captured article as a small standalone page: the article's own text and images (inlined, from the
 * snapshot), a header saying where and when it comes from, nothing active and nothing fetched.
 */
export function buildReaderView(input: ReaderViewInput): string {
  const { metadata, contentHtml, textContent } = input.article;
  const lang = metadata.lang ? ` lang="${escapeHtml(metadata.lang)}"` : '';
  const dir = metadata.dir ? ` dir="${metadata.dir}"` : '';
  const published = formatDate(metadata.publishedTime);
  const details = [
    metadata.byline ? escapeHtml(metadata.byline) : '',
    published
      ? `<time datetime="${escapeHtml(metadata.publishedTime ?? '')}">${escapeHtml(published)}</time>`
      : '',
  ].filter(Boolean);
  const content = contentHtml ? sanitizeContent(contentHtml, input) : textAsParagraphs(textContent);
  const url = escapeHtml(metadata.url);
  return `<!DOCTYPE html>
<html${lang}${dir}>
<head>
<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="cited:original-url" content="${url}">
<meta name="cited:saved-at" content="${escapeHtml(input.savedAt)}">
<title>${escapeHtml(metadata.title)}</title>
<style>${READER_CSS}</style>
</head>
<body>
<main>
<header>
${metadata.siteName ? `<p>${escapeHtml(metadata.siteName)}</p>` : ''}
<h1>${escapeHtml(metadata.title)}</h1>
${details.length ? `<p>${details.join(' · ')}</p>` : ''}
<p>Original: <a href="${url}" rel="noopener noreferrer">${url}</a> · saved ${escapeHtml(formatDate(input.savedAt) ?? input.savedAt)} UTC</p>
</header>
<article>
${content}
</article>
</main>
</body>
</html>
`;
}
