import { describe, expect, it } from 'vitest';
import {
  declaredCharset,
  type FetchLike,
  fetchSourcePage,
  notAPageReason,
} from '../../../core/save-job/source-fetch';

function answer(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): FetchLike {
  return async (_url, request) => {
    if (request.signal?.aborted) throw request.signal.reason;
    const response = new Response(body, init);
    if (init.url) Object.defineProperty(response, 'url', { value: init.url });
    return response;
  };
}

const HTML = { headers: { 'content-type': 'text/html; charset=utf-8' } };

describe('fetchSourcePage', () => {
  it('asks as a stranger: GET, no cookies, no referrer, redirects followed, no fragment', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const fetchImpl: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return new Response('<html><body>hi</body></html>', HTML);
    };
    const page = await fetchSourcePage(fetchImpl, 'https://news.example/story#comments');
    expect(page).toMatchObject({ ok: true, html: '<html><body>hi</body></html>' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://news.example/story');
    expect(seen[0]?.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
  });

  it('says what the server answered when it is not a page', async () => {
    expect(await fetchSourcePage(answer('gone', { status: 404 }), 'https://a.example/x')).toEqual({
      ok: false,
      reason: 'the server answered 404 (Not Found)',
    });
    expect(await fetchSourcePage(answer('', { status: 410 }), 'https://a.example/x')).toMatchObject({
      reason: 'the server answered 410 (Gone)',
    });
    expect(await fetchSourcePage(answer('', { status: 503 }), 'https://a.example/x')).toMatchObject({
      reason: 'the server answered 503 (Service Unavailable)',
    });
  });

  it('lists a PDF or an image clearly instead of keeping it', async () => {
    const pdf = await fetchSourcePage(
      answer('%PDF-1.4 ...', { headers: { 'content-type': 'application/pdf' } }),
      'https://a.example/minutes.pdf',
    );
    expect(pdf).toEqual({
      ok: false,
      reason: 'a PDF document, not a web page: not saved (open the original)',
    });
    const image = await fetchSourcePage(
      answer(new Uint8Array([0x89, 0x50]), { headers: { 'content-type': 'image/png' } }),
      'https://a.example/chart.png',
    );
    expect(image).toMatchObject({ reason: 'an image (image/png), not a web page: not saved' });
  });

  it('takes a page the server did not label, and the address it ended up at', async () => {
    const page = await fetchSourcePage(
      answer('<!DOCTYPE html><title>x</title>', { url: 'https://a.example/moved' }),
      'https://a.example/old',
    );
    expect(page).toMatchObject({ ok: true, finalUrl: 'https://a.example/moved' });
  });

  it('gives up after the timeout, with the reason', async () => {
    const never: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await fetchSourcePage(never, 'https://slow.example/', { timeoutMs: 20 })).toEqual({
      ok: false,
      reason: 'no answer after 0.02 s',
    });
  });

  it('says a site could not be reached when the connection fails', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const page = await fetchSourcePage(refused, 'https://gone.example/');
    expect(page.ok).toBe(false);
    expect(page.ok ? '' : page.reason).toMatch(/could not be reached/);
  });

  it('refuses pages over the size cap and addresses that are not the web', async () => {
    const big = await fetchSourcePage(answer('<html>'.repeat(100), HTML), 'https://a.example/', {
      maxBytes: 100,
    });
    expect(big).toEqual({ ok: false, reason: 'larger than 100 B: not saved' });
    expect(await fetchSourcePage(answer('', HTML), 'ftp://a.example/file')).toMatchObject({ ok: false });
    expect(await fetchSourcePage(answer('', HTML), 'not a url')).toEqual({
      ok: false,
      reason: 'not a valid web address',
    });
  });

  it('decodes the page in the encoding it declares', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'),
      0xe9,
      0x3c,
    ]);
    const page = await fetchSourcePage(
      answer(latin1, { headers: { 'content-type': 'text/html' } }),
      'https://a.example/',
    );
    expect(page.ok && page.html).toContain('café');
  });
});

describe('the helpers', () => {
  it('reads the charset from the header, a byte-order mark or a meta tag', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(declaredCharset('text/html; charset=Shift_JIS', bytes(''))).toBe('Shift_JIS');
    expect(declaredCharset('text/html', new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('utf-8');
    expect(
      declaredCharset(
        'text/html',
        bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
      ),
    ).toBe('windows-1252');
    expect(declaredCharset('', bytes('<p>no declaration</p>'))).toBe('utf-8');
  });

  it('tells pages from other files', () => {
    const none = new Uint8Array();
    expect(notAPageReason('text/html', none)).toBeNull();
    expect(notAPageReason('application/xhtml+xml', none)).toBeNull();
    expect(notAPageReason('application/json', none)).toBe('not a web page (application/json): not saved');
    expect(notAPageReason('', new TextEncoder().encode('%PDF-1.7'))).toContain('PDF');
  });
});
