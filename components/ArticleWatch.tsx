import type { ComponentChildren } from 'preact';
import type { SourceHistory, WatchedArticle } from '../core/watch/types';
import { unseenText, watchChangeText } from './watch-change';
import './ArticleWatch.css';

/** What the panel is doing about watching right now. */
export type WatchAction = 'watch' | 'unwatch' | 'recheck' | 'seen' | null;

export interface ArticleWatchProps {
  /** The article's watch, or null when it is not watched. */
  watch: WatchedArticle | null;
  /** Its sources' histories by check key: what evidence is left of a source that broke. */
  histories: ReadonlyMap<string, SourceHistory>;
  /** The action under way, if any: its button says so and the others wait. */
  busy: WatchAction;
  /** The outcome of the last action ("Re-checked: nothing changed."), or why it failed. */
  message: string | null;
  onWatch: () => void;
  onUnwatch: () => void;
  onRecheck: () => void;
  onSeen: () => void;
}

/** The panel's line about watching the article: watched or not, what changed since the reader last looked, and the actions. */
export function ArticleWatch({
  watch,
  histories,
  busy,
  message,
  onWatch,
  onUnwatch,
  onRecheck,
  onSeen,
}: ArticleWatchProps) {
  return (
    <section
      class="article-watch"
      aria-label="Watching this article"
      data-article-watch={watch ? 'watched' : 'not-watched'}
    >
      <p class="article-watch__state" data-field="watch-state">
        {watch
          ? `Watched since ${day(watch.watchedAt)} · ${watch.lastCheckedAt ? `re-checked ${day(watch.lastCheckedAt)}` : 'not re-checked yet'} · ${unseenText(watch.unseen.length)}`
          : 'Not watched. Watch it to have its sources re-checked over time.'}
      </p>
      {watch && watch.unseen.length > 0 ? (
        <ul class="article-watch__changes">
          {watch.unseen.map((change) => (
            <li key={change.key} data-change={change.kind}>
              {watchChangeText(change, watch, histories.get(change.key))}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="article-watch__actions">
        {watch ? (
          <>
            <Action name="recheck-watch" busy={busy} onClick={onRecheck}>
              {busy === 'recheck' ? 'Re-checking…' : 'Re-check now'}
            </Action>
            {watch.unseen.length > 0 ? (
              <Action name="watch-seen" busy={busy} onClick={onSeen}>
                Mark as seen
              </Action>
            ) : null}
            <Action name="unwatch-article" busy={busy} onClick={onUnwatch}>
              Stop watching
            </Action>
          </>
        ) : (
          <Action name="watch-from-panel" busy={busy} onClick={onWatch}>
            {busy === 'watch' ? 'Watching…' : 'Watch this article'}
          </Action>
        )}
      </div>
      {message ? (
        <p class="article-watch__message" role="status" data-field="watch-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** One of the line's buttons: each waits while another action is under way. */
function Action({
  name,
  busy,
  onClick,
  children,
}: {
  name: string;
  busy: WatchAction;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="button button--small"
      data-action={name}
      disabled={busy !== null}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
