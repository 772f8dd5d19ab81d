import type { ArticleReadIn, ParsedElsewhere } from '../../core/capture';
import type { PageSource } from '../../core/capture/page-source';
import type { CaptureHead } from '../../core/citations/capture-parts';
import type { ArticleParse } from './article-parse';

/** The page and the worker as a capture needs them; the panel passes the real ones, tests fakes. */
export interface PanelCapturePorts {
  /** Starts the article worker (it loads while the page serialises itself). */
  openParse(): ArticleParse;
  /** The page serialised, injecting the content script first when needed. */
  pageSource(): Promise<PageSource>;
  /** The capture, with the worker's parse when there is one; `scriptReady` when `pageSource` reached the script. */
  capture(
    parsed: ParsedElsewhere | undefined,
    scriptReady: boolean,
  ): Promise<CaptureHead & { articleReadIn: ArticleReadIn }>;
}

/**
 * Set in the panel (never in the page) each time the page took the worker's article instead of parsing: what
 * `npm run bench -- panel` and the end-to-end tests see of which path a capture took. One at a time, so repeated
 * reads do not pile up entries.
 */
export const ARTICLE_READ_IN_PANEL_MARK = 'cited:article-read-in-panel';

/**
 * Captures the page with Readability's parse in the panel's worker (issue 10). Nothing is lost when that cannot
 * work: a page that does not serialise, a worker that fails or takes over its time, a non-article or a page too
 * big, and the page parses itself as it always did.
 */
export async function captureWithPanelParse(ports: PanelCapturePorts): Promise<CaptureHead> {
  const parse = ports.openParse();
  let parsed: ParsedElsewhere | undefined;
  let scriptReady = false;
  try {
    const source = await ports.pageSource();
    scriptReady = true;
    if (source.kind === 'source')
      parsed = { article: await parse.read({ html: source.html, url: source.url }) };
  } catch (error) {
    if (scriptReady)
      console.warn('Cited: the panel could not read the article; the page reads it itself.', error);
  } finally {
    parse.close();
  }
  const { articleReadIn, ...head } = await ports.capture(parsed, scriptReady);
  markArticleRead(articleReadIn);
  return head;
}

function markArticleRead(where: ArticleReadIn): void {
  try {
    performance.clearMarks(ARTICLE_READ_IN_PANEL_MARK);
    if (where === 'given') performance.mark(ARTICLE_READ_IN_PANEL_MARK);
  } catch {
    // Only a measurement is lost.
  }
}
