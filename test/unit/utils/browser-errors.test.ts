import { describe, expect, it } from 'vitest';
import { isNoReceiverError, isPageReplacedError, isTabGoneError } from '../../../utils/browser-errors';

// The browsers' own words for the failures Cited treats as expected, in Chrome's and in Firefox's phrasing.

describe('the browser errors Cited reads by their words', () => {
  it('knows a tab that is gone, in both browsers', () => {
    expect(isTabGoneError(new Error('No tab with id: 42.'))).toBe(true);
    expect(isTabGoneError(new Error('Invalid tab ID: 42'))).toBe(true);
    expect(isTabGoneError('Tab was closed')).toBe(true);
    expect(isTabGoneError(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(
      false,
    );
  });

  it('knows that nothing listens at the other end', () => {
    expect(
      isNoReceiverError(new Error('Could not establish connection. Receiving end does not exist.')),
    ).toBe(true);
    expect(isNoReceiverError(new Error('The message port closed before a response was received.'))).toBe(
      true,
    );
    expect(isNoReceiverError(new Error('QuotaExceededError'))).toBe(false);
  });

  it('knows a page that was replaced while Cited talked to it', () => {
    expect(isPageReplacedError(new Error('Frame with ID 0 was removed.'))).toBe(true);
    expect(isPageReplacedError(new Error('No frame with id 3 in tab 12.'))).toBe(true);
    expect(
      isPageReplacedError(new Error('The page keeping the extension port is moved into back/forward cache')),
    ).toBe(true);
    expect(isPageReplacedError(new Error('Cannot access contents of the page.'))).toBe(false);
  });
});
