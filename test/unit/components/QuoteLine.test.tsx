// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CitationList } from '../../../components/CitationList';
import { QuoteLine, QuoteSummary, rowQuoteStatus } from '../../../components/QuoteLine';
import { matchQuotes } from '../../../core/quote-check';
import type { FoundQuote, QuoteVerdict } from '../../../core/quote-check/types';
import { click, mount, press } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const ferry = 'https://council.example/ferry';
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

/** The harbour citations in the list, the second with a quote line. */
function listWithQuoteLine(status: string, lineVerdicts: QuoteVerdict[], onOpenUrl: (url: string) => void) {
  const onGoTo = vi.fn();
  const quoted = harbourCitations[1]?.url;
  const mounted = mount(
    <CitationList
      citations={harbourCitations}
      onGoTo={onGoTo}
      onOpen={() => {}}
      quoteFor={(citation) =>
        citation.url === quoted
          ? {
              status,
              line: <QuoteLine verdicts={lineVerdicts} sourceUrl={ferry} onOpenUrl={onOpenUrl} />,
            }
          : null
      }
    />,
  );
  cleanup = mounted.unmount;
  return { mounted, onGoTo, quoted };
}

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
    const mounted = mount(<QuoteLine verdicts={verdicts} sourceUrl={ferry} onOpenUrl={onOpenUrl} />);
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

  it('offers "show in source" on the line itself, as a link a keyboard reaches, when the passage has one', () => {
    const onOpenUrl = vi.fn();
    const link = `${ferry}#:~:text=the%20ferry%20will%20sail%20every%20ninety%20minutes`;
    const mounted = mount(
      <QuoteLine
        verdicts={[{ ...(found as QuoteVerdict), showInSource: link } as QuoteVerdict]}
        sourceUrl={ferry}
        onOpenUrl={onOpenUrl}
      />,
    );
    cleanup = mounted.unmount;
    const show = mounted.container.querySelector('a[data-action="show-in-source"]') as HTMLAnchorElement;
    // Before the evidence is opened: an anchor with its address is in the tab order and opens on Enter (a click).
    expect(show.textContent).toBe('Show in source');
    expect(show.getAttribute('href')).toBe(link);
    expect(show.tabIndex).toBe(0);
    click(show);
    expect(onOpenUrl).toHaveBeenCalledWith(link);
  });

  it('says when no link leads to the passage alone, and still opens the page', () => {
    const onOpenUrl = vi.fn();
    const mounted = mount(
      <QuoteLine
        verdicts={[{ ...(found as QuoteVerdict), showInSource: null } as QuoteVerdict]}
        sourceUrl={ferry}
        onOpenUrl={onOpenUrl}
      />,
    );
    cleanup = mounted.unmount;
    const { container } = mounted;
    expect(container.querySelector('[data-action="show-in-source"]')).toBeNull();
    expect(container.textContent).toContain(
      'Cited could not make a link to this passage alone; open the source',
    );
    click(container.querySelector('a[data-action="open-source"]') as Element);
    expect(onOpenUrl).toHaveBeenCalledWith(ferry);
  });

  it('opens the archived copy at the passage for a quotation only the archived copy has', () => {
    const archivedUrl = 'https://web.archive.org/web/20170624000000/https://council.example/ferry';
    const link = `${archivedUrl}#:~:text=every%20ninety%20minutes`;
    const mounted = mount(
      <QuoteLine
        verdicts={[
          {
            status: 'archived-only',
            quote: 'the ferry will sail every ninety minutes',
            archivedUrl,
            archived: { ...(found as QuoteVerdict), showInSource: link } as FoundQuote,
          },
        ]}
        sourceUrl={ferry}
        onOpenUrl={() => {}}
      />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('[data-action="show-in-source"]')?.getAttribute('href')).toBe(
      link,
    );
  });

  it('has no link for a check kept from before links were made', () => {
    const mounted = mount(
      <QuoteLine verdicts={[found as QuoteVerdict]} sourceUrl={ferry} onOpenUrl={() => {}} />,
    );
    cleanup = mounted.unmount;
    expect(
      mounted.container.querySelector('[data-action="show-in-source"], [data-action="open-source"]'),
    ).toBeNull();
    expect(mounted.container.textContent).not.toContain('could not make a link');
  });

  it('opens "show in source" with Enter in the citation list, instead of scrolling the article to the link', () => {
    const onOpenUrl = vi.fn();
    const { mounted, onGoTo } = listWithQuoteLine('found', [verdicts[0] as QuoteVerdict], onOpenUrl);
    const show = mounted.container.querySelector('[data-action="show-in-source"]') as HTMLAnchorElement;
    show.focus();
    // Enter on a focused link is its click: the grid leaves it alone.
    expect(press(show, 'Enter').defaultPrevented).toBe(false);
    expect(press(show, ' ').defaultPrevented).toBe(false);
    click(show);
    expect(onOpenUrl).toHaveBeenCalledWith('https://council.example/ferry#:~:text=the%20ferry%20will%20sail');
    expect(onGoTo).not.toHaveBeenCalled();
  });

  it('says the source is being read while it is', () => {
    const mounted = mount(<QuoteLine verdicts={null} sourceUrl={ferry} onOpenUrl={() => {}} />);
    cleanup = mounted.unmount;
    expect(mounted.container.textContent).toContain('Looking for the quotation in the source');
  });

  it('marks the row with its quote status, and its evidence button does not scroll the page', () => {
    const { mounted, onGoTo, quoted } = listWithQuoteLine('differs', verdicts, () => {});
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
