// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryList } from '../../../components/LibraryList';
import { WatchedArticles } from '../../../components/WatchedArticles';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import type { SourceHistory, WatchedArticle } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { check, dayAt } from '../watch/watch-helpers';
import { click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function render(vnode: preact.ComponentChild) {
  const mounted = mount(vnode);
  cleanup = mounted.unmount;
  return mounted.container;
}

const gone = 'https://stats.example/passengers.html';
const fine = 'https://council.example/plan';

function watched(): { watches: WatchedArticle[]; histories: Map<string, SourceHistory> } {
  let broken = newSourceHistory(gone, gone);
  broken = recordCheck(broken, check(0, 'alive')).history;
  const { history, change } = recordCheck(broken, check(7, 'dead'));
  const standing = recordCheck(newSourceHistory(fine, fine), check(7, 'alive')).history;
  const quiet = newWatchedArticle({
    url: 'https://news.example/a-quiet-story',
    title: 'A quiet story',
    sources: [fine],
    watchedAt: dayAt(0),
  });
  const changed = {
    ...newWatchedArticle({
      url: 'https://news.example/ferry-cut',
      title: 'Ferry cut',
      sources: [gone, fine],
      watchedAt: dayAt(0),
      snapshotId: 'snap-1',
    }),
    lastCheckedAt: dayAt(7),
    unseen: change ? [change] : [],
  };
  return {
    watches: [quiet, changed],
    histories: new Map([
      [gone, history],
      [fine, standing],
    ]),
  };
}

describe('WatchedArticles', () => {
  it('lists the article with unseen changes first, says what broke, and that the reader’s snapshot is the evidence', () => {
    const { watches, histories } = watched();
    const container = render(
      <WatchedArticles
        watches={watches}
        histories={histories}
        checking={null}
        onRecheck={() => {}}
        onSeen={() => {}}
        onUnwatch={() => {}}
      />,
    );
    const items = [...container.querySelectorAll('[data-watch]')];
    expect(items.map((item) => item.querySelector('.watched-item__title')?.textContent)).toEqual([
      'Ferry cut',
      'A quiet story',
    ]);
    expect(items[0]?.querySelector('[data-field="unseen"]')?.textContent).toBe(
      '1 change since you last looked',
    );
    expect(items[1]?.querySelector('[data-field="unseen"]')?.textContent).toBe(
      'No change since you last looked',
    );
    expect(items[0]?.querySelector('[data-change="broke"]')?.textContent).toBe(
      `${gone} broke: failing since 2026-03-09 (1 of 3). You saved this article: your snapshot is the evidence of what it cited.`,
    );
    const timeline = items[0]?.querySelector(`[data-source="${gone}"]`);
    expect(timeline?.querySelector('[data-field="verdict"]')?.textContent).toBe(
      'failing since 2026-03-09 (1 of 3)',
    );
    expect([...(timeline?.querySelectorAll('[data-status]') ?? [])].map((li) => li.textContent)).toEqual([
      '✓ 2026-03-02 alive (200)',
      '✗ 2026-03-09 dead (404)',
    ]);
  });

  it('re-checks one article or all, marks changes seen, stops watching', () => {
    const { watches, histories } = watched();
    const onRecheck = vi.fn();
    const onSeen = vi.fn();
    const onUnwatch = vi.fn();
    const container = render(
      <WatchedArticles
        watches={watches}
        histories={histories}
        checking={null}
        onRecheck={onRecheck}
        onSeen={onSeen}
        onUnwatch={onUnwatch}
      />,
    );
    const first = container.querySelector('[data-watch]') as HTMLElement;
    click(first.querySelector('[data-action="recheck"]') as HTMLElement);
    click(container.querySelector('[data-action="recheck-all"]') as HTMLElement);
    click(first.querySelector('[data-action="seen"]') as HTMLElement);
    click(first.querySelector('[data-action="unwatch"]') as HTMLElement);
    expect(onRecheck.mock.calls).toEqual([['https://news.example/ferry-cut'], []]);
    expect(onSeen).toHaveBeenCalledWith('https://news.example/ferry-cut');
    expect(onUnwatch).toHaveBeenCalledWith('https://news.example/ferry-cut');
  });

  it('shows nothing when no article is watched, and the library offers Watch on saved articles', () => {
    const empty = render(
      <WatchedArticles
        watches={[]}
        histories={new Map()}
        checking={null}
        onRecheck={() => {}}
        onSeen={() => {}}
        onUnwatch={() => {}}
      />,
    );
    expect(empty.querySelector('[data-watched]')).toBeNull();
    cleanup?.();
    const onWatch = vi.fn();
    const item = {
      id: 'a1',
      kind: 'article' as const,
      parentId: null,
      citedAs: null,
      url: 'https://news.example/ferry-cut',
      title: 'Ferry cut',
      siteName: 'News',
      savedAt: dayAt(0),
      bytes: 1000,
      sha256: 'b'.repeat(64),
      citationCount: 2,
      statusCounts: { alive: 2 },
      hasBroken: false,
      sourceCount: 0,
      failureCount: 0,
    };
    const list = render(
      <LibraryList
        items={[item, { ...item, id: 'a2', url: 'https://news.example/other', title: 'Other' }]}
        searching={false}
        empty={false}
        onDownload={() => {}}
        onDownloadArchive={() => {}}
        onDelete={() => {}}
        onWatch={onWatch}
        watchedUrls={new Set(['https://news.example/ferry-cut'])}
      />,
    );
    const buttons = [...list.querySelectorAll('[data-action="watch"]')] as HTMLButtonElement[];
    expect(buttons.map((b) => [b.textContent, b.disabled])).toEqual([
      ['Watching', true],
      ['Watch', false],
    ]);
    click(buttons[1] as HTMLElement);
    expect(onWatch).toHaveBeenCalledWith(expect.objectContaining({ id: 'a2' }));
  });
});
