import {
  textSaysSeizedOrParked,
  titleSaysChallenge,
  titleSaysLogin,
  titleSaysNotFound,
  titleSaysParked,
  titleSaysSeized,
  urlSaysLogin,
  urlSaysNotFound,
} from './error-page-words';
import { extractCanonical, extractText } from './html';
import type { NavigationResponse } from './navigate';
import { judgeWithProbe, type PageSnapshot, type ProbeOutcome, snapshotOf } from './soft404';
import type { LinkStatus, ProbeEvidence, RedirectMode } from './types';
import {
  isResolverHost,
  isSamePageRedirect,
  isSectionFrontOf,
  isSiteRoot,
  sameAddress,
  sameSite,
} from './url';

/**
 * Decide what a page that answered really is: the cited page (alive), a real page elsewhere (redirected),
 * not the cited page at all (soft-404), or a wall (blocked).
 *
 * Order matters and follows the cost of being wrong: walls and explicit notices first (a bot check is never
 * read as a soft 404), then what the address alone proves (sent to the home page, a section front, an error
 * page), then the page's own words, and only then the random-address probe.
 */

export interface PageVerdict {
  status: LinkStatus;
  reason: string;
  title?: string;
  canonicalUrl?: string;
  probe?: ProbeEvidence;
}

export interface AnalyseContext {
  mode: RedirectMode;
  trustCanonical: boolean;
  /** The probe for the folder of `url`, shared with other citations of that folder. */
  probe(url: URL): Promise<{ outcome: ProbeOutcome; cached: boolean }>;
}

function quoteTitle(title: string): string {
  return `“${title.length > 90 ? `${title.slice(0, 87)}…` : title}”`;
}

/**
 * True when a redirect from `requested` to `target` settles the verdict by its address alone, so the target need
 * not be requested: the site's home page, a section front above the cited page, an error page, a login wall.
 */
export function redirectSettlesVerdict(requested: URL, target: URL): boolean {
  if (isSamePageRedirect(requested, target)) return false;
  return (
    (urlSaysLogin(target) && !urlSaysLogin(requested)) ||
    urlSaysNotFound(target) ||
    (isSiteRoot(target) && !isSiteRoot(requested)) ||
    isSectionFrontOf(requested, target)
  );
}

