import { captureArticle } from '../capture';
import type { CapturedArticle } from '../capture/types';
import type { Citation } from '../citations/types';
import { CitedError, errorMessage } from '../errors/cited-error';
import { RequestScheduler } from '../linkcheck/scheduler';
import { buildSnapshot } from '../snapshot/build-snapshot';
import { utf8Length } from '../snapshot/hash';
import type { FetchResource, SnapshotResult } from '../snapshot/types';
import { deleteSnapshot, newSnapshotFrom, saveSnapshot } from '../storage/library';
import type { CitedDB } from '../storage/schema';
import type { SnapshotCitation } from '../storage/types';
import { hostOf, withoutFragment } from '../url/web-address';
import { inlineArticleImages } from './article-images';
import { linkLocalCopies } from './link-sources';
import { type FetchLike, fetchSourcePage } from './source-fetch';
import { sourceTargets } from './source-targets';
import type {
  FailedSource,
  KnownStatus,
  SavedSource,
  SaveJobRequest,
  SaveOutcome,
  SaveProgress,
} from './types';

/**
 * One save, from the prepared page to the stored snapshot(s). It runs where a DOM exists (Chrome's offscreen
 * document, Firefox's background page, jsdom in tests) and gets everything else as parameters.
 *
 * Nothing is stored until everything is built: the article, then (with sources) each source, each a snapshot in
 * memory with its id chosen in advance, so the article's links can point at its sources' copies. Then the article
 * is written (one atomic write), then each source; if any write fails (a full disk, the quota) the article is
 * deleted with whatever sources were already written, and the library is as it was.
 */

/** A citation as stored with the article, plus why its source could not be kept (with sources only). */
export type StoredCitation = SnapshotCitation & { sourceNotSaved?: string };

export interface SaveJobDeps {
  openDb(): Promise<CitedDB>;
  /** An inert parse: nothing loads, nothing runs (DOMParser). */
  parseHtml(html: string): Document;
  /** For the engine's final safety check; the global DOMParser when omitted. */
  domParser?: DOMParser;
  /** The page's own images, stylesheets and fonts. */
  fetchPageResource: FetchResource;
  /** A source's images, stylesheets and fonts: never with the reader's cookies. */
  fetchSourceResource: FetchResource;
  /** GETs a cited page (see source-fetch.ts for the options it is given). */
  fetchSource: FetchLike;
  now(): Date;
  newId(): string;
  emit(progress: SaveProgress): void;
  /** Politeness for the cited hosts (at most 2 pages at once per host); one is made when omitted. */
  scheduler?: RequestScheduler;
  /** Milliseconds between progress events about resources. Default 200. */
  progressIntervalMs?: number;
  /** Awaited between a save's long synchronous stages (see BuildSnapshotInput.pause). None by default. */
  pause?: () => Promise<void>;
}

interface BuiltSource {
  url: string;
  id: string;
  result: SnapshotResult;
  article: CapturedArticle | null;
}

export function citationsWithStatus(
  citations: readonly Citation[],
  statuses: Record<string, KnownStatus>,
): StoredCitation[] {
  return citations.map((citation) => {
    const known = statuses[citation.url] ?? statuses[withoutFragment(citation.url)];
    if (!known) return { ...citation, status: 'not-checked' };
    return {
      ...citation,
      status: known.status,
      ...(known.reason ? { statusReason: known.reason } : {}),
      ...(known.checkedAt ? { checkedAt: known.checkedAt } : {}),
    };
  });
}

/** Counts the page's resources as the engine asks for them, for "12 of 30 resources". */
function countingFetch(fetchResource: FetchResource, onChange: (done: number, total: number) => void) {
  let done = 0;
  let total = 0;
  const counted: FetchResource = async (url, kind, options) => {
    total++;
    onChange(done, total);
    try {
      return await fetchResource(url, kind, options);
    } finally {
      done++;
      onChange(done, total);
    }
  };
  return counted;
}

/** Reads a source's article (title, site, text for search, reader view) from a page parsed outside its address. */
export function captureSourceArticle(
  html: string,
  url: string,
  parseHtml: (html: string) => Document,
): CapturedArticle | null {
  try {
    const doc = parseHtml(html);
    // A parsed document's own address is the extension page's; a <base> makes its links resolve as on the site.
    if (!doc.querySelector('base[href]')) {
      const base = doc.createElement('base');
      base.setAttribute('href', url);
      (doc.head ?? doc.documentElement).prepend(base);
    }
    const { article } = captureArticle(doc);
    return { ...article, metadata: { ...article.metadata, url } };
  } catch (error) {
    console.warn('Cited: could not read the article of a source', url, error);
    return null;
  }
}

