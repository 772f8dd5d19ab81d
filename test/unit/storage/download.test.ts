import { describe, expect, it } from 'vitest';
import { verifySnapshotHash } from '../../../core/snapshot/hash';
import { sanitizeFileName, snapshotDownload, snapshotFileName } from '../../../core/storage/download';
import { sealedHtml } from './helpers';

describe('downloading a snapshot', () => {
  it('names the file after the title and the capture date', () => {
    expect(
      snapshotFileName({ title: 'Police arrest 67 suspects', savedAt: '2024-05-01T23:59:00.000Z' }),
    ).toBe('Police arrest 67 suspects (2024-05-01).html');
  });

  it('removes what file systems refuse, keeps the rest of the title readable', () => {
    expect(sanitizeFileName('What "they" said: A/B? <yes> | no*\\ ok')).toBe('What they said A B yes no ok');
    expect(sanitizeFileName('  ..hidden.  ')).toBe('hidden');
    expect(sanitizeFileName('Zürich — 東京 ✓')).toBe('Zürich — 東京 ✓');
    expect(sanitizeFileName('line\nbreak\ttab\u0000nul')).toBe('line break tab nul');
    expect(sanitizeFileName('CON')).toBe('snapshot');
    expect(sanitizeFileName('???')).toBe('snapshot');
    const long = sanitizeFileName('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith(' ')).toBe(false);
  });

  it('falls back to the site name when the page has no usable title', () => {
    expect(
      snapshotFileName({
        title: '///',
        savedAt: '2024-05-01T00:00:00.000Z',
        url: 'https://www.news.example/a',
      }),
    ).toBe('news.example (2024-05-01).html');
  });

  it('gives the exact bytes whose hash the snapshot records', async () => {
    const sealed = await sealedHtml('Zürich', '<p>Grüße aus 東京</p>');
    const file = snapshotDownload({ title: 'Zürich', savedAt: '2024-05-01T00:00:00.000Z' }, sealed.html);
    expect(file.type).toBe('text/html;charset=utf-8');
    expect(file.filename).toBe('Zürich (2024-05-01).html');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toBe(sealed.html);
    expect(await verifySnapshotHash(text)).toMatchObject({ ok: true, recorded: sealed.sha256 });
  });
});
