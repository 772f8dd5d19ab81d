import { hasShared } from '../paths';
import type { Site } from '../site';
import { corpusSite } from './corpus';
import { demoOutletSite } from './demo/outlet';
import { demoSourceSites } from './demo/sources';
import { longArticleSites } from './long-article';
import { networkFailureSites } from './network-failures';
import { seedSite } from './seed';
import { seedSourceSites } from './seed-sources';
import { waybackSite } from './wayback';
import { wikiSites } from './wiki';

export interface AllSitesOptions {
  /** Which deepdotweb.com to play: the 2017 site with the article (default) or the seized one. */
  seedEra?: '2017' | 'seized';
}

/**
 * Every site of the test web: the demo outlet and its sources, the seed and its sources, the local Wayback, hosts
 * that fail below HTTP, an outlet of long articles, and
 * the Readability corpus when ../shared is there (without it, a note says so and the rest still runs; the seed
 * site then answers its article with an error saying what is missing).
 */
export function allSites(options: AllSitesOptions = {}): Site[] {
  const sites = [
    demoOutletSite(),
    ...demoSourceSites(),
    seedSite({ era: options.seedEra ?? '2017' }),
    ...seedSourceSites(),
    waybackSite(),
    ...networkFailureSites(),
    ...longArticleSites(),
    ...wikiSites(),
  ];
  if (hasShared('corpus/readability/original-urls.json')) sites.push(corpusSite());
  else console.warn('test web: ../shared/corpus is missing, so the corpus pages are not served.');
  return sites;
}
