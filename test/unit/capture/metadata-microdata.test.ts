import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../core/capture/metadata';
import { readMicrodata } from '../../../core/capture/metadata/microdata';
import { fixturePage, page } from '../support/pages';

describe('microdata metadata', () => {
  it('reads every author of the article item, and its date, ignoring comment items', () => {
    const doc = fixturePage('microdata.html', 'https://city.example/transport/night-buses');
    expect(readMicrodata(doc)).toMatchObject({
      title: 'Night buses return to the old routes',
      byline: 'Omar Said, Ines Costa',
      publishedTime: '2020-02-29',
    });
    expect(extractMetadata(doc, null).metadata.byline).toBe('Omar Said, Ines Costa');
  });

  it('outside any article item, trusts only the first author it meets', () => {
    const doc = page(
      '<span itemprop="author">First Writer</span><div><span itemprop="author">Commenter</span></div>',
      'https://x.example/',
    );
    expect(readMicrodata(doc).byline).toBe('First Writer');
  });

  it('reads the date from a meta element content attribute', () => {
    const doc = page('<meta itemprop="datePublished" content="2015-03-11T19:46:14Z">', 'https://x.example/');
    expect(readMicrodata(doc).publishedTime).toBe('2015-03-11T19:46:14Z');
  });
});
