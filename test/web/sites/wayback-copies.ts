import { articlePage, notFoundPage } from '../templates';
import type { ArchivedCopy } from './archived-copy';
import * as demo from './demo/source-pages';
import { newburyportnewsArchivedArticle, newburyportnewsUrl } from './seed-sources';
import { wikiArchivedCopies } from './wiki';

export type { ArchivedCopy } from './archived-copy';

const article = (content: Parameters<typeof articlePage>[0]) => () => articlePage(content);

/**
 * The captures the local Wayback holds: the seed's newburyportnews source and the demo's dead and soft-404
 * sources (some but not all of them, so "no copy" happens too), plus the beach status page the demo links to and
 * two of its quoted sources (one edited since, one not).
 * Two pages also have a later 404 capture, as the real archive does for pages that died: the most recent copy is
 * then not a usable one.
 */
export const archivedCopies: ArchivedCopy[] = [
  {
    url: newburyportnewsUrl,
    timestamp: '20170624153012',
    status: 200,
    html: article(newburyportnewsArchivedArticle),
  },
  {
    url: newburyportnewsUrl.replace('http:', 'https:'),
    timestamp: '20210412080511',
    status: 404,
    html: () => notFoundPage('Newburyport Daily News'),
  },
  {
    url: demo.coastlineBacklog.url,
    timestamp: '20250903101500',
    status: 200,
    html: article(demo.coastlineBacklog),
  },
  {
    url: demo.coastlineBacklog.url,
    timestamp: '20260402093000',
    status: 404,
    html: () => notFoundPage('Coastline Daily'),
  },
  {
    url: demo.keepersSampling.url,
    timestamp: '20250815083000',
    status: 200,
    html: article(demo.keepersSampling),
  },
  {
    url: demo.countyWeeklyTowns.url,
    timestamp: '20251002140000',
    status: 200,
    html: article(demo.countyWeeklyTowns),
  },
  {
    url: demo.maritimeTowns.url,
    timestamp: '20250910091000',
    status: 200,
    html: article(demo.maritimeTowns),
  },
  { url: demo.beachStatusUrl, timestamp: '20250601120000', status: 200, html: article(demo.beachStatus) },
  ...wikiArchivedCopies,
  // Two quoted sources, for "changed since cited": the laboratory has since edited its statement, the
  // harbourmaster's post is word for word what the archive kept.
  {
    url: demo.labStatementAsFirstPosted.url,
    timestamp: '20250910120000',
    status: 200,
    html: article(demo.labStatementAsFirstPosted),
  },
  {
    url: demo.harbourmasterPost.url,
    timestamp: '20250823090000',
    status: 200,
    html: article(demo.harbourmasterPost),
  },
];
