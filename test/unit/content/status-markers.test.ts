// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { captureArticle } from '../../../core/capture';
import type { MarkerItem } from '../../../core/citation-status/types';
import {
  clearMarkers,
  MARKER_TAG,
  markerShadowForTests,
  markerText,
  showMarkers,
} from '../../../entrypoints/capture.content/status-markers';

const GONE = 'https://oldpaper.example/news/2020/ferry-cuts';
const ALIVE = 'https://council.example/minutes/2026-02.html';
const ARCHIVED = `https://web.archive.org/web/20200301101010/${GONE}`;

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of a long enough story about ferries, timetables and the people who wait for boats on the pier every morning.</p>`,
).join('');

function loadArticle(): void {
  document.title = 'Ferry cuts';
  document.body.innerHTML = `<header><a href="https://gazette.example/">Gazette</a></header>
<main><article><h1>Ferry cuts leave islanders stranded</h1>
<p>The council <a href="${ALIVE}">voted in February</a> to cut the winter service, as
<a href="${GONE}">the Old Paper reported</a> in 2020. Critics cite <a href="${GONE}#more">the same report</a>.</p>
${PARAGRAPHS}</article></main>`;
}

const items = (overrides: Partial<MarkerItem> = {}): MarkerItem[] => [
  { url: ALIVE, linkIndexes: [1], status: 'alive', reason: 'The page answers.' },
  {
    url: GONE,
    linkIndexes: [2, 3],
    status: 'dead',
    reason: 'The site answers 404 Not Found.',
    archivedUrl: ARCHIVED,
    ...overrides,
  },
];

/** The declarations of the marker's own `:host` rule (jsdom does not cascade shadow trees; Chromium is tested end to end). */
function hostRules(shadow: ShadowRoot): string {
  const css = shadow.querySelector('style')?.textContent ?? '';
  return /^:host\{([^}]*)\}/.exec(css)?.[1] ?? '';
}

function markers(): Element[] {
  return Array.from(document.querySelectorAll(MARKER_TAG));
}

beforeEach(loadArticle);

describe('status markers on the page', () => {
  it('follow each occurrence of a cited link, in closed shadow roots the page cannot reach', () => {
    expect(showMarkers(document, items())).toEqual({ shown: 3 });
    const links = Array.from(document.querySelectorAll('a[href]'));
    for (const index of [1, 2, 3]) {
      const next = links[index]?.nextElementSibling;
      expect(next?.localName).toBe(MARKER_TAG);
    }
    const marker = markers()[1] as HTMLElement;
    expect(marker.shadowRoot).toBeNull();
    expect(marker.getAttribute('data-cited-status')).toBe('dead');
    // Its box is styled from inside its shadow tree, where an important rule beats any of the page's.
    expect(marker.hasAttribute('style')).toBe(false);
    const shadow = markerShadowForTests(marker) as ShadowRoot;
    expect(hostRules(shadow)).toContain('display:inline-block!important');
    expect(shadow.mode).toBe('closed');
    expect(shadow.querySelector('.vh')?.textContent).toBe(
      'Cited: dead link. The site answers 404 Not Found.',
    );
    expect(shadow.querySelector('.marker')?.getAttribute('title')).toBe(
      'Cited: dead link. The site answers 404 Not Found.',
    );
  });

  it('offer the archived copy in the marker of a dead or soft-404 link only', () => {
    showMarkers(document, [
      ...items(),
      { url: ALIVE, linkIndexes: [1], status: 'alive', archivedUrl: ARCHIVED },
    ]);
    const [alive, dead] = markers().map((marker) => markerShadowForTests(marker) as ShadowRoot);
    const link = dead?.querySelector('a') as HTMLAnchorElement;
    expect(link.href).toBe(ARCHIVED);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(alive?.querySelector('a')).toBeNull();
    // A javascript: address never becomes a link.
    showMarkers(document, items({ archivedUrl: 'javascript:alert(1)' }));
    expect(markerShadowForTests(markers()[1] as Element)?.querySelector('a')).toBeNull();
  });

  it('take no room in the text, so placing or updating them never moves what follows (the page is not laid out again)', () => {
    showMarkers(document, items());
    for (const marker of markers()) {
      // A zero-size box whose inside cannot change its outside: the words after the link stay where they were.
      const host = hostRules(markerShadowForTests(marker) as ShadowRoot);
      expect(host).toContain('width:0!important');
      expect(host).toContain('height:0!important');
      const contain = /contain:([^;!]+)!important/.exec(host)?.[1]?.split(' ');
      expect(contain).toEqual(expect.arrayContaining(['size', 'layout']));
      // Paint containment would clip the marker to its empty box: it must not be there.
      expect(contain?.join(' ')).not.toMatch(/paint|strict|content/);
    }
    // What the marker shows is drawn out of flow, and the archived copy of a dead link shows on pointing or focus
    // while staying a real, focusable link for keyboards and screen readers.
    const shadow = markerShadowForTests(markers()[1] as Element) as ShadowRoot;
    const css = shadow.querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.marker\{position:absolute;/);
    expect(css).toContain('.marker:not(:hover):not(:focus-within) .more');
    expect(shadow.querySelector('a.more')?.textContent).toBe('archived copy');
  });

  it('are invisible to capture: the same citations, the same link indexes, no marker text in the article', () => {
    const before = captureArticle(document);
    const linkCount = document.querySelectorAll('a[href], area[href]').length;
    showMarkers(document, items());
    expect(document.querySelectorAll('a[href], area[href]')).toHaveLength(linkCount);
    const after = captureArticle(document);
    expect(after.citations).toEqual(before.citations);
    expect(after.article.textContent).toBe(before.article.textContent);
    expect(after.article.textContent).not.toContain('Cited:');
  });

  it('update in place as verdicts change, and go when no longer listed or cleared', () => {
    showMarkers(document, items());
    const first = markers();
    showMarkers(document, items({ status: 'soft-404', reason: 'Sent to the home page.' }));
    const again = markers();
    expect(again).toHaveLength(first.length);
    for (const [index, marker] of again.entries()) expect(marker).toBe(first[index]);
    expect(markerShadowForTests(first[1] as Element)?.querySelector('.vh')?.textContent).toBe(
      'Cited: the cited page is gone (soft 404). Sent to the home page.',
    );
    showMarkers(document, [items()[0] as MarkerItem]);
    expect(markers()).toHaveLength(1);
    expect(clearMarkers(document)).toEqual({ cleared: 1 });
    expect(markers()).toHaveLength(0);
  });

  it('find a link again when the page shifted its position', () => {
    document.querySelector('header')?.remove();
    expect(showMarkers(document, [{ url: ALIVE, linkIndexes: [1], status: 'alive' }])).toEqual({ shown: 1 });
    expect(document.querySelector(`a[href="${ALIVE}"]`)?.nextElementSibling?.localName).toBe(MARKER_TAG);
    expect(markerText({ url: ALIVE, linkIndexes: [], status: 'blocked' })).toBe(
      'Cited: could not verify, the site blocks automatic checks.',
    );
  });
});

describe('status markers on a long article', () => {
  it('list the page once for thousands of markers, and redraw only those whose status changed', () => {
    const count = 3000;
    document.body.innerHTML = `<article>${Array.from(
      { length: count },
      (_, i) => `<p>Source ${i}: <a href="https://s${i}.example/r">report ${i}</a>.</p>`,
    ).join('')}</article>`;
    const many = (status: (i: number) => MarkerItem['status']): MarkerItem[] =>
      Array.from({ length: count }, (_, i) => ({
        url: `https://s${i}.example/r`,
        linkIndexes: [i],
        status: status(i),
      }));
    let listings = 0;
    const querySelectorAll = document.querySelectorAll.bind(document);
    document.querySelectorAll = ((selector: string) => {
      listings++;
      return querySelectorAll(selector);
    }) as typeof document.querySelectorAll;
    try {
      expect(
        showMarkers(
          document,
          many(() => 'queued'),
        ).shown,
      ).toBe(count);
      expect(listings).toBeLessThanOrEqual(2);

      const box = (i: number) =>
        markerShadowForTests(document.querySelectorAll(MARKER_TAG)[i] as Element)?.querySelector('.marker');
      const drawn = (i: number) => box(i)?.firstChild;
      const before = [drawn(0), drawn(1)];
      const boxesBefore = [box(0), box(1)];
      showMarkers(
        document,
        many((i) => (i === 1 ? 'dead' : 'queued')),
      );
      // The unchanged marker keeps its drawing; the changed one is drawn anew inside the box it had, so the page
      // lays out only inside that marker (a new absolutely placed box would be laid out from the page's root).
      expect(drawn(0)).toBe(before[0]);
      expect(drawn(1)).not.toBe(before[1]);
      expect(box(1)).toBe(boxesBefore[1]);
      expect(box(1)?.getAttribute('title')).toMatch(/dead|broken|not found/i);
      expect(document.querySelectorAll(MARKER_TAG)[1]?.getAttribute('data-cited-status')).toBe('dead');
    } finally {
      document.querySelectorAll = querySelectorAll;
    }
  });
});
