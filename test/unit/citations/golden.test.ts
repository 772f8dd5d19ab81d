import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureArticle } from '../../../core/capture';
import type { ArticleMetadata } from '../../../core/capture/types';
import { referenceLinksOf } from '../../../core/citations/reference-links';
import type {
  CaptureResult,
  Citation,
  CitationReference,
  CitationSection,
} from '../../../core/citations/types';
import {
  corpusPagesWithUrls,
  hasCorpus,
  hasSeed,
  loadCorpusPage,
  loadSeed,
  repoRoot,
  reportMissing,
  SEED_URL,
} from '../support/shared-corpus';

/** One expected citation: what a reader should see in the list (written out and checked by hand). */
interface ExpectedCitation {
  url: string;
  relation: Citation['relation'];
  kind: Citation['kind'];
  occurrences?: number;
  anchorText?: string;
  sentenceStart?: string;
  sentenceEnd?: string;
  /** Exactly no quotes. */
  quotes?: [];
  /** Exactly these quotes, each identified by its first words. */
  quoteStarts?: string[];
  /** Where the page gives it: `text` for the running text. */
  section?: CitationSection | 'text';
  /** Every occurrence, in order: the anchor (a note's marker for a source given in notes) and its sentence's first words. */
  occurrenceList?: Array<{ anchorText: string; sentenceStart: string }>;
  /** What its reference says (these fields at least). */
  reference?: Partial<CitationReference>;
  /** The notes (or bibliography entries) that give it, each by its first words. */
  noteStarts?: string[];
}

interface Golden {
  page: string;
  /** A page of this repository (under test/fixtures/), loaded at `url`; otherwise `page` names a ../shared page. */
  fixture?: string;
  url: string;
  source: 'article' | 'main-content';
  /** true: the list is the whole list, in order; false: these appear in this order among others. */
  complete: boolean;
  metadata?: Partial<ArticleMetadata>;
  citations: ExpectedCitation[];
  absent?: Array<{ url: string; why: string }>;
  /** A MediaWiki page: what its reference list gives and what it keeps apart. */
  wiki?: {
    /** Every link this selector finds in the page is a source given in notes. */
    referenceLinks: string;
    /** The wiki's own pages are listed apart, at least this many. */
    siteLinksAtLeast: number;
  };
}

const WIKI_ARTICLE = /^https?:\/\/[^/]*(?:wikipedia|wikimedia)\.org\/(?:wiki|w)\//;

function checkWiki(doc: Document, result: CaptureResult, wiki: NonNullable<Golden['wiki']>): void {
  const given = new Set(result.citations.filter((c) => c.notes).map((c) => withoutFragment(c.url)));
  // A reference's archived copy and DOI / PMID links belong to its source's citation (its row), not to a row.
  for (const citation of result.citations) {
    if (!citation.notes) continue;
    for (const url of referenceLinksOf(citation)) given.add(withoutFragment(url));
  }
  const referenceLinks = [...doc.querySelectorAll(wiki.referenceLinks)].map((link) =>
    withoutFragment(new URL(link.getAttribute('href') ?? '', doc.baseURI).href),
  );
  expect(referenceLinks.length).toBeGreaterThan(0);
  expect(referenceLinks.filter((url) => !given.has(url))).toEqual([]);
  expect(result.citations.map((c) => c.url).filter((url) => WIKI_ARTICLE.test(url))).toEqual([]);
  const siteLinks = result.siteLinks ?? [];
  expect(siteLinks.length).toBeGreaterThanOrEqual(wiki.siteLinksAtLeast);
  expect(siteLinks.filter((link) => !WIKI_ARTICLE.test(link.url))).toEqual([]);
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

const goldenDir = path.join(repoRoot, 'test/fixtures/golden');
const goldens: Golden[] = readdirSync(goldenDir)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => JSON.parse(readFileSync(path.join(goldenDir, file), 'utf8')) as Golden);

function load(golden: Golden): JSDOM {
  if (golden.fixture) {
    return new JSDOM(readFileSync(path.join(repoRoot, 'test/fixtures', golden.fixture), 'utf8'), {
      url: golden.url,
    });
  }
  if (golden.page === 'seed') return loadSeed();
  const page = corpusPagesWithUrls().find((candidate) => candidate.name === golden.page);
  if (!page) throw new Error(`${golden.page} is not in original-urls.json`);
  expect(page.url).toBe(golden.url);
  return loadCorpusPage(page);
}

