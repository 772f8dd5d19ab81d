import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../../core/check-run/article-check';
import { MAX_URLS_PER_REQUEST } from '../../../core/check-run/check-service';
import type { CaptureResult, Citation } from '../../../core/citations/types';
import { LinkChecker } from '../../../core/linkcheck/checker';
import { DEFAULT_SETTINGS } from '../../../core/settings/settings';
import { html, page, ScriptedWeb, words } from '../linkcheck/scripted-web';
import { seededRandom } from '../linkcheck/setup';
import { ALIVE, ARTICLE, archiveAnswer, GONE, MOVED_HOME, smallWeb } from './service-helpers';

// checkArticle: the background worker's CheckService run to the end outside the browser (`npm run check`).

function citation(url: string): Citation {
  return {
    url,
    domain: new URL(url).hostname,
    registrableDomain: new URL(url).hostname,
    relation: 'external',
    kind: 'news',
    occurrences: [],
    quotes: [],
  };
}

function captureOf(urls: string[]): CaptureResult {
  return {
    article: {
      metadata: { url: ARTICLE, publishedTime: '2026-03-12' } as CaptureResult['article']['metadata'],
      isArticle: true,
      contentHtml: null,
      textContent: '',
    },
    citations: urls.map(citation),
    source: 'article',
    capturedAt: '2026-03-13T00:00:00Z',
  };
}

function deps(web: ScriptedWeb, archiveLookups: boolean, asked: string[] = []) {
  return {
    settings: { ...DEFAULT_SETTINGS, archiveLookups },
    createChecker: ({ globalConcurrency }: { globalConcurrency: number }) =>
      new LinkChecker({
        fetch: web.fetch,
        redirectMode: 'manual' as const,
        globalConcurrency,
        random: seededRandom(),
        retry: { deadConfirmDelayMs: 1, backoffBaseMs: 1, unreachableAttempts: 2 },
      }),
    lookupArchive: async (url: string, options: { publishedAt: string | null }) => {
      asked.push(url);
      return archiveAnswer(url, options.publishedAt);
    },
  };
}

describe('checkArticle', () => {
  it('gives every citation its verdict, and archived copies only for those that do not stand', async () => {
    const asked: string[] = [];
    const progress: number[] = [];
    const { results, archives } = await checkArticle(captureOf([ALIVE, GONE, MOVED_HOME]), {
      ...deps(smallWeb(new ScriptedWeb()), true, asked),
      onProgress: (checked) => progress.push(checked),
    });
    expect(Object.fromEntries(results.map((r) => [r.url, r.status]))).toEqual({
      [ALIVE]: 'alive',
      [GONE]: 'dead',
      [MOVED_HOME]: 'soft-404',
    });
    expect(asked.sort()).toEqual([GONE, MOVED_HOME].sort());
    expect(archives.find((a) => a.url === GONE)?.beforePublication?.timestamp).toBe('20200301101010');
    expect(progress.at(-1)).toBe(3);
  });

  it('looks up a reference’s source by its access date, the article’s others by the article’s date (npm run check)', async () => {
    const moments: Record<string, string | null> = {};
    const capture = captureOf([GONE, MOVED_HOME]);
    const [gone] = capture.citations as [Citation];
    gone.reference = { title: 'Ferry cuts', accessDate: '2021-02-01' };
    const { archives } = await checkArticle(capture, {
      ...deps(smallWeb(new ScriptedWeb()), true),
      lookupArchive: async (url: string, options: { publishedAt: string | null }) => {
        moments[url] = options.publishedAt;
        return archiveAnswer(url, options.publishedAt);
      },
    });
    expect(moments).toEqual({ [GONE]: '2021-02-01', [MOVED_HOME]: '2026-03-12' });
    expect(archives.find((a) => a.url === GONE)?.publishedAt).toBe('2021-02-01');
  });

  it('asks no archive when lookups are off', async () => {
    const asked: string[] = [];
    const { archives } = await checkArticle(
      captureOf([ALIVE, GONE]),
      deps(smallWeb(new ScriptedWeb()), false, asked),
    );
    expect(asked).toEqual([]);
    expect(archives).toEqual([]);
  });

  it('checks an article with more citations than one worker request takes', async () => {
    const count = MAX_URLS_PER_REQUEST + 5;
    const urls = Array.from({ length: count }, (_, i) => `https://many.example/story/${i}`);
    const web = new ScriptedWeb();
    for (const url of urls) web.on(url, html(page(url, words(url, 30))));
    const { results } = await checkArticle(captureOf(urls), deps(web, false));
    expect(results).toHaveLength(count);
    expect(results.every((result) => result.status === 'alive')).toBe(true);
  });

  it('ends at once for an article without citations', async () => {
    expect(await checkArticle(captureOf([]), deps(new ScriptedWeb(), true))).toEqual({
      results: [],
      archives: [],
    });
  });
});
