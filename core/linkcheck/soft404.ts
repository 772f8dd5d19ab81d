import { decodeBody, extractTitle, isHtmlLike, textTokens } from './html';
import type { Navigation, NavigationResponse } from './navigate';
import { similarityAtLeast } from './sequence-matcher';
import type { ProbeEvidence, RedirectMode } from './types';
import { sameAddress } from './url';

/**
 * The random-address probe of Bar-Yossef, Broder, Kumar and Tomkins, "Sic Transit Gloria Telae: Towards an
 * Understanding of the Web's Decay" (WWW 2004):
 *
 * 1. Fetch the cited URL, counting redirects.
 * 2. Fetch its parent folder plus a random 25-letter name on the same host (`probeTargetFor`).
 * 3. If the probe gets a real error, the site answers honest 404s, so the cited page is real.
 * 4. If the redirect counts differ, the cited page is real; if both end at the same final URL, it is a soft 404.
 * 5. Otherwise compare the two pages token by token (whitespace-split words, sequence-match ratio): ≥ 0.95 means
 *    the cited page is what the site shows for any address, i.e. a soft 404.
 *
 * Cited adds one guard to step 5, because a false verdict costs a reader more than a missed one: the cited page
 * must also have at most `MAX_UNMATCHED_TOKENS` words the probe page lacks. A short real article inside a large
 * shared page template can reach 0.95 against a "not found" page of the same template; its own words still
 * differ.
 *
 * One probe serves every citation under the same host and folder (`ProbeCache`, probe-cache.ts), concurrent
 * ones included.
 *
 * ## Evidence already there: a cited address of the same folder that answers 404
 *
 * Step 3 asks one question of a folder: does this site answer an address it has no page for with a real error?
 * The probe asks it with a made-up name. A cited address of the same host and folder (same last-segment shape,
 * no query, not redirected) that answered 404 on the first try and again on the confirming retry (the retry a
 * dead verdict needs anyway) has answered the very same question: the site's router got a name in that folder
 * it has no page for and said so with a real 404. Such a folder needs no probe; its other pages are judged
 * exactly as if the probe had got that 404 (`honest-404`, evidence marked `fromCitation`).
 *
 * Why it is as strong as the probe, and where it is not taken:
 * - Only 404 counts. A 410 says "this page existed and was removed on purpose": the site knows that address,
 *   so it says nothing about what it answers for names it has never had (a tombstone list can sit in front of
 *   a catch-all that answers 200).
 * - Only a confirmed 404: a passing glitch that answers on the retry is no evidence (and the retry then being a
 *   page, that page waits for the real probe like any other).
 * - Same key as the probe (host, folder, shape), so it is the same router; with a query (`story.php?id=7`) the
 *   404 comes from the script, not from the folder's router, so it is not taken.
 * - Where the two can differ: a site that answers 404 for an address it once had (a list of removed articles)
 *   but 200 for names it never had (a catch-all). A made-up name would catch that, the cited 404 alone would
 *   not; so with this evidence Cited also compares the page with the not-found page the 404 came with, and a
 *   page near-identical to it (step 5's test) is still a soft 404 (`similar`): such catch-alls usually show
 *   the site's one not-found template. (The opposite case, made-up names answered 404 and removed articles
 *   200, fools the probe just as much: that is the published algorithm's own limit.)
 * - Ordering: probes are sent after the citations' own first requests (scheduler `low` priority), and while a
 *   404 of the folder is being confirmed a probe waits instead of being sent; when the confirmation lands, pages
 *   waiting for a probe not yet sent get it at once and the queued probe withdraws without a request.
 */

export const SIMILARITY_THRESHOLD = 0.95;
export const MAX_UNMATCHED_TOKENS = 50;
/** Words compared per page: the first 64 KiB of text, as the published implementation read 64 KiB. */
export const COMPARE_CHARS = 64 * 1024;

export interface PageSnapshot {
  finalUrl: string;
  status: number;
  redirected: boolean;
  redirectCount?: number;
  contentType?: string;
  /** Whether the answer is HTML (or text) that can be read and compared word by word. */
  isHtml: boolean;
  /** The decoded body (HTML source), empty for other content. */
  source: string;
  title?: string;
  body: Uint8Array;
  /** Memo of the compared words (a probe page is compared with every citation of its folder). */
  tokens?: string[];
}

export function snapshotOf(response: NavigationResponse): PageSnapshot {
  const isHtml = isHtmlLike(response.contentType);
  const source = isHtml ? decodeBody(response.body, response.contentType) : '';
  const title = isHtml ? extractTitle(source) : undefined;
  return {
    finalUrl: response.finalUrl,
    status: response.status,
    redirected: response.redirected,
    ...(response.redirectCount !== undefined ? { redirectCount: response.redirectCount } : {}),
    ...(response.contentType !== undefined ? { contentType: response.contentType } : {}),
    isHtml,
    source,
    ...(title !== undefined ? { title } : {}),
    body: response.body,
  };
}

