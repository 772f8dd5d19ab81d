// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureResult } from '../../../core/citations/types';
import type { SourceQuoteCheck } from '../../../core/quote-check/source-check';
import type { QuoteCheckPorts } from '../../../entrypoints/sidepanel/quote-check-ports';
import { type QuoteChecks, useQuoteChecks } from '../../../entrypoints/sidepanel/use-quote-checks';
import { mount } from '../components/render';
import { harbourCitations } from '../components/sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const quotedUrl = harbourCitations[1]?.url ?? '';
const result = {
  citations: harbourCitations.map((citation) =>
    citation.url === quotedUrl
      ? { ...citation, quotes: ['the ferry will sail every ninety minutes'] }
      : citation,
  ),
} as CaptureResult;

const check: SourceQuoteCheck = {
  url: quotedUrl,
  finalUrl: quotedUrl,
  httpStatus: 200,
  textOrigin: 'article',
  note: null,
  archivedUrl: null,
  checkedAt: '2026-03-12T10:00:00Z',
  verdicts: [{ status: 'not-found', quote: 'the ferry will sail every ninety minutes' }],
};

function harness(ports: QuoteCheckPorts) {
  let latest: QuoteChecks | undefined;
  function Probe({ ready, round }: { ready: boolean; round: number }) {
    latest = useQuoteChecks(result, ready, ports, undefined, round);
    return null;
  }
  const mounted = mount(<Probe ready={false} round={0} />);
  cleanup = mounted.unmount;
  return {
    rerender: (ready: boolean, round = 0) => {
      act(() => {
        render(<Probe ready={ready} round={round} />, mounted.container);
      });
    },
    state: () => latest as QuoteChecks,
  };
}

describe('quote checks in the panel', () => {
  it('wait for the link checks, then read only the quoted sources, once', async () => {
    let settle: (checks: SourceQuoteCheck[]) => void = () => {};
    const checkQuotes = vi.fn(() => new Promise<SourceQuoteCheck[]>((resolve) => (settle = resolve)));
    const probe = harness({ checkQuotes });
    expect(checkQuotes).not.toHaveBeenCalled();
    probe.rerender(true);
    expect(checkQuotes).toHaveBeenCalledTimes(1);
    expect(checkQuotes.mock.calls[0]?.[0 as never]).toEqual([result.citations[1]]);
    expect(probe.state().running).toBe(true);
    await act(async () => settle([check]));
    expect(probe.state()).toMatchObject({ running: false, error: null });
    expect(probe.state().checks.get(quotedUrl)?.verdicts[0]?.status).toBe('not-found');
    // A re-check of the links (not ready, then ready again) does not read the sources again.
    probe.rerender(false);
    probe.rerender(true);
    expect(checkQuotes).toHaveBeenCalledTimes(1);
    expect(probe.state().checks.size).toBe(1);
  });

  it('read the sources again after the reader re-checks, once the links are done, showing what they knew meanwhile', async () => {
    const answers: Array<(checks: SourceQuoteCheck[]) => void> = [];
    const checkQuotes = vi.fn(() => new Promise<SourceQuoteCheck[]>((resolve) => answers.push(resolve)));
    const probe = harness({ checkQuotes });
    probe.rerender(true);
    await act(async () => answers[0]?.([check]));
    // The re-check: links queued again (not ready) in a new round, then done.
    probe.rerender(false, 1);
    expect(checkQuotes).toHaveBeenCalledTimes(1);
    probe.rerender(true, 1);
    expect(checkQuotes).toHaveBeenCalledTimes(2);
    expect(probe.state().running).toBe(true);
    expect(probe.state().checks.get(quotedUrl)?.verdicts[0]?.status).toBe('not-found');
    const text = 'the ferry will sail every ninety minutes';
    const found: SourceQuoteCheck = {
      ...check,
      verdicts: [{ status: 'found', quote: text, passage: { start: 0, end: text.length, text } }],
    };
    await act(async () => answers[1]?.([found]));
    expect(probe.state().checks.get(quotedUrl)?.verdicts[0]?.status).toBe('found');
  });

  it('say plainly when the sources could not be read', async () => {
    const probe = harness({ checkQuotes: () => Promise.reject(new Error('offline')) });
    probe.rerender(true);
    await act(async () => {});
    expect(probe.state()).toMatchObject({ running: false, error: 'Could not check the quotations: offline' });
  });
});
