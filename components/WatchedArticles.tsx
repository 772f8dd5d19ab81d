import type { SourceHistory, WatchedArticle } from '../core/watch/types';
import { SourceTimeline } from './SourceTimeline';
import { unseenText, watchChangeText } from './watch-change';
import './WatchedArticles.css';

export interface WatchedArticlesProps {
  watches: WatchedArticle[];
  /** Source histories by check key (the timeline). */
  histories: ReadonlyMap<string, SourceHistory>;
  /** The article being re-checked now, or 'all'. */
  checking: string | null;
  onRecheck: (key?: string) => void;
  onSeen: (key: string) => void;
  onUnwatch: (key: string) => void;
}

/** Watched articles, the ones with changes the reader has not seen first; each source's compact timeline. */
export function WatchedArticles({
  watches,
  histories,
  checking,
  onRecheck,
  onSeen,
  onUnwatch,
}: WatchedArticlesProps) {
  if (watches.length === 0) return null;
  const ordered = [...watches].sort(
    (a, b) => b.unseen.length - a.unseen.length || a.title.localeCompare(b.title),
  );
  return (
    <section class="watched" aria-label="Watched articles" data-watched>
      <div class="watched__head">
        <h2 class="watched__title">Watched articles</h2>
        <button
          type="button"
          class="button"
          data-action="recheck-all"
          disabled={checking !== null}
          onClick={() => onRecheck()}
        >
          {checking === 'all' ? 'Re-checking…' : 'Re-check all now'}
        </button>
      </div>
      <ul class="watched__list">
        {ordered.map((watch) => (
          <li class="watched-item" key={watch.key} data-watch={watch.url} data-unseen={watch.unseen.length}>
            <div class="watched-item__head">
              <a class="watched-item__title" href={watch.url} target="_blank" rel="noopener noreferrer">
                {watch.title || watch.url}
              </a>
              <span class="watched-item__changes" data-field="unseen">
                {unseenText(watch.unseen.length)}
              </span>
            </div>
            <p class="watched-item__meta">
              {watch.lastCheckedAt ? `Checked ${day(watch.lastCheckedAt)}` : 'Not re-checked yet'} ·{' '}
              {watch.sources.length} {watch.sources.length === 1 ? 'source' : 'sources'}
            </p>
            {watch.unseen.length > 0 ? (
              <ul class="watched-item__unseen">
                {watch.unseen.map((change) => (
                  <li key={change.key} data-change={change.kind} class="watched-item__source">
                    {watchChangeText(change, watch, histories.get(change.key))}
                  </li>
                ))}
              </ul>
            ) : null}
            <details class="watched-item__timeline">
              <summary>Timeline of each source</summary>
              <ul>
                {watch.sourceKeys.map((key, i) => {
                  const history = histories.get(key);
                  return (
                    <li key={key} data-source={watch.sources[i]}>
                      <span class="watched-item__source">{watch.sources[i]}</span>:{' '}
                      <SourceTimeline history={history} />
                    </li>
                  );
                })}
              </ul>
            </details>
            <div class="watched-item__actions">
              <button
                type="button"
                class="button"
                data-action="recheck"
                disabled={checking !== null}
                onClick={() => onRecheck(watch.key)}
              >
                {checking === watch.key ? 'Re-checking…' : 'Re-check now'}
              </button>
              {watch.unseen.length > 0 ? (
                <button type="button" class="button" data-action="seen" onClick={() => onSeen(watch.key)}>
                  Mark as seen
                </button>
              ) : null}
              <button type="button" class="button" data-action="unwatch" onClick={() => onUnwatch(watch.key)}>
                Stop watching
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
