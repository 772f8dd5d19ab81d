import { describe, expect, it } from 'vitest';
import { fetchResourceWith } from '../../../core/snapshot/fetch-resource';

function stream(chunks: number, size: number, onPull: () => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      onPull();
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(7));
    },
  });
}

describe('fetchResourceWith', () => {
  it('returns the bytes and the content type', async () => {
    const fetchResource = fetchResourceWith(
      async () => new Response('abc', { headers: { 'content-type': 'text/css' } }),
    );
    const result = await fetchResource('https://a.example/x.css', 'stylesheet', { maxBytes: 100 });
    expect(new TextDecoder().decode(result?.bytes)).toBe('abc');
    expect(result?.contentType).toBe('text/css');
  });

  it('says what the server answered when it is not a success', async () => {
    const fetchResource = fetchResourceWith(async () => new Response('gone', { status: 404 }));
    await expect(fetchResource('https://a.example/x.png', 'image', { maxBytes: 100 })).rejects.toThrow(
      'the server answered 404',
    );
  });

  it('stops reading once the cap is passed instead of downloading everything', async () => {
    let pulls = 0;
    const fetchResource = fetchResourceWith(async () => new Response(stream(1000, 1000, () => pulls++)));
    await expect(fetchResource('https://a.example/big.png', 'image', { maxBytes: 5000 })).rejects.toThrow(
      /^larger than/,
    );
    expect(pulls).toBeLessThan(20);
  });

  it('refuses early on a declared Content-Length over the cap', async () => {
    const fetchResource = fetchResourceWith(
      async () => new Response('x', { headers: { 'content-length': '99999999' } }),
    );
    await expect(fetchResource('https://a.example/big.png', 'image', { maxBytes: 1000 })).rejects.toThrow(
      'larger than 1 kB (100.0 MB)',
    );
  });

  it('passes the request options and the cancellation on', async () => {
    let seen: RequestInit | undefined;
    const controller = new AbortController();
    const fetchResource = fetchResourceWith(
      async (_url, init) => {
        seen = init;
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
      { init: { cache: 'force-cache', credentials: 'omit' } },
    );
    const pending = fetchResource('https://a.example/x.png', 'image', {
      maxBytes: 10,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('reader cancelled')), 5);
    await expect(pending).rejects.toThrow('reader cancelled');
    expect(seen?.cache).toBe('force-cache');
    expect(seen?.credentials).toBe('omit');
  });

  it('gives up on a server that never answers', async () => {
    const fetchResource = fetchResourceWith(
      async (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { timeoutMs: 20 },
    );
    await expect(fetchResource('https://slow.example/x.png', 'image', { maxBytes: 10 })).rejects.toThrow(
      'no answer after 0.02 s',
    );
  });
});
