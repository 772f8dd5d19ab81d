// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeLine, ChangeSummary } from '../../../components/ChangeLine';
import { CitationList } from '../../../components/CitationList';
import { compareTexts, type SourceChange } from '../../../core/source-change';
import { click, mount } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const url = harbourCitations[1]?.url ?? '';
const copy = {
  url: `https://web.archive.org/web/20250910120000/${url}`,
  date: '2025-09-10T12:00:00Z',
  citedAt: '2026-03-12T08:00:00Z',
  citedAtIs: 'publication' as const,
};
const edit = compareTexts(
  'The ferry will sail every ninety minutes from April, starting on the first Monday.',
  'The ferry will sail every sixty minutes from April, starting on the first Monday.',
);
const edited: SourceChange = {
  url,
  status: 'edited',
  summary:
    'The page was edited since the archived copy of 2025-09-10: 13% of its words changed, in 1 passage.',
  copy,
  liveUrl: url,
  changedShare: edit.changedShare,
  passages: edit.passages,
  morePassages: 0,
  checkedAt: '2026-03-12T10:00:00Z',
};
const as = (status: SourceChange['status']): SourceChange => ({ ...edited, status, passages: [] });

describe('the change line under a citation', () => {
  it('says how the source changed since cited and reveals the evidence on request', () => {
    const onOpenUrl = vi.fn();
    const mounted = mount(<ChangeLine change={edited} onOpenUrl={onOpenUrl} />);
    cleanup = mounted.unmount;
    const { container } = mounted;
    expect(container.textContent).toContain('Since cited: ✏️ edited');
    expect(container.querySelector('[data-change-evidence]')).toBeNull();
    click(container.querySelector('[data-action="change-evidence"]') as Element);
    const evidence = container.querySelector('[data-change-evidence]');
    expect(evidence?.textContent).toContain('13% of its words changed, in 1 passage.');
    expect(evidence?.querySelector('del')?.textContent).toBe('ninety');
    expect(evidence?.querySelector('ins')?.textContent).toBe('sixty');
    expect(evidence?.textContent).toContain(
      '“…ferry will sail every [-ninety-]{+sixty+} minutes from April, starting…”',
    );
    click(container.querySelector('[data-action="open-compared-copy"]') as Element);
    expect(onOpenUrl).toHaveBeenCalledWith(copy.url);
  });

  it('says the source is being compared while it is', () => {
    const mounted = mount(<ChangeLine change={null} onOpenUrl={() => {}} />);
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toContain('Comparing the source with its archived copy');
  });

  it('marks the row with its change status, and its evidence button does not scroll the page', () => {
    const onGoTo = vi.fn();
    const mounted = mount(
      <CitationList
        citations={harbourCitations}
        onGoTo={onGoTo}
        onOpen={() => {}}
        changeFor={(citation) =>
          citation.url === url
            ? { status: 'edited', line: <ChangeLine change={edited} onOpenUrl={() => {}} /> }
            : null
        }
      />,
    );
    cleanup = mounted.unmount;
    const rows = [...mounted.container.querySelectorAll('[role="row"]')];
    expect(rows.map((row) => row.getAttribute('data-change-status'))).toEqual(
      harbourCitations.map((citation) => (citation.url === url ? 'edited' : null)),
    );
    click(mounted.container.querySelector('[data-action="change-evidence"]') as Element);
    expect(onGoTo).not.toHaveBeenCalled();
  });

  it('counts the sources that changed since cited, by how', () => {
    const mounted = mount(
      <ChangeSummary changes={[edited, as('gone'), as('unchanged'), as('gone'), as('replaced')]} />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toBe(
      '4 of 5 sources compared changed since cited: 1 unchanged, 1 edited, 1 replaced, 2 gone',
    );
  });

  it('says nothing when no source was compared', () => {
    const mounted = mount(<ChangeSummary changes={[]} />);
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toBe('');
  });
});
