import { useEffect, useState } from 'preact/hooks';
import { ArticleHeader } from '../../components/ArticleHeader';
import type { CitationsViewProps } from '../../components/CitationsView';
import { PAGE_FAILURE_TITLES } from '../../components/failure-titles';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { Notice } from '../../components/Notice';
import { PageMessage } from '../../components/PageMessage';
import { TechnicalDetails } from '../../components/TechnicalDetails';
import { useDismissAfter } from '../../components/use-dismiss-after';
import { restrictionMessage } from '../../core/capture/restricted';
import { CheckedCitations } from './CheckedCitations';
import type { PanelState } from './page-follower';
import { SettingsButton } from './SettingsButton';
import { SnapshotSection } from './SnapshotSection';
import { usePageCapture } from './use-page-capture';

const NOTICE_MS = 6000;

export function App() {
  const { state, retry, goTo, open } = usePageCapture();
  const [notice, setNotice] = useState<string | null>(null);

  useDismissAfter(notice, () => setNotice(null), NOTICE_MS);

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
            title={PAGE_FAILURE_TITLES[state.code] ?? 'Cited could not read this page'}
            action={{ label: 'Try again', onClick: retry }}
          >
            <p>{state.message}</p>
            <TechnicalDetails detail={state.detail} />
          </PageMessage>
        </div>
      );
    case 'ready': {
      const { result } = state;
      return (
        <div class="panel__content" data-capture-source={result.source} key={result.article.metadata.url}>
          <ArticleHeader
            article={result.article}
            linkLimit={result.linkLimit}
            actions={
              <>
                <IconButton label="Read the page again" onClick={retry} action="reread">
                  <Icon name="reload" />
                </IconButton>
                <SettingsButton />
              </>
            }
          />
          <SnapshotSection tabId={state.tabId} result={result} />
          <CheckedCitations
            tabId={state.tabId}
            result={result}
            pending={state.pending}
            onGoTo={onGoTo}
            onOpen={onOpen}
          />
        </div>
      );
    }
  }
}
