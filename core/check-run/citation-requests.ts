import type { CheckCitationsRequest } from '../citation-status/types';
import { MAX_URLS_PER_REQUEST } from './check-service';

/**
 * One article's check request as the parts the worker takes: at most MAX_URLS_PER_REQUEST addresses each, the
 * first replacing what the tab had, the others adding to it. Send them in order, each after the last's answer.
 */
export function citationRequests(request: CheckCitationsRequest): CheckCitationsRequest[] {
  if (request.urls.length <= MAX_URLS_PER_REQUEST) return [request];
  const parts: CheckCitationsRequest[] = [];
  const beside = new Set(request.beside);
  for (let from = 0; from < request.urls.length; from += MAX_URLS_PER_REQUEST) {
    const urls = request.urls.slice(from, from + MAX_URLS_PER_REQUEST);
    const { accessDates, beside: _, ...rest } = request;
    const dates = accessDates
      ? urls.filter((url) => accessDates[url]).map((url) => [url, accessDates[url]])
      : [];
    const besideHere = urls.filter((url) => beside.has(url));
    parts.push({
      ...rest,
      urls,
      ...(dates.length > 0 ? { accessDates: Object.fromEntries(dates) } : {}),
      ...(besideHere.length > 0 ? { beside: besideHere } : {}),
      ...(from > 0 ? { addToTab: true } : {}),
    });
  }
  return parts;
}
