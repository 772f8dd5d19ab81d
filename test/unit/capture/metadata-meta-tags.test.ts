import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../core/capture/metadata';
import { readMetaTags } from '../../../core/capture/metadata/meta-tags';
import { fixturePage, page } from '../support/pages';

describe('meta tag metadata', () => {
  it('reads Open Graph and article:* tags, skipping an author given as a profile URL', () => {
    const doc = fixturePage('meta-tags.html', 'https://islandpost.example/ferries/fares-rise?utm_source=x');
    const { metadata } = extractMetadata(doc, null);
    expect(metadata).toMatchObject({
      title: 'Ferry fares to rise in spring',
      byline: 'Claire Dubois',
      siteName: 'Island Post',
      publishedTime: '2022-01-17T06:00:00-05:00',
      modifiedTime: '2022-01-18T09:30:00-05:00',
      lang: 'fr-CA',
      excerpt: 'Crossings will cost a fifth more from April.',
      canonicalUrl: 'https://islandpost.example/ferries/fares-rise',
    });
  });

  it('reads Parse.ly and Dublin Core tags', () => {
    const doc = fixturePage('parsely-dc.html', 'https://valley.example/harvest');
    const { metadata } = extractMetadata(doc, null);
    expect(metadata).toMatchObject({
      title: 'Orchard harvest best in a decade',
      byline: 'Ruth Amsel',
      publishedTime: '2019-09-30T12:00:00Z',
      siteName: 'Valley Farmer',
      lang: 'de',
    });
  });

  it('reads the older parsely-page JSON blob', () => {
    const blob = JSON.stringify({ title: 'Old style', pub_date: '2014-05-01T10:00:00Z', author: 'Ana Ruiz' });
    const doc = page('', 'https://x.example/', `<meta name="parsely-page" content='${blob}'>`);
    expect(readMetaTags(doc)).toMatchObject({
      title: 'Old style',
      publishedTime: '2014-05-01T10:00:00Z',
      byline: 'Ana Ruiz',
    });
  });

  it('joins one citation_author tag per author', () => {
    const doc = page(
      '',
      'https://journal.example/paper',
      '<meta name="citation_author" content="Ng, A."><meta name="citation_author" content="Roy, B.">',
    );
    expect(readMetaTags(doc).byline).toBe('Ng, A., Roy, B.');
  });
});
