import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Citation } from '../../core/citations/types';
import { errorMessage } from '../../core/errors/cited-error';
import { browserPorts, highlightInTab, openInNewTab } from './browser-ports';
import { latestInNextTask } from './next-frame';
import { createPageFollower, type PageFollower, type PanelState } from './page-follower';

export interface PageCapture {
  state: PanelState;
  /** Read the page again (after a failure, or when the page changed without navigating). */
  retry(): void;
  /** Scroll the page to one place of the citation (`placesOf`) and flash it. Resolves to a sentence for the reader. */
  goTo(citation: Citation, placeIndex: number): Promise<string | null>;
  open(citation: Citation): void;
}

/** The panel's one tie to the browser: follows the active tab and talks to the page's content script. */
export function usePageCapture(): PageCapture {
  const [state, setState] = useState<PanelState>({ kind: 'starting' });
  const follower = useRef<PageFollower | null>(null);
  const tabId = 'tabId' in state ? state.tabId : null;

  useEffect(() => {
    // The page's answer is drawn in the task after the one that received it (see latestInNextTask).
    const shown = latestInNextTask(setState);
    const instance = createPageFollower(browserPorts, shown.push);
    follower.current = instance;
    instance.start().catch((error: unknown) => {
      console.error('Cited: the panel could not find its tab', error);
      shown.push({ kind: 'no-tab' });
    });
    return () => {
      instance.stop();
      shown.cancel();
    };
  }, []);

  const retry = useCallback(() => follower.current?.refresh(), []);

  const goTo = useCallback(
    async (citation: Citation, placeIndex: number) => {
      if (tabId === null) return null;
      try {
        const { found } = await highlightInTab(tabId, citation, placeIndex);
        return found ? null : 'That link is no longer on the page. Re-read the page to update the list.';
      } catch (error) {
        return errorMessage(error);
      }
    },
    [tabId],
  );

  const open = useCallback(
    (citation: Citation) => {
      openInNewTab(citation.url, tabId).catch((error: unknown) => {
        console.error('Cited: could not open the source', error);
      });
    },
    [tabId],
  );

  return { state, retry, goTo, open };
}
