import { CitedError } from '../errors/cited-error';
import { HASH_PLACEHOLDER, sealDocument, utf8Length } from './hash';
import { headerComment, insertHeaderMetas } from './header';
import { applyNoscriptFallbacks, planImages } from './images';
import { captureLiveState, doctypeString } from './live-state';
import { ResourceLoader } from './resources';
import {
  type ActiveContentReport,
  findActiveContent,
  removeMarkedHidden,
  sanitizeDocument,
} from './sanitize';
import { serializeElement } from './serialize';
import { inlineStylesheets } from './stylesheets';
import type { BuildSnapshotInput, SnapshotRemovals, SnapshotResult } from './types';
import { documentBaseUrl } from './url';
import { spacePreservingElements } from './whitespace';

export const DEFAULT_LIMITS = {
  // The save waits on these fetches more than on anything else, and on the real web each one costs a round trip:
  // 65 pictures take 5 rounds at 16, 9 at 8. They are the page's own resources, which the browser has just
  // loaded from the same hosts with as many requests at a time.
  concurrency: 16,
  maxResourceBytes: 15_000_000,
  maxTotalBytes: 150_000_000,
};

function noRemovals(): SnapshotRemovals {
  return {
    scripts: 0,
    eventHandlers: 0,
    scriptUrls: 0,
    embeds: 0,
    trackers: 0,
    metaRefresh: 0,
    hiddenElements: 0,
    unusedCssRules: 0,
    unusedFonts: 0,
    media: 0,
  };
}

function pageUrlOf(raw: string): string {
  try {
    return new URL(raw).href;
  } catch {
    throw new CitedError('invalid-url', 'The page address is not a valid URL, so it cannot be saved.', raw);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CitedError('cancelled', 'Saving the snapshot was cancelled.');
}

function pickParser(input: BuildSnapshotInput): DOMParser | null {
  if (input.domParser) return input.domParser;
  const view = input.document.defaultView as (Window & { DOMParser?: typeof DOMParser }) | null;
  if (view?.DOMParser) return new view.DOMParser();
  return typeof DOMParser === 'undefined' ? null : new DOMParser();
}

function describeActive(report: ActiveContentReport): string | null {
  const problems = [
    report.scripts ? `${report.scripts} script(s)` : '',
    report.embeds ? `${report.embeds} embedded frame(s)` : '',
    report.metaRefresh ? 'a meta refresh' : '',
    ...report.eventHandlers.slice(0, 3),
    ...report.scriptUrls.slice(0, 3),
    ...report.externalResources.slice(0, 3),
  ].filter(Boolean);
  return problems.length ? problems.join(', ') : null;
}

/**
 * Builds one self-contained, script-free HTML document from a page: every image, stylesheet and font the
 * page shows is inlined as a data URI, everything active is removed, and the document records where and
 * when it was captured and its own SHA-256 (see hash.ts). The input document is never modified.
 */
export async function buildSnapshot(input: BuildSnapshotInput): Promise<SnapshotResult> {
  const pageUrl = pageUrlOf(input.url);
  const savedAt = input.now().toISOString();
  const source = input.document;
  if (!source.documentElement) throw new CitedError('page-not-ready', 'The page has no content to save yet.');
  const pause = input.pause ?? (async () => {});
  const doc = source.cloneNode(true) as Document;
  captureLiveState(source, doc, { layout: false });
  await pause();

  const removed = noRemovals();
  const baseUrl = documentBaseUrl(doc, pageUrl);
  const title = (doc.title ?? '').trim();
  applyNoscriptFallbacks(doc);
  removeMarkedHidden(doc, removed);
  const sanitizeContext = { pageUrl, baseUrl, removed };
  sanitizeDocument(doc, sanitizeContext);
  await pause();

  const loader = new ResourceLoader(
    input.fetchResource,
    {
      concurrency: input.concurrency ?? DEFAULT_LIMITS.concurrency,
      maxResourceBytes: input.maxResourceBytes ?? DEFAULT_LIMITS.maxResourceBytes,
      maxTotalBytes: input.maxTotalBytes ?? DEFAULT_LIMITS.maxTotalBytes,
    },
    input.signal,
  );
  const images = planImages(doc, { baseUrl, loader, removed, sanitize: sanitizeContext });
  const styles = await inlineStylesheets(doc, {
    baseUrl,
    loader,
    removed,
    removeUnused: input.removeUnusedCss !== false,
  });
  await images;
  throwIfAborted(input.signal);
  await pause();

  const keepQuoted = new Set(insertHeaderMetas(doc, pageUrl, savedAt));
  const keepSpace = spacePreservingElements(doc, styles.spaceSelectors);
  const doctype = doctypeString(doc);
  const prefix = `${doctype}${doctype ? '\n' : ''}${headerComment(pageUrl, savedAt)}\n`;
  const unsealed =
    prefix +
    serializeElement(doc.documentElement, {
      keepQuoted,
      ...(keepSpace ? { keepSpace } : { collapseWhitespace: false }),
    });
  const commentSlot = prefix.indexOf(`sha256: ${HASH_PLACEHOLDER}`) + 'sha256: '.length;
  const metaMarker = `<meta name="cited:sha256" content="${HASH_PLACEHOLDER}">`;
  const metaAt = unsealed.indexOf(metaMarker, prefix.length);
  if (commentSlot < 'sha256: '.length || metaAt < 0) {
    throw new CitedError('internal', 'The snapshot could not record its hash.');
  }
  const metaSlot = metaAt + metaMarker.length - HASH_PLACEHOLDER.length - 2;

  if (input.verify !== false) {
    await pause();
    const parser = pickParser(input);
    if (parser) {
      const problems = describeActive(findActiveContent(parser.parseFromString(unsealed, 'text/html')));
      if (problems) {
        throw new CitedError(
          'internal',
          'The snapshot did not pass its safety check and was not saved.',
          problems,
        );
      }
    }
  }

  await pause();
  const sealed = await sealDocument(unsealed, [commentSlot, metaSlot]);
  const resourceBytes = loader.resources.reduce((sum, r) => sum + r.bytes, 0);
  return {
    html: sealed.html,
    sha256: sealed.sha256,
    bytes: utf8Length(sealed.html),
    title,
    url: pageUrl,
    savedAt,
    resources: { count: loader.resources.length, bytes: resourceBytes, list: loader.resources },
    failures: loader.failures,
    removed,
    inlined: loader.inlined,
  };
}
