import { describe, expect, it } from 'vitest';
import { createCaptureParts, readCaptureParts } from '../../../core/citations/capture-parts';
import type { CaptureResult } from '../../../core/citations/types';
import { captureResult, citation } from '../components/sample-capture';

function capture(count: number): CaptureResult {
  const result = captureResult();
  result.citations = Array.from({ length: count }, (_, i) =>
    citation(`https://source.example/${i}`, 'external', [
      { anchorText: `source ${i}`, sentence: 'A sentence.', linkIndex: i },
    ]),
  );
  return result;
}

const urls = (result: { citations: { url: string }[] } | null) => result?.citations.map((one) => one.url);

describe('a capture in parts', () => {
  it('sends a short article whole in its first message, holding nothing back', () => {
    const parts = createCaptureParts({ firstPart: 200 });
    const head = parts.head(capture(120));
    expect(head.citations).toHaveLength(120);
    expect(head.citationTotal).toBe(120);
    expect(() => parts.part({ captureId: head.captureId, from: 120, count: 50 })).toThrow(
      expect.objectContaining({ code: 'page-not-ready' }),
    );
  });

  it('keeps the article’s text and reader view in the page: the panel shows its metadata only', () => {
    const result = capture(10);
    result.article.contentHtml = `<p>${'A long paragraph. '.repeat(1000)}</p>`;
    result.article.textContent = 'A long paragraph. '.repeat(1000);
    const head = createCaptureParts().head(result);
    expect(head.article).toEqual({ ...result.article, contentHtml: null, textContent: '' });
    expect(JSON.stringify(head).length).toBeLessThan(JSON.stringify(result).length / 4);
  });

  it('reads a long article whole and in order, one part per request, each no bigger than asked', async () => {
    const parts = createCaptureParts({ firstPart: 200 });
    const head = parts.head(capture(1000));
    expect(head.citations).toHaveLength(200);
    const sizes: number[] = [];
    const sofar: number[] = [];
    const whole = await readCaptureParts(
      head,
      async (request) => {
        const part = parts.part(request);
        sizes.push(part.length);
        return part;
      },
      { perPart: 300, onPart: (result) => sofar.push(result.citations.length) },
    );
    expect(urls(whole)).toEqual(urls(capture(1000)));
    expect(sizes).toEqual([300, 300, 200]);
    expect(sofar).toEqual([500, 800]);
    expect(whole).not.toHaveProperty('captureId');
    expect(whole?.article).toEqual(head.article);
  });

  it('refuses a part of an older read or of another page, in words', () => {
    const parts = createCaptureParts({ firstPart: 10 });
    const first = parts.head(capture(100));
    parts.head(capture(100));
    expect(() => parts.part({ captureId: first.captureId, from: 10, count: 10 })).toThrow(
      /The page changed while Cited was reading its links/,
    );
    const otherPage = createCaptureParts({ firstPart: 10 });
    expect(() => otherPage.part({ captureId: first.captureId, from: 10, count: 10 })).toThrow(
      expect.objectContaining({ code: 'page-not-ready' }),
    );
  });

  it('lets go of the list once the last part is taken', () => {
    const parts = createCaptureParts({ firstPart: 10 });
    const head = parts.head(capture(30));
    expect(parts.part({ captureId: head.captureId, from: 10, count: 20 })).toHaveLength(20);
    expect(() => parts.part({ captureId: head.captureId, from: 10, count: 20 })).toThrow(
      expect.objectContaining({ code: 'page-not-ready' }),
    );
  });

  it('fails rather than loop when the page answers a part with nothing', async () => {
    const parts = createCaptureParts({ firstPart: 10 });
    const head = parts.head(capture(30));
    await expect(readCaptureParts(head, async () => [])).rejects.toMatchObject({ code: 'page-not-ready' });
  });

  it('stops quietly when the reader has moved on', async () => {
    const parts = createCaptureParts({ firstPart: 10 });
    const head = parts.head(capture(100));
    let asked = 0;
    const result = await readCaptureParts(
      head,
      async (request) => {
        asked += 1;
        return parts.part(request);
      },
      { perPart: 10, stale: () => asked >= 2 },
    );
    expect(result).toBeNull();
    expect(asked).toBe(2);
  });

  it('refuses a malformed request', () => {
    const parts = createCaptureParts({ firstPart: 10 });
    const head = parts.head(capture(30));
    expect(() => parts.part({ captureId: head.captureId, from: -1, count: 10 })).toThrow(/asked the page/);
    expect(() => parts.part({ captureId: head.captureId, from: 10, count: 0 })).toThrow(/asked the page/);
  });
});
