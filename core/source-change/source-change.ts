import type { ArchivedCopy } from '../archive/types';
import { titleSaysNotFound, urlSaysNotFound } from '../linkcheck/error-page-words';
import type { CheckResult } from '../linkcheck/types';
import { fetchSourceText, originalBytesUrl, type QuoteSourceDeps } from '../quote-check/source-check';
import { compareTexts } from './compare';
import type { ComparedCopy, SourceChange } from './types';

/**
 * Did the cited page change since the article cited it? Its archived copy from before that moment is read in its
 * original bytes (a third-party request: only with `deps.thirdParty`), the live page through the link checker's
 * engine as quote checks read it (the same read, when `deps.reads` is shared), and their main texts compared.
 *
 * What the link check already knows settles two cases without reading the live page again: a dead address is
 * `gone`, and a soft 404 is `gone` when the site says "not found" and `replaced` when the address now leads to
 * the home page, a section front, a seizure or parking notice. Null when nothing can be said: no third-party
 * reads, a copy or a live page that could not be read (a bot wall is not a change).
 */
export interface SourceChangeInput {
  url: string;
  /** The archived copy from just before the citing moment (`ArchiveLookup.beforePublication`). */
  copy: ArchivedCopy;
  citedAt: string;
  citedAtIs: ComparedCopy['citedAtIs'];
  /** The link check's verdict on the address, when it has one. */
  linkResult?: CheckResult | null;
}

const percent = (share: number) => (share > 0 && share < 0.01 ? 'under 1' : String(Math.round(share * 100)));

/** A soft 404 whose site says "not found" (a not-found page, a redirect to an error page) has no page left. */
function saysNotFound(result: CheckResult): boolean {
  const { pageTitle, finalUrl } = result.evidence;
  if (titleSaysNotFound(pageTitle)) return true;
  try {
    return finalUrl ? urlSaysNotFound(new URL(finalUrl)) : false;
  } catch {
    return false;
  }
}

export async function checkSourceChange(
  input: SourceChangeInput,
  deps: QuoteSourceDeps,
): Promise<SourceChange | null> {
  if (!deps.thirdParty) return null;
  const checkedAt = (deps.now ?? (() => new Date()))().toISOString();
  const copy: ComparedCopy = {
    url: input.copy.url,
    date: input.copy.date,
    citedAt: input.citedAt,
    citedAtIs: input.citedAtIs,
  };
  const then = await fetchSourceText(originalBytesUrl(input.copy.url), deps);
  if (!then.ok) return null;
  const day = copy.date.slice(0, 10);
  const base = { url: input.url, copy, checkedAt, changedShare: null, passages: [], morePassages: 0 };
  const gone = (why: string, liveUrl: string | null): SourceChange => ({
    ...base,
    status: 'gone',
    liveUrl,
    summary: `No page answers at this address any more (${why.replace(/\.$/, '')}); the archived copy of ${day} is what remains.`,
  });

  const link = input.linkResult;
  if (link?.status === 'dead') return gone(link.reason, link.evidence.finalUrl ?? null);
  if (link?.status === 'soft-404') {
    if (saysNotFound(link)) return gone(link.reason, link.evidence.finalUrl ?? null);
    return {
      ...base,
      status: 'replaced',
      liveUrl: link.evidence.finalUrl ?? null,
      summary: `The address no longer serves the page the archived copy of ${day} shows: ${link.reason}`,
    };
  }

  const now = await fetchSourceText(input.url, deps);
  if (!now.ok) return now.gone ? gone(now.detail, now.finalUrl) : null;
  const liveUrl = now.finalUrl;
  const movedHome =
    liveUrl !== input.url && new URL(liveUrl).pathname === '/' && new URL(input.url).pathname !== '/';
  if (movedHome) {
    return {
      ...base,
      status: 'replaced',
      liveUrl,
      summary: `The address now leads to the site's home page (${liveUrl}), not the page the archived copy of ${day} shows.`,
    };
  }
  const comparison = compareTexts(then.text, now.text);
  const { passages, morePassages, changedShare } = comparison;
  const shared = { ...base, liveUrl, changedShare, passages, morePassages };
  switch (comparison.verdict) {
    case 'unchanged':
      return {
        ...shared,
        status: 'unchanged',
        summary: `The page says what the archived copy of ${day} says: no word changed.`,
      };
    case 'replaced':
      return {
        ...shared,
        status: 'replaced',
        summary: `The address now serves a different text: ${
          comparison.keptShare === 0 ? 'none' : `only ${percent(comparison.keptShare)}%`
        } of what the archived copy of ${day} says is still there.`,
      };
    case 'edited': {
      const count = passages.length + morePassages;
      return {
        ...shared,
        status: 'edited',
        summary: `The page was edited since the archived copy of ${day}: ${percent(changedShare ?? 0)}% of its words changed, in ${count} passage${count === 1 ? '' : 's'}.`,
      };
    }
  }
}
