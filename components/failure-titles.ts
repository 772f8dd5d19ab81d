import type { CitedErrorCode } from '../core/errors/cited-error';

/** Headings for a page Cited could not reach: the same words whether it was reading the page or saving it. */
export const PAGE_FAILURE_TITLES: Partial<Record<CitedErrorCode, string>> = {
  'page-not-ready': 'The page is not ready yet',
  'page-too-big': 'This page is too big to read at once',
  'no-access': 'Cited could not read this page',
  timeout: 'The page did not answer',
};
