import type { LookupArchive } from '../archive/lookup-once';
import type { ArchiveLookup } from '../archive/types';
import { publicationTimestamp, waybackTimestampToIso } from '../archive/wayback';
import type { Citation } from '../citations/types';
import { type CheckResult, isBrokenStatus } from '../linkcheck/types';
import { checkKey } from '../linkcheck/url';
import type { QuoteSourceDeps } from '../quote-check/source-check';
import { citedAt } from './cited-at';
import { checkSourceChange } from './source-change';
import type { SourceChange } from './types';

/**
 * Which of an article's sources are compared with their archived copy, and against which copy. A source is
 * compared when its quotations are checked (its text is read anyway), when it no longer stands (the link check
 * says dead or soft 404, or already looked up its archived copies for that reason), or when it is asked for. The copy is the one closest before the reference's access date when the
 * reference gives one (what its editor read), else before the article's publication; an undated citation has no
 * "when it was cited" and is not compared.
 */

export interface ArticleChangeDeps extends QuoteSourceDeps {
  /** Archived copies of `url` before `publishedAt` (the CLI: lookupArchivedCopies, through the same politeness). */
  lookupArchive: LookupArchive;
}

export interface ArticleChangeInput {
  citations: readonly Citation[];
  publishedTime: string | null;
  /** The link checks' verdicts. */
  results: readonly CheckResult[];
  /** The lookups the link checks made (by the article's publication date). */
  archives: readonly ArchiveLookup[];
  /**
   * Sources compared besides those: every citation (`'all'`, `npm run check -- --compare-all`), or those the
   * reader asked for, by `checkKey`. Each costs an archive lookup and a read of the page.
   */
  alsoCompare?: 'all' | ReadonlySet<string>;
}

const keyOf = (url: string) => checkKey(url) ?? url;

export async function checkArticleChanges(
  input: ArticleChangeInput,
  deps: ArticleChangeDeps,
): Promise<SourceChange[]> {
  if (!deps.thirdParty) return [];
  const results = new Map(input.results.map((result) => [keyOf(result.url), result]));
  const lookups = new Map(input.archives.map((lookup) => [keyOf(lookup.url), lookup]));
  const seen = new Set<string>();
  const compared = input.citations.filter((citation) => {
    const key = keyOf(citation.url);
    if (!/^https?:/i.test(citation.url) || seen.has(key)) return false;
    seen.add(key);
    const broken = results.get(key);
    const asked = input.alsoCompare === 'all' || input.alsoCompare?.has(key) === true;
    return (
      asked ||
      citation.quotes.length > 0 ||
      lookups.has(key) ||
      (broken !== undefined && isBrokenStatus(broken.status))
    );
  });
  const changes = await Promise.all(
    compared.map(async (citation) => {
      const when = citedAt(citation, input.publishedTime);
      if (!when) return null;
      const key = keyOf(citation.url);
      const wanted = waybackTimestampToIso(publicationTimestamp(when.date) ?? '');
      const known = lookups.get(key);
      const lookup =
        known && known.publishedAt === wanted ? known : await deps.lookupArchive(citation.url, when.date);
      const copy = lookup.beforePublication;
      if (!copy) return null;
      return checkSourceChange(
        {
          url: citation.url,
          copy,
          citedAt: when.date,
          citedAtIs: when.is,
          linkResult: results.get(key) ?? null,
        },
        deps,
      );
    }),
  );
  return changes.filter((change): change is SourceChange => change !== null);
}
