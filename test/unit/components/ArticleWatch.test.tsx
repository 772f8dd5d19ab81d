// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleWatch, type ArticleWatchProps } from '../../../components/ArticleWatch';
import { CheckDetails } from '../../../components/CheckDetails';
import { WatchedSourceDetails } from '../../../components/WatchedSourceDetails';
import { watchChangeText } from '../../../components/watch-change';
import type { Citation } from '../../../core/citations/types';
import { newSourceHistory, recordCheck } from '../../../core/watch/history';
import { withEvents } from '../../../core/watch/source-events';
import type { SourceHistory, WatchedArticle } from '../../../core/watch/types';
import { newWatchedArticle } from '../../../core/watch/watched-article';
import { check, dayAt } from '../watch/watch-helpers';
import { click, mount } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function render(vnode: preact.ComponentChild) {
  const mounted = mount(vnode);
  cleanup = mounted.unmount;
  return mounted.container;
}

const gone = 'https://stats.example/passengers.html';

/** A source that stood on day 0 and failed on day 7 (and, with `back`, answered again on day 14). */
function history(back = false): { history: SourceHistory; watch: WatchedArticle } {
  let source = recordCheck(newSourceHistory(gone, gone), check(0, 'alive')).history;
  const broke = recordCheck(source, check(7, 'dead'));
  source = broke.history;
  let change = broke.change;
  if (back) {
    const recovered = recordCheck(source, check(14, 'alive'));
    source = recovered.history;
    change = recovered.change;
  }
  const watch = {
    ...newWatchedArticle({
      url: 'https://news.example/ferry-cut',
      title: 'Ferry cut',
      sources: [gone],
      watchedAt: dayAt(0),
      snapshotId: 'snap-1',
    }),
    lastCheckedAt: back ? dayAt(14) : dayAt(7),
    unseen: change ? [change] : [],
  };
  return { history: source, watch };
}

function events() {
  return { onWatch: vi.fn(), onUnwatch: vi.fn(), onRecheck: vi.fn(), onSeen: vi.fn() };
}

function panelLine(props: Partial<ArticleWatchProps> & ReturnType<typeof events>) {
  return render(<ArticleWatch watch={null} histories={new Map()} busy={null} message={null} {...props} />);
}

describe('the panel’s watching line', () => {
  it('offers to watch an article that is not watched', () => {
    const on = events();
    const container = panelLine(on);
    const section = container.querySelector('[data-article-watch]') as HTMLElement;
    expect(section.dataset.articleWatch).toBe('not-watched');
    expect(section.querySelector('[data-field="watch-state"]')?.textContent).toMatch(/^Not watched/);
    const watch = section.querySelector('[data-action="watch-from-panel"]') as HTMLButtonElement;
    // A real button: reached with Tab and pressed with Enter or Space.
    expect(watch.tagName).toBe('BUTTON');
    expect(watch.tabIndex).toBe(0);
    click(watch);
    expect(on.onWatch).toHaveBeenCalledTimes(1);
    expect(section.querySelector('[data-action="recheck-watch"]')).toBeNull();
  });

  it('says the article is watched, what changed since the reader last looked, and re-checks, marks seen or stops', () => {
    const on = events();
    const { watch } = history();
    const container = panelLine({ ...on, watch });
    const section = container.querySelector('[data-article-watch]') as HTMLElement;
    expect(section.dataset.articleWatch).toBe('watched');
    expect(section.querySelector('[data-field="watch-state"]')?.textContent).toBe(
      'Watched since 2026-03-02 · re-checked 2026-03-09 · 1 change since you last looked',
    );
    expect(section.querySelector('[data-change="broke"]')?.textContent).toBe(
      `${gone} broke: failing since 2026-03-09 (1 of 3). You saved this article: your snapshot is the evidence of what it cited.`,
    );
    click(section.querySelector('[data-action="recheck-watch"]') as HTMLElement);
    click(section.querySelector('[data-action="watch-seen"]') as HTMLElement);
    click(section.querySelector('[data-action="unwatch-article"]') as HTMLElement);
    expect([on.onRecheck, on.onSeen, on.onUnwatch].map((fn) => fn.mock.calls.length)).toEqual([1, 1, 1]);
    expect(section.querySelector('[data-action="watch-from-panel"]')).toBeNull();
  });

  it('while re-checking, says so and holds the other actions; then shows what the re-check found', () => {
    const { watch } = history();
    const busy = panelLine({ ...events(), watch, busy: 'recheck' });
    const buttons = [...busy.querySelectorAll('button')] as HTMLButtonElement[];
    expect(buttons.map((button) => [button.textContent, button.disabled])).toEqual([
      ['Re-checking…', true],
      ['Mark as seen', true],
      ['Stop watching', true],
    ]);
    cleanup?.();
    const done = panelLine({ ...events(), watch, message: 'Re-checked: nothing changed.' });
    expect(done.querySelector('[data-field="watch-message"]')?.textContent).toBe(
      'Re-checked: nothing changed.',
    );
  });
});