export async function analysePage(
  requested: URL,
  response: NavigationResponse,
  context: AnalyseContext,
): Promise<PageVerdict> {
  const page = snapshotOf(response);
  const final = new URL(response.finalUrl);
  const title = page.title;
  const canonicalUrl = page.isHtml ? extractCanonical(page.source, response.finalUrl) : undefined;
  const facts = {
    ...(title !== undefined ? { title } : {}),
    ...(canonicalUrl !== undefined ? { canonicalUrl } : {}),
  };
  const verdict = (status: LinkStatus, reason: string, probe?: ProbeEvidence): PageVerdict => ({
    status,
    reason,
    ...facts,
    ...(probe ? { probe } : {}),
  });
  const movedAway = response.redirected && !isSamePageRedirect(requested, final);
  const answer = `HTTP ${response.status}`;
  if (response.notFollowed && !redirectSettlesVerdict(requested, final)) {
    throw new Error('A redirect was left unfollowed although its address does not settle the verdict');
  }

  if (titleSaysChallenge(title)) {
    return verdict(
      'blocked',
      `The site shows a bot check (${quoteTitle(title ?? '')}): Cited could not verify the page automatically.`,
    );
  }
  if (titleSaysSeized(title)) {
    return verdict(
      'soft-404',
      `The whole site has been replaced by a seizure notice (${quoteTitle(title ?? '')}).`,
    );
  }
  if (titleSaysParked(title)) {
    return verdict(
      'soft-404',
      `The domain is parked or for sale (${quoteTitle(title ?? '')}): the cited page is gone.`,
    );
  }
  if (movedAway) {
    if (urlSaysLogin(final) && !urlSaysLogin(requested)) {
      return verdict(
        'blocked',
        `The site sends readers to a login or subscription page (${response.finalUrl}): Cited could not verify the page.`,
      );
    }
    if (urlSaysNotFound(final)) {
      return verdict('soft-404', `The address redirects to an error page (${response.finalUrl}).`);
    }
    if (isSiteRoot(final) && !isSiteRoot(requested)) {
      return verdict(
        'soft-404',
        `The address now redirects to the site's home page (${response.finalUrl}): the cited page is gone.`,
      );
    }
    if (isSectionFrontOf(requested, final)) {
      return verdict(
        'soft-404',
        `The address now redirects to a section page (${response.finalUrl}): the cited page is gone.`,
      );
    }
  }
  if (titleSaysNotFound(title)) {
    return verdict('soft-404', `The site answers ${answer}, but the page says ${quoteTitle(title ?? '')}.`);
  }
  if (titleSaysLogin(title)) {
    return verdict(
      'blocked',
      `The site shows a login page (${quoteTitle(title ?? '')}): Cited could not verify the page.`,
    );
  }

  // A DOI or short link that lands on a real page is doing its job: alive, not moved.
  const resolves = movedAway && isResolverHost(requested);
  const candidate: LinkStatus = movedAway && !resolves ? 'redirected' : 'alive';
  const candidateReason = (extra = ''): string => {
    const noLocation =
      response.status >= 300 && response.status < 400
        ? ' (a redirect status with no new address; its page is shown)'
        : '';
    if (resolves) {
      return `The link resolves, as identifiers and short links do, to ${response.finalUrl} (${answer}).${extra}`;
    }
    if (candidate === 'redirected') {
      return `The page now lives at ${response.finalUrl} (${answer}${noLocation}).${extra}`;
    }
    const samePage = response.redirected
      ? ` at ${response.finalUrl} (same page, new form of the address)`
      : '';
    return `The page answers (${answer}${noLocation})${samePage}.${extra}`;
  };

  if (isSiteRoot(requested)) {
    // A home page is never a soft 404 of itself; if the whole site moved to another domain, say where.
    if (movedAway && !sameSite(requested, final))
      return verdict('redirected', candidateReason(' The whole site moved.'));
    return verdict('alive', candidateReason(' A site’s home page counts as alive.'));
  }
  if (
    context.trustCanonical &&
    !movedAway &&
    canonicalUrl !== undefined &&
    !isSiteRoot(new URL(canonicalUrl)) &&
    (sameAddress(canonicalUrl, requested.href) || sameAddress(canonicalUrl, response.finalUrl))
  ) {
    return verdict('alive', candidateReason(' It names this address as its own (canonical link).'));
  }

  const { outcome, cached } = await context.probe(requested);
  const judgement = judgeWithProbe(page, outcome, context.mode, cached);
  if (!judgement.soft404) {
    const note = probeNote(judgement.evidence);
    return verdict(candidate, candidateReason(note), judgement.evidence);
  }
  return verdict('soft-404', soft404Reason(page, judgement.evidence), judgement.evidence);
}

function probeNote(probe: ProbeEvidence): string {
  switch (probe.verdict) {
    case 'honest-404':
      return probe.fromCitation
        ? ` Another cited address in the same folder gets a real “not found” (${probe.url}, twice), so the site answers missing pages honestly and this page is real.`
        : ' A made-up address in the same folder gets a real “not found”, so this page is real.';
    case 'redirect-count-differs':
    case 'different':
      return ' It differs from what the site shows for a made-up address in the same folder.';
    default:
      return ' (Cited could not compare it with a made-up address of the same folder.)';
  }
}

function soft404Reason(page: PageSnapshot, probe: ProbeEvidence): string {
  const notice = page.isHtml
    ? textSaysSeizedOrParked(`${page.title ?? ''} ${extractText(page.source.slice(0, 60000))}`)
    : null;
  if (notice === 'seized') {
    return 'The whole site shows one seizure notice at every address, including made-up ones: the cited page is gone.';
  }
  if (notice === 'parked') {
    return 'The domain is parked or for sale: it shows the same page at every address, including made-up ones.';
  }
  if (probe.verdict === 'same-final-url') {
    return `The address redirects to ${page.finalUrl}, exactly where a made-up address in the same folder goes: the cited page is gone.`;
  }
  const percent = Math.round((probe.similarity ?? 1) * 100);
  if (probe.fromCitation) {
    return `The page is ${percent}% the same as the “not found” page of another cited address in the same folder (${probe.url}): the cited page is gone.`;
  }
  return `The page is ${percent}% the same as what the site shows for a made-up address in the same folder: the cited page is gone.`;
}
