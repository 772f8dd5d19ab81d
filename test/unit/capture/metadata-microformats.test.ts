import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../core/capture/metadata';
import { readMicroformats } from '../../../core/capture/metadata/microformats';
import { fixturePage } from '../support/pages';

describe('microformats metadata', () => {
  it('reads the hCard author of the entry, and published/updated dates', () => {
    const doc = fixturePage('microformats.html', 'https://town.example/stories/lamplighter');
    expect(readMicroformats(doc)).toEqual({
      byline: 'Hana Ibrahim',
      publishedTime: '2016-10-12T19:00:00+01:00',
      modifiedTime: '2016-10-14',
    });
  });

  it('does not mistake an infobox hCard (the subject of the page) for the author', () => {
    const doc = fixturePage('microformats.html', 'https://town.example/stories/lamplighter');
    expect(extractMetadata(doc, null).metadata.byline).not.toBe('Kell Street');
  });

  it('uses .updated as the publication date when nothing says "published"', () => {
    const doc = fixturePage('updated-only.html', 'https://town.example/news/bridge');
    const { metadata } = extractMetadata(doc, null);
    expect(metadata.publishedTime).toBe('2018-05-04');
    expect(metadata.modifiedTime).toBe('2018-05-04');
    expect(metadata.byline).toBe('Jo Marsh');
  });
});