function withInlinedImages(
  article: CapturedArticle | null,
  result: SnapshotResult,
  parseHtml: (html: string) => Document,
): CapturedArticle | null {
  if (!article?.contentHtml) return article;
  const { html } = inlineArticleImages(article.contentHtml, article.metadata.url, result.inlined, parseHtml);
  return { ...article, contentHtml: html };
}

export async function runSaveJob(request: SaveJobRequest, deps: SaveJobDeps): Promise<SaveOutcome> {
  const started = performance.now();
  const { jobId, tabId, page, withSources } = request;
  const interval = deps.progressIntervalMs ?? 200;
  const progress: SaveProgress = {
    jobId,
    tabId,
    phase: 'page',
    withSources,
    title: page.capture.article.metadata.title,
    resources: { done: 0, total: 0 },
  };
  let lastEmit = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const emitNow = () => {
    clearTimeout(pending);
    pending = undefined;
    lastEmit = performance.now();
    deps.emit(structuredClone(progress));
  };
  // Resource counts change many times a second; the reader needs a few updates, not hundreds of messages.
  const emitSoon = () => {
    if (performance.now() - lastEmit >= interval) emitNow();
    else pending ??= setTimeout(emitNow, interval);
  };

  try {
    emitNow();
    const fetchPageResource = countingFetch(deps.fetchPageResource, (done, total) => {
      progress.resources = { done, total };
      emitSoon();
    });
    const pause = deps.pause ?? (async () => {});
    await pause();
    const pageDocument = deps.parseHtml(page.html);
    await pause();
    const result = await buildSnapshot({
      document: pageDocument,
      url: page.url,
      fetchResource: fetchPageResource,
      now: deps.now,
      ...(deps.domParser ? { domParser: deps.domParser } : {}),
      ...(deps.pause ? { pause: deps.pause } : {}),
    });
    await pause();
    const article = withInlinedImages(page.capture.article, result, deps.parseHtml);
    await pause();
    const citations = citationsWithStatus(page.capture.citations, request.statuses);

    const built: BuiltSource[] = [];
    const failed: FailedSource[] = [];
    if (withSources) {
      const targets = sourceTargets(page.capture.citations);
      progress.phase = 'sources';
      progress.sources = { done: 0, total: targets.length, failed: 0 };
      emitNow();
      const scheduler = deps.scheduler ?? new RequestScheduler({ perHost: 2, global: 4 });
      await Promise.all(
        targets.map((url) =>
          scheduler
            .run(hostOf(url), () => buildSource(url, deps, knownStatus(request.statuses, url)))
            .then(
              (outcome) => {
                if ('reason' in outcome) failed.push(outcome);
                else built.push(outcome);
              },
              (error: unknown) => {
                failed.push({ url, reason: errorMessage(error) });
              },
            )
            .finally(() => {
              if (progress.sources) {
                progress.sources.done++;
                progress.sources.failed = failed.length;
              }
              emitNow();
            }),
        ),
      );
      // Article order, whatever order the hosts answered in.
      const order = new Map(targets.map((url, index) => [url, index]));
      built.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
      failed.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
    }

    progress.phase = 'storing';
    emitNow();
    await pause();
    const articleId = deps.newId();
    const linked = await linkLocalCopies(
      result.html,
      built.map((source) => ({
        url: source.url,
        href: `${request.libraryUrl}#/snapshot/${source.id}`,
        savedAt: source.result.savedAt,
      })),
      deps.parseHtml,
    );
    const sourceByKey = new Map(built.map((source) => [withoutFragment(source.url), source]));
    const failureByKey = new Map(failed.map((source) => [withoutFragment(source.url), source.reason]));
    const storedCitations: StoredCitation[] = citations.map((citation) => {
      const key = withoutFragment(citation.url);
      const source = sourceByKey.get(key);
      if (source) return { ...citation, sourceSnapshotId: source.id };
      const reason = failureByKey.get(key);
      return reason ? { ...citation, sourceNotSaved: reason } : citation;
    });
    const articleResult: SnapshotResult = {
      ...result,
      html: linked.html,
      sha256: linked.sha256,
      bytes: utf8Length(linked.html),
    };

    const db = await deps.openDb();
    const summary = await saveSnapshot(
      db,
      newSnapshotFrom(articleResult, { id: articleId, kind: 'article', article, citations: storedCitations }),
    );
    const saved: SavedSource[] = [];
    try {
      for (const source of built) {
        const stored = await saveSnapshot(
          db,
          newSnapshotFrom(source.result, {
            id: source.id,
            kind: 'source',
            parentId: articleId,
            citedAs: source.url,
            article: source.article,
          }),
        );
        saved.push({
          url: source.url,
          id: stored.id,
          title: stored.title,
          bytes: stored.bytes,
          ...(source.result.url !== withoutFragment(source.url) ? { finalUrl: source.result.url } : {}),
        });
      }
    } catch (error) {
      // All or nothing: the article goes, and the sources already written with it.
      await deleteSnapshot(db, articleId).catch((cleanup: unknown) => {
        console.error('Cited: could not undo a partly saved snapshot', cleanup);
      });
      throw error;
    }

    const outcome: SaveOutcome = {
      jobId,
      id: summary.id,
      title: summary.title,
      url: summary.url,
      savedAt: summary.savedAt,
      bytes: summary.bytes,
      totalBytes: summary.bytes + saved.reduce((sum, source) => sum + source.bytes, 0),
      sha256: summary.sha256,
      resources: { count: result.resources.count, failed: result.failures.length },
      ...(withSources ? { sources: { saved, failed } } : {}),
      libraryUrl: `${request.libraryUrl}#/snapshot/${summary.id}`,
      elapsedMs: Math.round(performance.now() - started),
    };
    progress.phase = 'done';
    progress.outcome = outcome;
    emitNow();
    return outcome;
  } catch (error) {
    const failure =
      error instanceof CitedError
        ? error
        : new CitedError('internal', 'The snapshot could not be made.', errorMessage(error));
    progress.phase = 'failed';
    progress.error = {
      code: failure.code,
      message: failure.message,
      ...(failure.detail !== undefined ? { detail: failure.detail } : {}),
    };
    emitNow();
    throw failure;
  } finally {
    clearTimeout(pending);
  }
}

