import type { CitationFate, CitationKind } from '../../fates';

/**
 * The demo article's citations and what became of each: the one table the demo sites are built to play and the
 * tests read their expectations from. Hosts are fictional (.example) except where a link's kind depends on a real
 * name (doi.org, mastodon.social, a .gov name, web.archive.org); every one of them is served by the test web only.
 */

export const demoOutletHost = 'www.harbourgazette.example';
export const demoOutletName = 'The Harbour Gazette';
export const demoArticleUrl = `https://${demoOutletHost}/2026/03/12/harbour-swim-tests-stopped-for-seven-weeks/`;
export const demoEarlierReportUrl = `https://${demoOutletHost}/2025/09/03/council-asks-why-beach-tests-stopped/`;
export const demoHomeUrl = `https://${demoOutletHost}/`;
/** Published 2026-03-12: the archived copy "closest before" it is what the author saw. */
export const demoPublished = '2026-03-12T08:00:00Z';

/** The first answer to a GET of the URL (redirects not followed), or how the connection fails. */
export type FirstResponse = number | 'dns-failure' | 'refused' | 'tls-failure';

export interface DemoCitation extends CitationFate {
  id: string;
  firstResponse: FirstResponse;
  /** The kind hint that follows from the URL alone (issue 2's rules); absent where only the page could tell. */
  kindHint?: CitationKind;
  /** A same-site citation (the outlet's own earlier report), not an external one. */
  sameSite?: boolean;
  /** The host answers only after this long (a slow but live source). */
  delayMs?: number;
  /**
   * What comparing the page with its archived copy from before publication says (quoted sources and those that
   * no longer stand, with third-party lookups on); absent when it is not compared or has no such copy.
   */
  changedSinceCited?: 'unchanged' | 'edited' | 'replaced' | 'gone';
}

