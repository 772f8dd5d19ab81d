import { describe, expect, it } from 'vitest';
import { CAPTURE_GONE_MESSAGE } from '../../../core/citations/capture-parts';
import { CitedError, serializeError } from '../../../core/errors/cited-error';
import { askInstalledCaptureScript, injectionError } from '../../../utils/page-access';

describe('injectionError', () => {
  it('turns the browser’s injection failures into codes with plain words', () => {
    const cases: Array<[string, string]> = [
      ['No tab with id: 42.', 'page-not-ready'],
      ['Frame with ID 0 was removed.', 'page-not-ready'],
      ['Could not establish connection. Receiving end does not exist.', 'page-not-ready'],
      ['No response', 'page-not-ready'],
      ['Frame with ID 0 is showing error page', 'no-access'],
      ['Cannot access a chrome:// URL', 'no-access'],
      ['The extensions gallery cannot be scripted.', 'no-access'],
      [
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
        'no-access',
      ],
      // Chrome's words when the page's answer is over its 64 MiB message limit: not "the page changed".
      ['Message exceeded maximum allowed size of 64MiB.', 'page-too-big'],
      ['Something odd', 'internal'],
    ];
    for (const [message, code] of cases) {
      const error = injectionError(new Error(message));
      expect(error.code, message).toBe(code);
      expect(error.detail).toBe(message);
      expect(error.message).not.toBe(message);
    }
  });
});

describe('askInstalledCaptureScript', () => {
  it('brings the page script’s own error across intact, and puts a page that went away in words', async () => {
    // Messaging clones what a handler threw into a plain object: its code and words must survive.
    const cloned = serializeError(new CitedError('page-not-ready', CAPTURE_GONE_MESSAGE));
    await expect(askInstalledCaptureScript(() => Promise.reject(cloned), 1000)).rejects.toMatchObject({
      name: 'CitedError',
      code: 'page-not-ready',
      message: CAPTURE_GONE_MESSAGE,
    });
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    await expect(askInstalledCaptureScript(() => Promise.reject(gone), 1000)).rejects.toMatchObject({
      code: 'page-not-ready',
      message: expect.stringMatching(/^The page changed while Cited was reading it\./),
    });
  });
});
