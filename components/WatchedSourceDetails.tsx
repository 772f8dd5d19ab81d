import type { SourceHistory } from '../core/watch/types';
import { SourceTimeline } from './SourceTimeline';

/** In a row's details on a watched article: the source's verdict over time and its timeline. */
export function WatchedSourceDetails({ history }: { history: SourceHistory | undefined }) {
  return (
    <section class="check-details__watch" aria-label="Watched over time" data-watch-timeline>
      <h3 class="check-details__heading">Watched over time</h3>
      <SourceTimeline history={history} />
    </section>
  );
}
