import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../core/capture/metadata';
import { readJsonLd } from '../../../core/capture/metadata/json-ld';
import { fixturePage, page } from '../support/pages';

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('JSON-LD metadata', () => {
  it('reads a NewsArticle inside @graph, following @id references for authors and publisher', () => {
    const doc = fixturePage('json-ld-graph.html', 'https://gazette.example/2023/11/02/tunnel/');
    const { candidate, isNewsArticle } = readJsonLd(doc);
    expect(isNewsArticle).toBe(true);
    expect(candidate).toMatchObject({
      title: 'Harbour tunnel opens two years late',
      byline: 'Lena Hart, Sam &amp; Jo Field',
      siteName: 'Northgate Gazette Ltd',
      publishedTime: '2023-11-02T18:05:00+01:00',
      modifiedTime: '2023-11-03T08:00:00+01:00',
      lang: 'nl-BE',
    });
  });

  it('wins over meta tags for the title and byline, and entities in JSON are decoded', () => {
    const doc = fixturePage('json-ld-graph.html', 'https://gazette.example/2023/11/02/tunnel/');
    const { metadata } = extractMetadata(doc, null);
    expect(metadata.title).toBe('Harbour tunnel opens two years late');
    expect(metadata.byline).toBe('Lena Hart, Sam & Jo Field');
    // og:site_name is the site's own name for itself, so it beats the publisher's company name.
    expect(metadata.siteName).toBe('Northgate Gazette');
    expect(metadata.lang).toBe('nl-BE');
    expect(metadata.excerpt).toBe(
      'The harbour tunnel opened to traffic on Thursday, two years after the date first promised.',
    );
  });

  it('takes the author as a plain string, and a BlogPosting listed in a top-level array', () => {
    const doc = page(
      '<p>text</p>',
      'https://blog.example/post',
      ld([{ '@type': 'BreadcrumbList' }, { '@type': ['BlogPosting'], headline: 'Notes', author: 'Kim Lee' }]),
    );
    expect(readJsonLd(doc).candidate).toMatchObject({ title: 'Notes', byline: 'Kim Lee' });
    expect(readJsonLd(doc).isNewsArticle).toBe(false);
  });

  it('does not take a profile URL for a name', () => {
    const doc = page(
      '',
      'https://blog.example/post',
      ld({ '@type': 'Article', author: { '@type': 'Person', name: 'https://blog.example/about' } }),
    );
    expect(readJsonLd(doc).candidate.byline).toBeNull();
  });

  it('prefers whichever of name and headline the page title agrees with', () => {
    // Wikipedia puts a short description in `headline`.
    const wiki = page(
      '',
      'https://wiki.example/Hermitian',
      `<title>Hermitian matrix - Wikipedia</title>${ld({ '@type': 'Article', name: 'Hermitian matrix', headline: 'matrix equal to its conjugate-transpose' })}`,
    );
    expect(readJsonLd(wiki).candidate.title).toBe('Hermitian matrix');
    // Some news sites put their own name in `name`.
    const news = page(
      '',
      'https://news.example/a',
      `<title>West Ham threaten the giants | Sport</title>${ld({ '@type': 'NewsArticle', name: 'Sport Daily', headline: 'West Ham threaten the giants' })}`,
    );
    expect(readJsonLd(news).candidate.title).toBe('West Ham threaten the giants');
  });

  it('gives nothing when the page has no usable JSON-LD', () => {
    const doc = page('', 'https://x.example/', '<script type="application/ld+json">{ oops</script>');
    expect(readJsonLd(doc)).toEqual({ candidate: {}, isNewsArticle: false });
  });
});
