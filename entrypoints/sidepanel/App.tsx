import { useEffect, useState } from 'preact/hooks';
import { ArticleHeader } from '../../components/ArticleHeader';
import type { CitationsViewProps } from '../../components/CitationsView';
import { IconButton } from '../../components/IconButton';
import { Notice } from '../../components/Notice';
import { PageMessage } from '../../components/PageMessage';
import { restrictionMessage } from '../../core/capture/restricted';
import type { CitedErrorCode } from '../../core/errors/cited-error';
import { CheckedCitations } from './CheckedCitations';
import type { PanelState } from './page-follower';
import { SettingsButton } from './SettingsButton';
import { SnapshotSection } from './SnapshotSection';
import { usePageCapture } from './use-page-capture';

const NOTICE_MS = 6000;

const FAILURE_TITLES: Partial<Record<CitedErrorCode, string>> = {
  'page-not-ready': 'The page is not ready yet',
  'no-access': 'Cited could not read this page',
  timeout: 'The page did not answer',
};

export function App() {
  const { state, retry, goTo, open } = usePageCapture();
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // A notice about the previous page means nothing on the next one.
  const page = state.kind === 'ready' ? state.result.article.metadata.url : state.kind;
  useEffect(() => setNotice(null), [page]);

  return (
    <>
      <main
        class="panel"
        aria-busy={state.kind === 'loading' || state.kind === 'starting' ? 'true' : undefined}
      >
        <PanelBody
          state={state}
          retry={retry}
          onGoTo={(citation, index) => {
            void goTo(citation, index).then(setNotice);
          }}
          onOpen={open}
        />
      </main>
      <Notice message={notice} onDismiss={() => setNotice(null)} />
    </>
  );
}

interface PanelBodyProps {
  state: PanelState;
  retry: () => void;
  onGoTo: CitationsViewProps['onGoTo'];
  onOpen: CitationsViewProps['onOpen'];
}

function PanelBody({ state, retry, onGoTo, onOpen }: PanelBodyProps) {
  switch (state.kind) {
    case 'starting':
    case 'loading':
      return <PageMessage tone="busy" title="Reading the page…" />;
    case 'no-tab':
      return (
        <PageMessage tone="info" title="No page to read" action={{ label: 'Try again', onClick: retry }}>
          <p>Open an article in this window and Cited will list what it cites.</p>
        </PageMessage>
      );
    case 'restricted': {
      const { title, body } = restrictionMessage(state.reason);
      return (
        <div data-restricted={state.reason}>
          <PageMessage tone="info" title={title}>
            <p>{body}</p>
          </PageMessage>
        </div>
      );
    }
    case 'failed':
      return (
        <div data-failed={state.code}>
          <PageMessage
            tone="warning"
            title={FAILURE_TITLES[state.code] ?? 'Cited could not read this page'}
            action={{ label: 'Try again', onClick: retry }}
          >
            <p>{state.message}</p>
            {state.detail ? (
              <details class="technical">
                <summary>Technical details</summary>
                <code>{state.detail}</code>
              </details>
            ) : null}
          </PageMessage>
        </div>
      );
    case 'ready': {
      const { result } = state;
      return (
        <div class="panel__content" data-capture-source={result.source} key={result.article.metadata.url}>
          <ArticleHeader
            article={result.article}
            actions={
              <>
                <IconButton label="Read the page again" onClick={retry} action="reread">
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path
                      d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3"
                      fill="none"
                      stroke="currentColor"
                      stroke-width="1.5"
                      stroke-linecap="round"
                      stroke-linejoin="round"
                    />
                  </svg>
                </IconButton>
                <SettingsButton />
              </>
            }
          />
          <SnapshotSection tabId={state.tabId} result={result} />
          <CheckedCitations tabId={state.tabId} result={result} onGoTo={onGoTo} onOpen={onOpen} />
        </div>
      );
    }
  }
}