export interface ProbeOutcome {
  /** The made-up address, or the cited address whose confirmed 404 stands in for it (`fromCitation`). */
  url: string;
  navigation: Navigation;
  page?: PageSnapshot;
  /** No probe was sent: another cited address of the folder answered 404 twice (see "Evidence already there"). */
  fromCitation?: boolean;
}

export interface TokenComparison {
  ratio: number;
  /** Tokens of the cited page not matched in the probe page (upper bound when the ratio was cut short). */
  unmatched: number;
}

export function comparePages(cited: PageSnapshot, probe: PageSnapshot): TokenComparison {
  if (!cited.isHtml || !probe.isHtml) {
    const same =
      (cited.contentType ?? '') === (probe.contentType ?? '') &&
      cited.body.byteLength === probe.body.byteLength &&
      cited.body.every((byte, index) => byte === probe.body[index]);
    return { ratio: same ? 1 : 0, unmatched: same ? 0 : Number.POSITIVE_INFINITY };
  }
  const a = comparableTokens(cited);
  const b = comparableTokens(probe);
  const ratio = similarityAtLeast(a, b, SIMILARITY_THRESHOLD);
  // ratio = 2M / (|a| + |b|)  ⇒  unmatched in a = |a| − M.
  const matched = (ratio * (a.length + b.length)) / 2;
  return { ratio, unmatched: Math.max(0, Math.round(a.length - matched)) };
}

/** The words of the first COMPARE_CHARS characters of visible text, computed once per page. */
function comparableTokens(page: PageSnapshot): string[] {
  if (page.tokens) return page.tokens;
  const tokens = textTokens(page.source, Number.POSITIVE_INFINITY);
  let chars = 0;
  let count = 0;
  for (const token of tokens) {
    chars += token.length + 1;
    if (chars > COMPARE_CHARS) break;
    count++;
  }
  page.tokens = tokens.slice(0, count);
  return page.tokens;
}

export interface ProbeJudgement {
  evidence: ProbeEvidence;
  /** True when the probe shows the cited page is what the site answers for any address. */
  soft404: boolean;
}

/** Steps 3 to 5 of the algorithm, on a cited page that answered. */
export function judgeWithProbe(
  cited: PageSnapshot,
  probe: ProbeOutcome,
  mode: RedirectMode,
  cached: boolean,
): ProbeJudgement {
  const nav = probe.navigation;
  const base = {
    url: probe.url,
    cached,
    ...(probe.fromCitation ? { fromCitation: true } : {}),
    redirected: nav.redirected,
    ...(nav.ok ? { httpStatus: nav.status, finalUrl: nav.finalUrl } : {}),
    ...(nav.ok && nav.redirectCount !== undefined ? { redirectCount: nav.redirectCount } : {}),
    ...(!nav.ok ? { errorCode: nav.code } : {}),
  };
  const judged = (
    verdict: ProbeEvidence['verdict'],
    soft404: boolean,
    similarity?: number,
  ): ProbeJudgement => ({
    evidence: { ...base, verdict, ...(similarity !== undefined ? { similarity: round(similarity) } : {}) },
    soft404,
  });

  if (!nav.ok || !probe.page) {
    // DNS or refused for a made-up address of a host that just answered is noise; redirect loops are not a
    // "real error" either. Nothing to compare with.
    return judged('inconclusive', false);
  }
  const { status } = nav;
  if (status === 404 || status === 410) {
    if (probe.fromCitation && probe.page.isHtml && cited.isHtml) {
      const { ratio, unmatched } = comparePages(cited, probe.page);
      if (ratio >= SIMILARITY_THRESHOLD && unmatched <= MAX_UNMATCHED_TOKENS && hasWords(probe.page))
        return judged('similar', true, ratio);
    }
    return judged('honest-404', false);
  }
  if (status >= 400 || status < 200) return judged('inconclusive', false);

  const citedRedirects = mode === 'manual' ? cited.redirectCount : undefined;
  const probeRedirects = mode === 'manual' ? probe.page.redirectCount : undefined;
  const countsDiffer =
    citedRedirects !== undefined && probeRedirects !== undefined
      ? citedRedirects !== probeRedirects
      : cited.redirected !== probe.page.redirected;
  if (countsDiffer) return judged('redirect-count-differs', false);
  if (cited.redirected && probe.page.redirected && sameAddress(cited.finalUrl, probe.page.finalUrl)) {
    return judged('same-final-url', true);
  }
  const { ratio, unmatched } = comparePages(cited, probe.page);
  if (ratio >= SIMILARITY_THRESHOLD && unmatched <= MAX_UNMATCHED_TOKENS)
    return judged('similar', true, ratio);
  return judged('different', false, ratio);
}

function hasWords(page: PageSnapshot): boolean {
  return comparableTokens(page).length > 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