function checkCitation(actual: Citation, expected: ExpectedCitation): void {
  const first = actual.occurrences[0];
  expect({ url: actual.url, relation: actual.relation, kind: actual.kind }).toEqual({
    url: expected.url,
    relation: expected.relation,
    kind: expected.kind,
  });
  if (expected.occurrences !== undefined) expect(actual.occurrences).toHaveLength(expected.occurrences);
  if (expected.anchorText !== undefined) expect(first?.anchorText).toBe(expected.anchorText);
  if (expected.sentenceStart !== undefined)
    expect(first?.sentence.startsWith(expected.sentenceStart)).toBe(true);
  if (expected.sentenceEnd !== undefined) expect(first?.sentence.endsWith(expected.sentenceEnd)).toBe(true);
  if (expected.quotes !== undefined) expect(actual.quotes).toEqual([]);
  if (expected.section !== undefined) expect(actual.section ?? 'text', actual.url).toBe(expected.section);
  if (expected.occurrenceList !== undefined) {
    const occurrences = actual.occurrences.map(({ anchorText, sentence }) => ({ anchorText, sentence }));
    expect(occurrences, actual.url).toHaveLength(expected.occurrenceList.length);
    expected.occurrenceList.forEach(({ anchorText, sentenceStart }, i) => {
      expect(occurrences[i]?.anchorText, actual.url).toBe(anchorText);
      expect(
        occurrences[i]?.sentence.startsWith(sentenceStart),
        `${actual.url}: ${occurrences[i]?.sentence}`,
      ).toBe(true);
    });
  }
  if (expected.reference !== undefined)
    expect(actual.reference, actual.url).toMatchObject(expected.reference);
  if (expected.noteStarts !== undefined) {
    const notes = (actual.notes ?? []).map((note) => note.text);
    expect(notes, actual.url).toHaveLength(expected.noteStarts.length);
    expected.noteStarts.forEach((start, i) => {
      expect(notes[i]?.startsWith(start), `${actual.url}: ${notes[i]}`).toBe(true);
    });
  }
  if (expected.quoteStarts !== undefined) {
    expect(actual.quotes).toHaveLength(expected.quoteStarts.length);
    expected.quoteStarts.forEach((start, i) => {
      expect(actual.quotes[i]?.startsWith(start)).toBe(true);
    });
  }
}

describe.each(goldens)('golden citations: $page', (golden) => {
  const needs = golden.fixture ? true : golden.page === 'seed' ? hasSeed : hasCorpus;
  describe.skipIf(reportMissing(`golden ${golden.page}`, needs))('', () => {
    it('lists what the page cites, in reading order, with relation and kind', () => {
      const doc = load(golden).window.document;
      const result = captureArticle(doc);
      expect(result.source).toBe(golden.source);
      if (golden.metadata) expect(result.article.metadata).toMatchObject(golden.metadata);

      const byUrl = new Map(result.citations.map((citation) => [citation.url, citation]));
      const expectedUrls = golden.citations.map((citation) => citation.url);
      if (golden.complete) {
        expect(result.citations.map((citation) => citation.url)).toEqual(expectedUrls);
      } else {
        const positions = expectedUrls.map((url) => result.citations.findIndex((c) => c.url === url));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
      for (const expected of golden.citations) {
        const actual = byUrl.get(expected.url);
        expect(actual, expected.url).toBeDefined();
        if (actual) checkCitation(actual, expected);
      }
      for (const { url } of golden.absent ?? []) expect(byUrl.has(url), url).toBe(false);
      if (golden.wiki) checkWiki(doc, result, golden.wiki);
      else expect(result.siteLinks).toBeUndefined();
    });
  });
});

describe.skipIf(reportMissing('seed checks', hasSeed))('the seed article', () => {
  it('is loaded at its original address', () => {
    expect(loadSeed().window.document.URL).toBe(SEED_URL);
  });

  it('gives every citation its sentence from the article text, and the quotes to the sources they come from', () => {
    const { citations, article } = captureArticle(loadSeed().window.document);
    const text = article.textContent.replace(/\s+/g, ' ');
    for (const citation of citations) {
      const { sentence, anchorText } = citation.occurrences[0] ?? { sentence: '', anchorText: '' };
      expect(sentence).toContain(anchorText);
      expect(text).toContain(sentence);
    }
    const quoteOwners = (start: string) =>
      citations.filter((c) => c.quotes.some((q) => q.startsWith(start))).map((c) => c.domain);
    expect(quoteOwners('the National Center for Missing')).toEqual(['wickedlocal.com']);
    expect(quoteOwners('the report had been filed')).toEqual(['newburyportnews.com']);
  });
});