export const demoCitations: DemoCitation[] = [
  {
    id: 'council-minutes-pdf',
    url: 'https://www.portellery.example/council/minutes/2025-06-17-regular-meeting.pdf',
    status: 'alive',
    why: 'a PDF document served with application/pdf',
    firstResponse: 200,
    kindHint: 'document',
    archivedCopy: false,
  },
  {
    id: 'herald-contract-2024',
    url: 'https://www.tidewaterherald.example/2024/06/11/lab-wins-harbour-contract/',
    status: 'soft-404',
    why: 'the old story now redirects (301) to the news section front',
    firstResponse: 301,
    archivedCopy: false,
  },
  {
    id: 'beach-status-archived',
    url: 'https://web.archive.org/web/20250601120000/https://www.portellery.example/beaches/status',
    status: 'alive',
    why: 'an archived copy, replayed by the (local) Wayback Machine',
    firstResponse: 200,
    kindHint: 'archive',
    archivedCopy: false,
  },
  {
    id: 'herald-closures',
    url: 'https://www.tidewaterherald.example/2025/08/19/beach-closures-across-the-county/',
    status: 'alive',
    why: 'the story is still there',
    firstResponse: 200,
    archivedCopy: false,
  },
  {
    id: 'state-guidance',
    url: 'https://dph.ellery.gov/beaches/monitoring-guidance',
    status: 'alive',
    why: 'a government page that still answers',
    firstResponse: 200,
    kindHint: 'government',
    archivedCopy: false,
  },
  {
    id: 'doi-study',
    url: 'https://doi.org/10.5555/hwq.2024.0173',
    status: 'alive',
    why: 'a DOI: the resolver redirects (302) to the publisher page, which is what a DOI is for',
    firstResponse: 302,
    kindHint: 'academic',
    archivedCopy: false,
  },
  {
    id: 'lab-statement-moved',
    url: 'https://www.ellerylabs.example/news/2025/contract-statement',
    status: 'redirected',
    why: 'moved: 301 to a new address in the newsroom section, which serves the statement, edited since the Wayback kept it',
    firstResponse: 301,
    archivedCopy: true,
    changedSinceCited: 'edited',
  },
  {
    id: 'harbourmaster-post',
    url: 'https://mastodon.social/@PortElleryHarbour/114203355551234567',
    status: 'alive',
    why: 'a social media post that still answers',
    firstResponse: 200,
    kindHint: 'social',
    archivedCopy: true,
    changedSinceCited: 'unchanged',
  },
  {
    id: 'swim-club-notice',
    url: 'http://www.bayswimclub.example/news/2025-season-notice',
    status: 'alive',
    why: 'http→https redirect (301) to the same page',
    firstResponse: 301,
    archivedCopy: false,
  },
  {
    id: 'coastline-backlog',
    url: 'https://www.coastlinedaily.example/news/2025/09/02/harbour-samples-backlog/',
    status: 'dead',
    why: '404 Not Found; the Wayback holds a copy from September 2025 (and a later 404 capture)',
    firstResponse: 404,
    archivedCopy: true,
    changedSinceCited: 'gone',
  },
  {
    id: 'keepers-sampling',
    url: 'https://blog.harbourkeepers.example/posts/summer-sampling-gap',
    status: 'dead',
    why: '410 Gone; the Wayback holds a copy',
    firstResponse: 410,
    archivedCopy: true,
    changedSinceCited: 'gone',
  },
  {
    id: 'county-weekly-towns',
    url: 'https://www.countyweekly.example/stories/2025/lab-contract-lapse',
    status: 'soft-404',
    why: 'redirects (301) to the home page; the Wayback holds a copy',
    firstResponse: 301,
    archivedCopy: true,
    changedSinceCited: 'replaced',
  },
  {
    id: 'maritime-towns',
    url: 'https://www.maritimejournal.example/article/87412/harbour-lab-backlog',
    status: 'soft-404',
    why: 'answers 200 with a "Page not found" page; the Wayback holds a copy',
    firstResponse: 200,
    archivedCopy: true,
    changedSinceCited: 'gone',
  },
  {
    id: 'newswire-timeline',
    url: 'https://www.ellerynewswire.example/2025/07/30/testing-delays',
    status: 'soft-404',
    why: 'answers every address with the same front page (status 200)',
    firstResponse: 200,
    archivedCopy: false,
  },
  {
    id: 'leaked-emails',
    url: 'https://www.harbourleaks.example/docs/lab-emails',
    status: 'soft-404',
    why: 'the domain was seized: one law-enforcement notice at every address (status 200)',
    firstResponse: 200,
    archivedCopy: false,
  },
  {
    id: 'community-timeline',
    url: 'https://www.portellerynow.example/news/water-testing-timeline',
    status: 'soft-404',
    why: 'a parked domain: the same "for sale" page at every address (status 200)',
    firstResponse: 200,
    archivedCopy: false,
  },
  {
    id: 'record-investigation',
    url: 'https://www.regionalrecord.example/investigations/beach-bacteria',
    status: 'blocked',
    why: 'a bot wall: 403 with cf-mitigated: challenge',
    firstResponse: 403,
    archivedCopy: false,
  },
  {
    id: 'business-paywall',
    url: 'https://www.businesscoast.example/premium/ellery-labs-contract',
    status: 'blocked',
    why: 'a paywall: 401 with a sign-in page',
    firstResponse: 401,
    archivedCopy: false,
  },
  {
    id: 'statehouse-login',
    url: 'https://www.statehousereport.example/2025/10/lab-oversight-hearing',
    status: 'blocked',
    why: 'a login wall: 302 to /login?next=…',
    firstResponse: 302,
    archivedCopy: false,
  },
  {
    id: 'open-data-results',
    url: 'https://data.opencoast.example/datasets/harbour-enterococci-2025',
    status: 'rate-limited',
    why: '429 Too Many Requests with Retry-After: 1, every time',
    firstResponse: 429,
    archivedCopy: false,
  },
  {
    id: 'buoy-history',
    url: 'https://sensors.harbourbuoy.example/stations/4/history',
    status: 'dead',
    why: 'connection refused',
    firstResponse: 'refused',
    archivedCopy: false,
  },
  {
    id: 'water-watch',
    url: 'https://www.ellerywaterwatch.example/reports/2025-season',
    status: 'dead',
    why: 'the domain no longer resolves',
    firstResponse: 'dns-failure',
    archivedCopy: false,
  },
  {
    id: 'permit-registry',
    url: 'https://secure.ellerypermits.example/registrations/lab-2025',
    status: 'dead',
    why: 'the TLS handshake fails',
    firstResponse: 'tls-failure',
    archivedCopy: false,
  },
  {
    id: 'times-1998-cleanup',
    url: 'https://www.ellerytimes.example/archive/1998/harbour-cleanup',
    status: 'unreachable',
    why: '503 Service Unavailable (down for maintenance)',
    firstResponse: 503,
    archivedCopy: false,
  },
  {
    id: 'observer-analysis',
    url: 'https://www.slowtideobserver.example/2025/11/04/what-the-lab-records-show/',
    status: 'alive',
    why: 'a slow host: answers 200 after 4 seconds',
    firstResponse: 200,
    delayMs: 4000,
    archivedCopy: false,
  },
  {
    id: 'earlier-report',
    url: demoEarlierReportUrl,
    status: 'alive',
    why: "the outlet's own earlier report (same-site citation)",
    firstResponse: 200,
    sameSite: true,
    archivedCopy: false,
  },
];

export function demoCitation(id: string): DemoCitation {
  const citation = demoCitations.find((c) => c.id === id);
  if (!citation) throw new Error(`No demo citation with id ${id}`);
  return citation;
}
