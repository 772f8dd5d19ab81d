import { describe, expect, it } from 'vitest';
import { loadLater } from '../../../entrypoints/sidepanel/load-later';

describe('loadLater', () => {
  it('gives what the part exports once it loads', async () => {
    const part = await loadLater('quote checks', async () => ({ answer: 42 }));
    expect(part.answer).toBe(42);
  });

  it('names the part that could not load and what to do, keeping the browser reason', async () => {
    const failed = new TypeError(
      'Failed to fetch dynamically imported module: chrome-extension://id/chunks/source-check.js',
    );
    const load = loadLater('quote checks', () => Promise.reject(failed));
    await expect(load).rejects.toThrow(
      /^Cited could not load its quote checks \(Failed to fetch dynamically imported module: .*\)\. Close and reopen the panel/,
    );
    await expect(load).rejects.toMatchObject({ cause: failed });
  });
});
