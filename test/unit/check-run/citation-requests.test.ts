import { describe, expect, it } from 'vitest';
import { MAX_URLS_PER_REQUEST } from '../../../core/check-run/check-service';
import { citationRequests } from '../../../core/check-run/citation-requests';

const base = { tabId: 7, pageUrl: 'https://news.example/story', publishedTime: null, start: true };
const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://s${i}.example/`);

describe('citationRequests', () => {
  it('sends an ordinary article in one request', () => {
    expect(citationRequests({ ...base, urls: urls(26) })).toEqual([{ ...base, urls: urls(26) }]);
  });

  it('sends 5,000 citations in parts within the limit, every address once, the first part replacing', () => {
    const parts = citationRequests({ ...base, urls: urls(5000) });
    expect(parts.map((part) => part.urls.length)).toEqual([
      MAX_URLS_PER_REQUEST,
      MAX_URLS_PER_REQUEST,
      5000 - 2 * MAX_URLS_PER_REQUEST,
    ]);
    expect(parts.flatMap((part) => part.urls)).toEqual(urls(5000));
    expect(parts.map((part) => part.addToTab ?? false)).toEqual([false, true, true]);
    expect(parts.every((part) => part.tabId === 7 && part.start)).toBe(true);
  });

  it('sends each part the access dates of its own references only', () => {
    const all = urls(5000);
    const first = all[3] as string;
    const last = all[4999] as string;
    const parts = citationRequests({
      ...base,
      urls: all,
      accessDates: { [first]: '2021-02-01', [last]: '2024-04-12' },
    });
    expect(parts.map((part) => part.accessDates)).toEqual([
      { [first]: '2021-02-01' },
      undefined,
      { [last]: '2024-04-12' },
    ]);
  });

  it('sends each part the reference links (not counted on the badge) among its own addresses only', () => {
    const all = urls(5000);
    const copy = all[4998] as string;
    const parts = citationRequests({ ...base, urls: all, beside: [copy] });
    expect(parts.map((part) => part.beside)).toEqual([undefined, undefined, [copy]]);
  });
});
