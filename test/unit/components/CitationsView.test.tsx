// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationsView } from '../../../components/CitationsView';
import type { Citation } from '../../../core/citations/types';
import { click, mount, press, rowUrls, type } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function view(citations: Citation[] = harbourCitations, source: 'article' | 'main-content' = 'article') {
  const onGoTo = vi.fn();
  const onOpen = vi.fn();
  const mounted = mount(
    <CitationsView citations={citations} source={source} onGoTo={onGoTo} onOpen={onOpen} />,
  );
  cleanup = mounted.unmount;
  const { container } = mounted;
  const search = container.querySelector<HTMLInputElement>('[data-search]') as HTMLInputElement;
  const filter = (value: string) => {
    const radio = container.querySelector<HTMLInputElement>(`[data-filter="${value}"]`);
    if (!radio) throw new Error(`no filter ${value}`);
    click(radio);
  };
  const segmentCount = (value: string) =>
    container.querySelector(`[data-filter="${value}"] + .segmented__label .segmented__count`)?.textContent;
  const live = () => container.querySelector('[data-live-count]')?.textContent;
  return { container, search, filter, segmentCount, live, onGoTo, onOpen };
}

describe('CitationsView', () => {
  it('lists every citation in article order, each row marked with its URL and "not checked"', () => {
    const { container, live } = view();
    expect(rowUrls(container)).toEqual(harbourCitations.map((c) => c.url));
    const statuses = Array.from(container.querySelectorAll('[role="row"]')).map((row) =>
      row.getAttribute('data-status'),
    );
    expect(statuses).toEqual(Array(5).fill('not-checked'));
    expect(container.querySelector('[role="row"] [data-field="status"]')?.textContent).toBe('not checked');
    expect(live()).toBe('5 citations');
  });

  it('filters by relation and says how many are shown', () => {
    const { container, filter, live } = view();
    filter('external');
    expect(rowUrls(container)).toEqual([
      'https://www.coastal-gazette.example/2021/03/ferry-timetable',
      'https://transport.gov.example/reports/ferries-2020.html',
      'https://social.example/@islander/1234',
    ]);
    expect(live()).toBe('3 of 5 citations shown');
    filter('same-site');
    expect(rowUrls(container)).toEqual([
      'https://harbour-news.example/tag/ferries/',
      'https://harbour-news.example/2020/11/old-pier-closes/',
    ]);
    filter('all');
    expect(rowUrls(container)).toHaveLength(5);
  });

  it('searches anchor text, domain, URL and sentence, ignoring case and accents', () => {
    const { container, search } = view();
    type(search, 'GAZETTE');
    expect(rowUrls(container)).toEqual(['https://www.coastal-gazette.example/2021/03/ferry-timetable']);
    type(search, 'old-pier');
    expect(rowUrls(container)).toEqual(['https://harbour-news.example/2020/11/old-pier-closes/']);
    type(search, 'winter closures');
    expect(rowUrls(container)).toEqual(['https://transport.gov.example/reports/ferries-2020.html']);
    type(search, 'zurich');
    expect(rowUrls(container)).toEqual(['https://transport.gov.example/reports/ferries-2020.html']);
    type(search, 'social.example');
    expect(rowUrls(container)).toEqual(['https://social.example/@islander/1234']);
  });

  it('updates the segment counts to the citations matching the search', () => {
    const { search, segmentCount } = view();
    expect([segmentCount('all'), segmentCount('external'), segmentCount('same-site')]).toEqual([
      '5',
      '3',
      '2',
    ]);
    type(search, 'ferr');
    expect([segmentCount('all'), segmentCount('external'), segmentCount('same-site')]).toEqual([
      '3',
      '2',
      '1',
    ]);
  });

  it('combines the filter and the search, with an empty state that clears the search', () => {
    const { container, search, filter } = view();
    filter('same-site');
    type(search, 'gazette');
    expect(rowUrls(container)).toEqual([]);
    const empty = container.querySelector('[data-empty-state]');
    expect(empty?.textContent).toContain('No same-site citations match “gazette”');
    const clear = empty?.querySelector('button');
    expect(clear?.textContent).toBe('Clear search');
    if (clear) click(clear);
    expect(search.value).toBe('');
    expect(rowUrls(container)).toHaveLength(2);
  });

  it('clears the search with Escape', () => {
    const { container, search } = view();
    type(search, 'gazette');
    expect(rowUrls(container)).toHaveLength(1);
    press(search, 'Escape');
    expect(rowUrls(container)).toHaveLength(5);
  });

  it('focuses the search with "/" unless the reader is typing', () => {
    const { container, search } = view();
    const cell = container.querySelector<HTMLElement>('[data-col="0"]');
    cell?.focus();
    const event = press(cell as HTMLElement, '/');
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(search);
    const typed = press(search, '/');
    expect(typed.defaultPrevented).toBe(false);
  });

  it('says plainly when there is nothing to list', () => {
    const { container } = view([], 'main-content');
    expect(container.querySelector('[data-empty-state]')?.textContent).toContain(
      'The main content of this page has no links to other pages.',
    );
    expect(container.querySelector('[data-search]')).toBeNull();
  });
});
