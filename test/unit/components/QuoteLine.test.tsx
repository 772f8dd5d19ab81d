// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationList } from '../../../components/CitationList';
import { QuoteLine, QuoteSummary, rowQuoteStatus } from '../../../components/QuoteLine';
import { matchQuotes } from '../../../core/quote-check';
import type { QuoteVerdict } from '../../../core/quote-check/types';
import { click, mount } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const source =
  'The council said the ferry will sail every ninety minutes from April, starting on the first Monday.';
const [found, differs] = matchQuotes(
  ['the ferry will sail every ninety minutes', 'the ferry will sail every sixty minutes'],
  source,
) as QuoteVerdict[];
const verdicts: QuoteVerdict[] = [
  {
    ...(found as QuoteVerdict),
    showInSource: 'https://council.example/ferry#:~:text=the%20ferry%20will%20sail',
  } as QuoteVerdict,
  differs as QuoteVerdict,
];

describe('the quote line under a citation', () => {
  it('shows the status a fact-checker must look at first', () => {
    expect(rowQuoteStatus(verdicts)).toBe('differs');
    expect(rowQuoteStatus([verdicts[0] as QuoteVerdict])).toBe('found');
    // A quotation of another link in the same paragraph, not in this source, does not hide the one it has.
    expect(rowQuoteStatus([{ status: 'not-found', quote: 'other' }, verdicts[0] as QuoteVerdict])).toBe(
      'found',
    );
    expect(rowQuoteStatus([])).toBeNull();
  });

  it('reveals the evidence on request, with a link that opens the source at the passage', () => {
    const onOpenUrl = vi.fn();
    const mounted = mount(<QuoteLine verdicts={verdicts} onOpenUrl={onOpenUrl} />);
    cleanup = mounted.unmount;
    const { container } = mounted;
    expect(container.textContent).toContain('Quote ✏️ differs (1 of 2)');
    expect(container.querySelector('[data-quote-status]')).toBeNull();
    click(container.querySelector('[data-action="quote-evidence"]') as Element);
    const items = [...container.querySelectorAll('li[data-quote-status]')];
    expect(items.map((item) => item.getAttribute('data-quote-status'))).toEqual(['found', 'differs']);
    expect(items[1]?.textContent).toContain('[-sixty-]{+ninety+}');
    click(container.querySelector('[data-action="show-in-source"]') as Element);
    expect(onOpenUrl).toHaveBeenCalledWith('https://council.example/ferry#:~:text=the%20ferry%20will%20sail');
  });

  it('says the source is being read while it is', () => {
    const mounted = mount(<QuoteLine verdicts={null} onOpenUrl={() => {}} />);
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toContain('Looking for the quotation in the source');
  });

  it('marks the row with its quote status, and its evidence button does not scroll the page', () => {
    const onGoTo = vi.fn();
    const quoted = harbourCitations[1]?.url;
    const mounted = mount(
      <CitationList
        citations={harbourCitations}
        onGoTo={onGoTo}
        onOpen={() => {}}
        quoteFor={(citation) =>
          citation.url === quoted
            ? { status: 'differs', line: <QuoteLine verdicts={verdicts} onOpenUrl={() => {}} /> }
            : null
        }
      />,
    );
    cleanup = mounted.unmount;
    const rows = [...mounted.container.querySelectorAll('[role="row"]')];
    expect(rows.map((row) => row.getAttribute('data-quote-status'))).toEqual(
      harbourCitations.map((citation) => (citation.url === quoted ? 'differs' : null)),
    );
    click(mounted.container.querySelector('[data-action="quote-evidence"]') as Element);
    expect(onGoTo).not.toHaveBeenCalled();
  });

  it('counts the article’s quotations by verdict', () => {
    const mounted = mount(
      <QuoteSummary
        verdicts={[
          { status: 'not-found', quote: 'a' },
          ...verdicts,
          { status: 'not-checkable', quote: 'b', reason: 'not-text', detail: 'A PDF.' },
          { status: 'not-found', quote: 'c' },
        ]}
      />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toBe('Quotes: 1 found, 1 differs, 2 not found, 1 not checkable');
  });
});
