import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { captureArticle } from '../../../core/capture';
import { listLinks } from '../../../core/citations/link-index';
import { corpusPagesWithUrls, hasCorpus, loadCorpusPage, reportMissing } from '../support/shared-corpus';

const withoutFragment = (url: string) => url.split('#')[0] ?? url;
const site = (hostname: string) => getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;

describe.skipIf(reportMissing('the corpus sweep', hasCorpus))('every corpus page at its real address', () => {
  const pages = hasCorpus ? corpusPagesWithUrls() : [];

  it.each(pages)('$name: captures without error, with sane citations', (page) => {
    const doc = loadCorpusPage(page).window.document;
    const result = captureArticle(doc);
    const links = listLinks(doc);
    const pageSite = site(new URL(page.url).hostname);
    const selves = new Set([
      withoutFragment(doc.URL),
      withoutFragment(result.article.metadata.canonicalUrl ?? ''),
    ]);

    expect(result.article.metadata.title.length).toBeGreaterThan(0);
    expect(result.source).toBe(result.article.isArticle ? 'article' : 'main-content');

    const orders: number[] = [];
    const keys = new Set<string>();
    for (const citation of result.citations) {
      const url = new URL(citation.url);
      expect(['http:', 'https:']).toContain(url.protocol);
      expect(selves.has(withoutFragment(citation.url)), `${citation.url} is the page itself`).toBe(false);
      expect(keys.has(withoutFragment(citation.url)), `${citation.url} listed twice`).toBe(false);
      keys.add(withoutFragment(citation.url));
      expect(citation.registrableDomain).toBe(site(url.hostname));
      expect(citation.relation).toBe(citation.registrableDomain === pageSite ? 'same-site' : 'external');
      expect(citation.domain).toBe(url.hostname.replace(/^www\./, ''));
      expect(citation.occurrences.length).toBeGreaterThan(0);

      for (const occurrence of citation.occurrences) {
        orders.push(occurrence.order);
        if (occurrence.anchorText !== '') expect(occurrence.sentence).toContain(occurrence.anchorText);
        const link = links[occurrence.linkIndex];
        expect(link, `link ${occurrence.linkIndex} of ${citation.url}`).toBeDefined();
        const linked = new URL(link?.getAttribute('href')?.trim() ?? '', doc.baseURI).href;
        // A source given in a note is cited where the text marks the note: the occurrence is the marker.
        const marker = citation.notes !== undefined && selves.has(withoutFragment(linked));
        if (!marker) expect(withoutFragment(linked)).toBe(withoutFragment(citation.url));
      }
      for (const note of citation.notes ?? []) {
        const link = links[note.linkIndex];
        const linked = new URL(link?.getAttribute('href')?.trim() ?? '', doc.baseURI).href;
        expect(withoutFragment(linked), `the note giving ${citation.url}`).toBe(
          withoutFragment(citation.url),
        );
      }
      const own = citation.occurrences.map((occurrence) => occurrence.order);
      expect([...own].sort((a, b) => a - b)).toEqual(own);
    }
    // Occurrences are numbered 0..n-1 in reading order, and citations come in order of first use.
    expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i));
    const firsts = result.citations.map((citation) => citation.occurrences[0]?.order ?? -1);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });
});
