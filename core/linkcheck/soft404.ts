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
 * One probe serves every citation under the same host and folder (`ProbeCache`), concurrent ones included.
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
  url: string;
  navigation: Navigation;
  page?: PageSnapshot;
}

interface CachedProbe {
  promise: Promise<ProbeOutcome>;
  at: number;
}

/** Probe results per host+folder, shared by concurrent checks (the promise is cached, not just the result). */
export class ProbeCache {
  private readonly entries = new Map<string, CachedProbe>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * The probe for `key`, started with `start` if none is cached. A probe abandoned because its starter was
   * cancelled is started again for the next caller rather than failing it.
   */
  async get(
    key: string,
    start: (signal: AbortSignal | undefined) => Promise<ProbeOutcome>,
    signal: AbortSignal | undefined,
  ): Promise<{ outcome: ProbeOutcome; cached: boolean }> {
    for (;;) {
      const existing = this.entries.get(key);
      const fresh = existing && this.now() - existing.at < this.ttlMs;
      const entry: CachedProbe = fresh ? existing : { promise: start(signal), at: this.now() };
      if (!fresh) this.entries.set(key, entry);
      try {
        return { outcome: await entry.promise, cached: Boolean(fresh) };
      } catch (error) {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        if (signal?.aborted) throw error;
      }
    }
  }
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
  if (status === 404 || status === 410) return judged('honest-404', false);
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
