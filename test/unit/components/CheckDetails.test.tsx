// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ArchiveAccess, CheckDetails } from '../../../components/CheckDetails';
import { CitationsView } from '../../../components/CitationsView';
import type { ArchiveState, CitationCheckState } from '../../../core/citation-status/types';
import type { Citation, CitationReference } from '../../../core/citations/types';
import type { CitationStatus } from '../../../core/linkcheck/types';
import { click, mount, press, rowUrls } from './render';
import { harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const NOW = Date.parse('2026-03-12T10:00:00Z');
const [sameSite, gazette, report] = harbourCitations as [Citation, Citation, Citation];

function deadState(url: string): CitationCheckState {
  return {
    key: url,
    status: 'dead',
    revision: 1,
    result: {
      url,
      status: 'dead',
      reason: 'The site answers 404 Not Found: the page is gone. Confirmed by a second try.',
      evidence: {
        httpStatus: 404,
        finalUrl: `${url}/`,
        redirected: true,
        redirectChain: [
          { url, status: 301 },
          { url: `${url}/`, status: 404 },
        ],
        contentType: 'text/html',
        pageTitle: 'Page not found',
        elapsedMs: 812,
        checkedAt: '2026-03-12T09:55:00Z',
        attempts: 2,
        redirectMode: 'manual',
        probe: {
          url: `${url}xyz`,
          httpStatus: 404,
          redirected: false,
          verdict: 'honest-404',
          cached: false,
        },
      },
    },
  };
}

const archived: ArchiveState = {
  key: gazette.url,
  archiveKey: 'k',
  looking: false,
  revision: 1,
  lookup: {
    url: gazette.url,
    beforePublication: {
      url: `https://web.archive.org/web/20210301000000/${gazette.url}`,
      timestamp: '20210301000000',
      date: '2021-03-01T00:00:00Z',
      status: '200',
      source: 'availability-api',
    },
    mostRecent: {
      url: `https://web.archive.org/web/20240101000000/${gazette.url}`,
      timestamp: '20240101000000',
      date: '2024-01-01T00:00:00Z',
      status: '200',
      source: 'availability-api',
    },
    publishedAt: '2021-05-04T23:59:59Z',
    lookedUpAt: '2026-03-12T09:56:00Z',
  },
};

function view(
  options: { access?: ArchiveAccess; archive?: ArchiveState | undefined; reference?: CitationReference } = {},
) {
  // With a reference, the Gazette's row is a source given in a note that says this of it.
  const { reference } = options;
  const citations = harbourCitations.map((citation) =>
    reference && citation.url === gazette.url
      ? { ...citation, section: 'notes' as const, reference }
      : citation,
  );
  const events = {
    onRecheck: vi.fn(),
    onLookupArchive: vi.fn(),
    onAllowArchive: vi.fn(),
    onOpenUrl: vi.fn(),
    onGoTo: vi.fn(),
  };
  const states = new Map<string, CitationCheckState>([[gazette.url, deadState(gazette.url)]]);
  const status = (citation: Citation): CitationStatus => states.get(citation.url)?.status ?? 'not-checked';
  const mounted = mount(
    <CitationsView
      citations={citations}
      source="article"
      onGoTo={events.onGoTo}
      onOpen={vi.fn()}
      statusFor={(citation) => ({ code: status(citation), label: status(citation) })}
      renderDetails={(citation) => (
        <CheckDetails
          citation={citation}
          state={states.get(citation.url)}
          archive={citation.url === gazette.url ? options.archive : undefined}
          archiveAccess={options.access ?? 'needs-consent'}
          archiveHost="archive.org"
          now={NOW}
          locale="en-GB"
          {...events}
        />
      )}
    />,
  );
  cleanup = mounted.unmount;
  const row = (citation: Citation) =>
    mounted.container.querySelector(`[data-citation-url="${citation.url}"]`) as HTMLElement;
  const toggle = (citation: Citation) =>
    row(citation).querySelector('[data-action="details"]') as HTMLElement;
  return { container: mounted.container, row, toggle, events };
}

describe('a row’s details', () => {
  it('expand and collapse with the details button, which says its state', () => {
    const { row, toggle } = view();
    expect(toggle(gazette).getAttribute('aria-expanded')).toBe('false');
    expect(row(gazette).querySelector('[data-check-details]')).toBeNull();
    click(toggle(gazette));
    expect(toggle(gazette).getAttribute('aria-expanded')).toBe('true');
    const region = row(gazette).querySelector('[data-row-details]') as HTMLElement;
    expect(toggle(gazette).getAttribute('aria-controls')).toBe(region.id);
    click(toggle(gazette));
    expect(row(gazette).querySelector('[data-row-details]')).toBeNull();
  });

  it('are reached from the keyboard: ArrowRight past the open button, then Enter', () => {
    const { row, toggle } = view();
    const main = row(gazette).querySelector('[data-col="0"]') as HTMLElement;
    main.focus();
    press(main, 'ArrowRight');
    expect(document.activeElement?.getAttribute('data-action')).toBe('open');
    press(document.activeElement as Element, 'ArrowRight');
    expect(document.activeElement).toBe(toggle(gazette));
    // Enter on a button is the button's own click; the grid does not turn it into "go to the link".
    const enter = press(toggle(gazette), 'Enter');
    expect(enter.defaultPrevented).toBe(false);
    click(toggle(gazette));
    expect(toggle(gazette).getAttribute('aria-expanded')).toBe('true');
    press(toggle(gazette), 'ArrowLeft');
    expect(document.activeElement?.getAttribute('data-action')).toBe('open');
  });

  it('show the reason and the evidence', () => {
    const { row, toggle } = view();
    click(toggle(gazette));
    const details = row(gazette).querySelector('[data-check-details]') as HTMLElement;
    expect(details.querySelector('[data-field="reason"]')?.textContent).toBe(
      'Dead. The site answers 404 Not Found: the page is gone. Confirmed by a second try.',
    );
    const fact = (name: string) => details.querySelector(`[data-evidence="${name}"] dd`)?.textContent;
    expect(fact('http-status')).toBe('404');
    expect(fact('final-url')).toBe('https://www.coastal-gazette.example/2021/03/ferry-timetable/');
    expect(
      Array.from(details.querySelectorAll('[data-evidence="redirect-chain"] li')).map(
        (hop) => hop.textContent,
      ),
    ).toEqual([
      '301 www.coastal-gazette.example/2021/03/ferry-timetable',
      '404 www.coastal-gazette.example/2021/03/ferry-timetable/',
    ]);
    expect(fact('content-type')).toBe('text/html');
    expect(fact('page-title')).toBe('“Page not found”');
    expect(fact('probe')).toContain('got a real error');
    expect(fact('checked-at')).toBe('5 minutes ago · took 812 ms · 2 requests');
  });

  it('offer the archive with consent when lookups are off, and never when forbidden', () => {
    const consent = view({ access: 'needs-consent' });
    click(consent.toggle(gazette));
    const ask = consent.row(gazette).querySelector('[data-action="allow-archive"]') as HTMLElement;
    expect(ask.textContent).toBe('Find archived copies (asks archive.org)');
    click(ask);
    expect(consent.events.onAllowArchive).toHaveBeenCalledOnce();
    cleanup?.();

    const forbidden = view({ access: 'forbidden' });
    click(forbidden.toggle(gazette));
    expect(forbidden.row(gazette).querySelector('[data-action="allow-archive"]')).toBeNull();
    expect(forbidden.row(gazette).querySelector('[data-archive-section]')?.textContent).toContain(
      'never to contact third-party services',
    );
  });

  it('name the copy before a reference’s access date as such, the date the lookup went by', () => {
    const { row, toggle } = view({
      access: 'allowed',
      archive: archived,
      reference: { title: 'Ferry timetable', accessDate: '2021-03-02' },
    });
    click(toggle(gazette));
    const before = row(gazette).querySelector('[data-archive="before-publication"]');
    expect(before?.textContent).toMatch(/^Before it was retrieved \(2 Mar 2021\)/);
    expect(row(gazette).textContent).not.toContain('Before publication');
  });

  it('list the archived copies with dates and open them', () => {
    const { row, toggle, events } = view({ access: 'allowed', archive: archived });
    click(toggle(gazette));
    const before = row(gazette).querySelector('[data-archive="before-publication"]') as HTMLElement;
    expect(before.querySelector('time')?.textContent).toBe('1 Mar 2021');
    const recent = row(gazette).querySelector('[data-archive="most-recent"]') as HTMLElement;
    expect(recent.querySelector('time')?.textContent).toBe('1 Jan 2024');
    click(recent.querySelector('[data-action="open-archived"]') as HTMLElement);
    expect(events.onOpenUrl).toHaveBeenCalledWith(
      `https://web.archive.org/web/20240101000000/${gazette.url}`,
    );
  });

  it('re-check one citation', () => {
    const { row, toggle, events } = view();
    click(toggle(gazette));
    click(row(gazette).querySelector('[data-action="recheck"]') as HTMLElement);
    expect(events.onRecheck).toHaveBeenCalledWith(gazette);
    expect(events.onGoTo).not.toHaveBeenCalled();
  });

  it('say a citation is not checked yet, without archive offers', () => {
    const { row, toggle } = view();
    click(toggle(report));
    expect(row(report).querySelector('[data-field="reason"]')?.textContent).toBe(
      'Not checked. Not checked yet.',
    );
    expect(row(report).querySelector('[data-archive-section]')).toBeNull();
    expect(row(sameSite).getAttribute('data-status')).toBe('not-checked');
  });
});

describe('the status filter', () => {
  it('narrows the list on top of the relation filter and says what is shown', () => {
    const statuses = new Map<string, CitationStatus>([
      [gazette.url, 'dead'],
      [sameSite.url, 'dead'],
    ]);
    const onClear = vi.fn();
    const mounted = mount(
      <CitationsView
        citations={harbourCitations}
        source="article"
        onGoTo={vi.fn()}
        onOpen={vi.fn()}
        statusFor={(c) => ({ code: statuses.get(c.url) ?? 'alive', label: statuses.get(c.url) ?? 'alive' })}
        statusFilter={{ code: 'dead', label: 'dead' }}
        onClearStatusFilter={onClear}
      />,
    );
    cleanup = mounted.unmount;
    expect(rowUrls(mounted.container)).toEqual([sameSite.url, gazette.url]);
    expect(mounted.container.querySelector('[data-live-count]')?.textContent).toBe('2 of 5 citations shown');
    click(mounted.container.querySelector('[data-filter="external"]') as HTMLElement);
    expect(rowUrls(mounted.container)).toEqual([gazette.url]);
    click(mounted.container.querySelector('[data-filter="same-site"]') as HTMLElement);
    expect(rowUrls(mounted.container)).toEqual([sameSite.url]);
  });
});