function knownStatus(statuses: Record<string, KnownStatus>, url: string): KnownStatus | undefined {
  return statuses[url] ?? statuses[withoutFragment(url)];
}

/**
 * Why a source is not fetched after what the link checker found: gone (dead, soft 404) or walled off (blocked: a
 * login, a paywall, a bot check). A copy would be of something else: a not-found page, a parked domain, the wall.
 */
export function refusedByCheck(known: KnownStatus | undefined): string | null {
  const why = known?.reason ? `: ${known.reason}` : '';
  switch (known?.status) {
    case 'dead':
      return `the link check found the cited page gone (dead)${why}`;
    case 'soft-404':
      return `the link check found the cited page gone (a soft 404)${why}`;
    case 'blocked':
      return `the site would not let an automatic visit through (blocked)${why}; a copy would show the wall, not the page`;
    default:
      return null;
  }
}

/** A cited article that now sends every visitor to the site's home page is gone; its home page is no copy of it. */
export function redirectedHome(url: string, finalUrl: string): string | null {
  try {
    const cited = new URL(url);
    const landed = new URL(finalUrl);
    if (cited.pathname.replace(/\/+$/, '') !== '' && landed.pathname === '/' && !landed.search) {
      return `it now redirects to the home page of ${landed.hostname}: the cited page is gone`;
    }
  } catch {
    // Unparseable addresses were refused before the fetch.
  }
  return null;
}

async function buildSource(
  url: string,
  deps: SaveJobDeps,
  known: KnownStatus | undefined,
): Promise<BuiltSource | FailedSource> {
  const refused = refusedByCheck(known);
  if (refused) return { url, reason: refused };
  const page = await fetchSourcePage(deps.fetchSource, url);
  if (!page.ok) return { url, reason: page.reason };
  const home = redirectedHome(url, page.finalUrl);
  if (home) return { url, reason: home };
  const article = captureSourceArticle(page.html, page.finalUrl, deps.parseHtml);
  let result: SnapshotResult;
  try {
    result = await buildSnapshot({
      document: deps.parseHtml(page.html),
      url: page.finalUrl,
      fetchResource: deps.fetchSourceResource,
      now: deps.now,
      ...(deps.domParser ? { domParser: deps.domParser } : {}),
    });
  } catch (error) {
    return { url, reason: errorMessage(error) };
  }
  return { url, id: deps.newId(), result, article: withInlinedImages(article, result, deps.parseHtml) };
}