describe('a watched source’s timeline in its row details', () => {
  const citation = { ...(harbourCitations[1] as Citation), url: gone };
  function details(source: SourceHistory | undefined, watched = true) {
    return render(
      <CheckDetails
        citation={citation}
        state={undefined}
        archive={undefined}
        archiveAccess="needs-consent"
        archiveHost="archive.org"
        now={Date.parse(dayAt(15))}
        onRecheck={() => {}}
        onLookupArchive={() => {}}
        onAllowArchive={() => {}}
        onOpenUrl={() => {}}
        {...(watched ? { watch: <WatchedSourceDetails history={source} /> } : {})}
      />,
    );
  }

  it('shows failing since DATE (n of 3) and each check, as the library does', () => {
    const timeline = details(history().history).querySelector('[data-watch-timeline]') as HTMLElement;
    expect(timeline.querySelector('h3')?.textContent).toBe('Watched over time');
    expect(timeline.querySelector('[data-field="verdict"]')?.textContent).toBe(
      'failing since 2026-03-09 (1 of 3)',
    );
    expect([...timeline.querySelectorAll('[data-status]')].map((li) => li.textContent)).toEqual([
      '✓ 2026-03-02 alive (200)',
      '✗ 2026-03-09 dead (404)',
    ]);
  });

  it('says a source that answers again recovered, and one never re-checked is not checked yet', () => {
    const recovered = details(history(true).history).querySelector('[data-watch-timeline]') as HTMLElement;
    expect(recovered.querySelector('[data-field="verdict"]')?.textContent).toBe(
      'recovered on 2026-03-16 (failing since 2026-03-09)',
    );
    expect(recovered.querySelectorAll('[data-status]')).toHaveLength(3);
    cleanup?.();
    const fresh = details(undefined).querySelector('[data-watch-timeline]') as HTMLElement;
    expect(fresh.querySelector('[data-field="verdict"]')?.textContent).toBe('not checked yet');
    expect(fresh.querySelector('[data-field="timeline"]')).toBeNull();
  });

  it('is not there on an article that is not watched', () => {
    const container = details(history().history, false);
    expect(container.querySelector('[data-watch-timeline]')).toBeNull();
  });
});

describe('what else a re-check found, in the timeline and the change', () => {
  const quote = 'the ferry will sail every ninety minutes, the operator said';
  function found(): { history: SourceHistory; watch: WatchedArticle } {
    let source = recordCheck(newSourceHistory(gone, gone), check(0, 'alive'), {
      findings: { quotes: [{ quote, status: 'found' }] },
    }).history;
    source = recordCheck(source, check(3, 'alive'), {
      findings: { quotes: [{ quote, status: 'differs' }] },
    }).history;
    const broke = recordCheck(source, check(7, 'dead'), {
      findings: {
        archive: {
          url: gone,
          beforePublication: null,
          mostRecent: null,
          publishedAt: null,
          lookedUpAt: dayAt(7),
        },
      },
    });
    const base = history().watch;
    return { history: broke.history, watch: { ...base, unseen: broke.change ? [broke.change] : [] } };
  }

  it('lists quote verdict changes and the archive’s answer among the checks, by date', () => {
    const { history: source } = found();
    const container = render(<WatchedSourceDetails history={source} />);
    expect([...container.querySelectorAll('[data-field="timeline"] li')].map((li) => li.textContent)).toEqual(
      [
        '✓ 2026-03-02 alive (200)',
        '2026-03-02 quote “the ferry will sail every ninety minutes, the op…” found',
        // A check that said what the one before it said keeps only its date and status.
        '✓ 2026-03-05 alive',
        '2026-03-05 quote “the ferry will sail every ninety minutes, the op…” differs (was found)',
        '✗ 2026-03-09 dead (404)',
        '2026-03-09 no archived copy exists',
      ],
    );
  });

  it('says when a source broke that no archived copy exists, and that the reader’s snapshot is the evidence', () => {
    const { history: source, watch } = found();
    const container = panelLine({ ...events(), watch, histories: new Map([[gone, source]]) });
    expect(container.querySelector('[data-change="broke"]')?.textContent).toBe(
      `${gone} broke: failing since 2026-03-09 (1 of 3). No archived copy exists, but you saved this article: your snapshot is the evidence of what it cited.`,
    );
  });

  it('says when a source that still answers no longer says what the article quotes', () => {
    let source = recordCheck(newSourceHistory(gone, gone), check(0, 'alive'), {
      findings: { quotes: [{ quote, status: 'found' }] },
    }).history;
    const lost = recordCheck(source, check(7, 'alive'), {
      findings: { quotes: [{ quote, status: 'not-found' }] },
    });
    source = lost.history;
    const watch = { ...history().watch, unseen: lost.change ? [lost.change] : [] };
    const container = panelLine({ ...events(), watch, histories: new Map([[gone, source]]) });
    expect(container.querySelector('[data-change="quote"]')?.textContent).toBe(
      `${gone} no longer says what the article quotes: The quotation “${quote}” is not found in it any more.`,
    );
  });

  it('names the archived copy found instead', () => {
    const { watch } = found();
    const change = watch.unseen[0];
    const withCopy = withEvents(newSourceHistory(gone, gone), [
      {
        at: dayAt(7),
        kind: 'archived-copy',
        url: `https://web.archive.org/web/2025/${gone}`,
        date: '2025-11-30T00:00:00Z',
      },
    ]);
    expect(change ? watchChangeText(change, { snapshotId: null }, withCopy) : null).toBe(
      `${gone} broke: failing since 2026-03-09 (1 of 3). The archive has a copy of 2025-11-30.`,
    );
  });
});
