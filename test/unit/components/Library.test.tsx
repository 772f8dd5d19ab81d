// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryConfirmDialog } from '../../../components/LibraryConfirmDialog';
import { LibraryList } from '../../../components/LibraryList';
import { LibraryRestoreReport } from '../../../components/LibraryRestoreReport';
import { LibrarySigningKey } from '../../../components/LibrarySigningKey';
import { LibraryStorage } from '../../../components/LibraryStorage';
import { LibraryToolbar } from '../../../components/LibraryToolbar';
import { SnapshotViewer, type SnapshotViewerProps } from '../../../components/SnapshotViewer';
import { localSnapshotId, withDisplayPolicy } from '../../../components/snapshot-frame-html';
import { SNAPSHOT_CSP } from '../../../core/snapshot/header';
import type { LibraryQuery } from '../../../core/storage/library';
import type { SnapshotDetails, SnapshotSummary } from '../../../core/storage/types';
import { click, mount, press, type } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function render(vnode: preact.ComponentChild) {
  const mounted = mount(vnode);
  cleanup = mounted.unmount;
  return mounted.container;
}

function summary(overrides: Partial<SnapshotSummary> = {}): SnapshotSummary {
  return {
    id: 'a1',
    kind: 'article',
    parentId: null,
    citedAs: null,
    url: 'https://harbour.example/2026/03/story',
    title: 'Harbour swim tests stopped',
    siteName: 'The Harbour Gazette',
    savedAt: '2026-03-12T10:05:00.000Z',
    bytes: 2_400_000,
    sha256: 'b'.repeat(64),
    citationCount: 4,
    statusCounts: { alive: 2, dead: 1, 'not-checked': 1 },
    hasBroken: true,
    sourceCount: 2,
    failureCount: 0,
    ...overrides,
  };
}

describe('LibraryList', () => {
  it('shows each snapshot with its title link, site, size, sources and statuses, worst first', () => {
    const onDownload = vi.fn();
    const onDownloadArchive = vi.fn();
    const onDelete = vi.fn();
    const container = render(
      <LibraryList
        items={[
          summary(),
          summary({ id: 's1', kind: 'source', parentId: 'a1', title: 'Herald story', sourceCount: 0 }),
        ]}
        searching={false}
        empty={false}
        onDownload={onDownload}
        onDownloadArchive={onDownloadArchive}
        onDelete={onDelete}
        locale="en-GB"
      />,
    );
    const [article, source] = Array.from(container.querySelectorAll('[data-snapshot-id]'));
    expect(article?.querySelector('[data-field="title"]')?.getAttribute('href')).toBe('#/snapshot/a1');
    expect(article?.querySelector('[data-field="site"]')?.textContent).toBe('The Harbour Gazette');
    expect(article?.querySelector('[data-field="size"]')?.textContent).toBe('2.4 MB');
    expect(article?.querySelector('[data-field="sources"]')?.textContent).toBe('with 2 sources');
    expect(
      Array.from(article?.querySelectorAll('[data-status-summary] li') ?? []).map((li) => li.textContent),
    ).toEqual(['1 dead', '2 alive', '1 not checked']);
    expect(source?.querySelector('[data-field="kind"]')?.textContent).toBe('source');
    click(article?.querySelector('[data-action="download"]') as HTMLElement);
    click(source?.querySelector('[data-action="delete"]') as HTMLElement);
    expect(onDownload.mock.calls[0]?.[0].id).toBe('a1');
    expect(onDelete.mock.calls[0]?.[0].id).toBe('s1');
    expect(article?.querySelector('[data-action="delete"]')?.getAttribute('aria-label')).toBe(
      'Delete “Harbour swim tests stopped”',
    );
  });

  it('offers an article saved with its sources as a web archive, and only such an article', () => {
    const onDownloadArchive = vi.fn();
    const container = render(
      <LibraryList
        items={[
          summary(),
          summary({ id: 'a2', title: 'Saved alone', sourceCount: 0 }),
          summary({ id: 's1', kind: 'source', parentId: 'a1', title: 'Herald story', sourceCount: 0 }),
        ]}
        searching={false}
        empty={false}
        onDownload={vi.fn()}
        onDownloadArchive={onDownloadArchive}
        onDelete={vi.fn()}
      />,
    );
    const buttons = Array.from(container.querySelectorAll('[data-action="download-archive"]'));
    expect(
      buttons.map((button) => button.closest('[data-snapshot-id]')?.getAttribute('data-snapshot-id')),
    ).toEqual(['a1']);
    expect(buttons[0]?.textContent).toBe('Download archive (.wacz)');
    click(buttons[0] as HTMLElement);
    expect(onDownloadArchive.mock.calls[0]?.[0].id).toBe('a1');
  });

  it('says how to save a first snapshot, or that nothing matches', () => {
    const props = { items: [], onDownload: vi.fn(), onDownloadArchive: vi.fn(), onDelete: vi.fn() };
    expect(render(<LibraryList {...props} searching={false} empty />).textContent).toContain(
      'No snapshots yet',
    );
    cleanup?.();
    expect(render(<LibraryList {...props} searching empty={false} />).textContent).toBe(
      'No snapshot matches your search',
    );
  });
});

describe('LibraryToolbar', () => {
  it('searches, sorts and filters', () => {
    const onChange = vi.fn();
    const query: LibraryQuery = { sort: 'savedAt', direction: 'desc', kind: 'article' };
    const container = render(<LibraryToolbar query={query} onChange={onChange} shown={3} total={10} />);
    type(container.querySelector('[data-library-search]') as HTMLInputElement, 'harbour');
    const sort = container.querySelector('[data-library-sort]') as HTMLSelectElement;
    sort.value = 'largest';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    const kind = container.querySelector('[data-library-kind]') as HTMLSelectElement;
    kind.value = 'source';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    click(container.querySelector('[data-library-broken]') as HTMLElement);
    expect(onChange.mock.calls.map(([next]) => next)).toEqual([
      { ...query, text: 'harbour' },
      { ...query, sort: 'size', direction: 'desc' },
      { ...query, kind: 'source' },
      { ...query, onlyBroken: true },
    ]);
    expect(container.querySelector('[data-library-count]')?.textContent).toBe('3 of 10 saved pages shown');
  });
});

describe('LibraryConfirmDialog', () => {
  it('asks before deleting: the safe choice has the focus, Escape and Cancel keep the snapshot', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const container = render(
      <LibraryConfirmDialog
        open
        title="Delete this snapshot?"
        confirmLabel="Delete"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>It will be removed.</p>
      </LibraryConfirmDialog>,
    );
    const dialog = container.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('confirm-dialog-title');
    expect(document.activeElement?.getAttribute('data-action')).toBe('cancel');
    press(dialog, 'Escape');
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(onCancel).toHaveBeenCalled();
    click(container.querySelector('[data-action="confirm"]') as HTMLElement);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    opener.remove();
  });
});

describe('LibraryRestoreReport and LibraryStorage', () => {
  it('reports a restore: how many came back, which were refused and why', () => {
    const container = render(
      <LibraryRestoreReport
        fileName="cited-library-2026-03-12.wacz"
        report={{
          restored: ['a', 'b'],
          skipped: [{ id: 'c', title: 'C', url: 'https://c.example/', reason: 'already in the library' }],
          refused: [
            {
              id: 'd',
              title: 'Damaged one',
              url: 'https://d.example/',
              reason: 'its content does not match its recorded SHA-256',
            },
          ],
          warnings: ['archive/data.warc: digest does not match; each snapshot in it was checked on its own.'],
          signature: { state: 'unsigned' },
        }}
        onDismiss={vi.fn()}
      />,
    );
    expect(container.querySelector('[data-restore-summary]')?.textContent).toBe(
      'cited-library-2026-03-12.wacz: restored 2 snapshots, 1 already in the library, 1 refused.',
    );
    expect(container.querySelector('[data-restore-refused]')?.textContent).toBe(
      'Damaged one: its content does not match its recorded SHA-256',
    );
    expect(container.querySelector('[data-restore-warnings]')?.textContent).toContain(
      'digest does not match',
    );
    expect(container.querySelector('[data-restore-signature]')?.textContent).toBe(
      'Not signed: its files matched their digests, but nothing shows who made it.',
    );
  });

  it('says who signed a restored file, and when it was this browser', () => {
    const fingerprint = '0a1b 2c3d 4e5f 6071 8293 a4b5 c6d7 e8f9 0a1b 2c3d 4e5f 6071 8293 a4b5 c6d7 e8f9';
    const report = (own: string | null) =>
      render(
        <LibraryRestoreReport
          fileName="signed.wacz"
          report={{
            restored: ['a'],
            skipped: [],
            refused: [],
            warnings: [],
            signature: {
              state: 'signed',
              publicKey: 'MHYw',
              fingerprint,
              created: '2026-03-12T10:00:00.000Z',
              software: 'Cited 0.1.0',
            },
          }}
          ownFingerprint={own}
          onDismiss={vi.fn()}
        />,
      ).querySelector('[data-restore-signature]')?.textContent;
    expect(report(fingerprint)).toBe(
      `Signed 2026-03-12T10:00:00.000Z with this browser’s key ${fingerprint}; the signature holds.`,
    );
    expect(report(null)).toBe(
      `Signed 2026-03-12T10:00:00.000Z with the key ${fingerprint}; the signature holds.`,
    );
  });

  it('shows the fingerprint of the key this browser signs with, or when it will be made', () => {
    expect(render(<LibrarySigningKey fingerprint={null} />).textContent).toBe(
      'Archives will be signed with a key this browser makes on the first backup.',
    );
    expect(
      render(<LibrarySigningKey fingerprint="0a1b 2c3d" />).querySelector('[data-fingerprint]')?.textContent,
    ).toBe('0a1b 2c3d');
  });

  it('shows the space used and whether the browser keeps it, with a way to ask it to', () => {
    const onPersist = vi.fn();
    const container = render(
      <LibraryStorage
        snapshots={12}
        bytes={24_100_000}
        estimate={{ usage: 30_000_000, quota: 1e10 }}
        persistence="best-effort"
        onPersist={onPersist}
      />,
    );
    expect(container.querySelector('[data-storage-used]')?.textContent).toBe(
      '12 snapshots · 24.1 MB (30.0 MB of browser storage in use)',
    );
    expect(container.querySelector('[data-storage-persistence]')?.textContent).toContain(
      'may clear snapshots',
    );
    click(container.querySelector('[data-action="persist"]') as HTMLElement);
    expect(onPersist).toHaveBeenCalled();
    cleanup?.();
    const kept = render(
      <LibraryStorage
        snapshots={1}
        bytes={10}
        estimate={null}
        persistence="unlimited"
        onPersist={onPersist}
      />,
    );
    expect(kept.querySelector('[data-action="persist"]')).toBeNull();
    expect(kept.querySelector('[data-storage-persistence]')?.textContent).toContain(
      'Kept until you delete them',
    );
  });
});

describe('SnapshotViewer', () => {
  const details: SnapshotDetails = {
    id: 'a1',
    article: null,
    metadata: null,
    citations: [
      {
        url: 'https://herald.example/a',
        domain: 'herald.example',
        registrableDomain: 'herald.example',
        relation: 'external',
        kind: 'news',
        occurrences: [{ order: 0, anchorText: 'the Herald', sentence: 'As the Herald said.', linkIndex: 0 }],
        quotes: [],
        status: 'alive',
        sourceSnapshotId: 's1',
      },
      {
        url: 'https://gone.example/b',
        domain: 'gone.example',
        registrableDomain: 'gone.example',
        relation: 'external',
        kind: 'news',
        occurrences: [{ order: 1, anchorText: 'the Gazette', sentence: 'The Gazette too.', linkIndex: 1 }],
        quotes: [],
        status: 'dead',
        statusReason: 'The site answers 404.',
        sourceNotSaved: 'the server answered 404 (Not Found)',
      } as SnapshotDetails['citations'][number],
    ],
    failures: [{ url: 'https://cdn.example/x.png', kind: 'image', reason: 'the server answered 404' }],
    removed: {
      scripts: 3,
      eventHandlers: 2,
      scriptUrls: 0,
      embeds: 1,
      trackers: 0,
      metaRefresh: 0,
      hiddenElements: 0,
      unusedCssRules: 0,
      unusedFonts: 0,
      media: 0,
    },
    resources: { count: 12, bytes: 2_000_000 },
    text: '',
  };

  function viewer(overrides: Partial<SnapshotViewerProps> = {}) {
    const props: SnapshotViewerProps = {
      summary: summary(),
      details,
      html: '<!DOCTYPE html><html><head></head><body><p>Saved page</p></body></html>',
      readerHtml: null,
      hash: { ok: true, computed: 'b'.repeat(64) },
      parent: null,
      sources: [summary({ id: 's1', kind: 'source', parentId: 'a1', title: 'Herald' })],
      tab: 'details',
      libraryUrl: 'chrome-extension://cited/library.html',
      onOpenSnapshot: vi.fn(),
      onOpenExternal: vi.fn(),
      onDownload: vi.fn(),
      onDownloadArchive: vi.fn(),
      onDelete: vi.fn(),
      ...overrides,
    };
    return { container: render(<SnapshotViewer {...props} />), props };
  }

  it('proves the capture: address, time, SHA-256 and whether the file still matches it', () => {
    const { container } = viewer();
    expect(container.querySelector('[data-field="sha256"]')?.textContent).toBe('b'.repeat(64));
    expect(container.querySelector('[data-hash-verified="true"]')?.textContent).toBe(
      '✓ matches the saved file',
    );
    expect(container.textContent).toContain('3 scripts, 2 event handlers, 1 embedded frame');
    expect(container.querySelector('[aria-current="page"]')?.getAttribute('data-viewer-tab')).toBe('details');
    cleanup?.();
    const altered = viewer({ hash: { ok: false, computed: 'c'.repeat(64) } }).container;
    expect(altered.querySelector('[data-hash-verified="false"]')?.textContent).toContain('does not match');
  });

  it('lists the citations as saved: a local copy for each kept source, the reason for the others', () => {
    const { container, props } = viewer();
    const herald = container.querySelector('[data-citation-url="https://herald.example/a"]');
    expect(herald?.getAttribute('data-source-id')).toBe('s1');
    expect(herald?.querySelector('[data-action="open-source"]')?.getAttribute('href')).toBe('#/snapshot/s1');
    const gone = container.querySelector('[data-citation-url="https://gone.example/b"]');
    expect(gone?.getAttribute('data-status')).toBe('dead');
    expect(gone?.querySelector('[data-source-not-saved]')?.textContent).toBe(
      'Not saved: the server answered 404 (Not Found)',
    );
    click(gone?.querySelector('a[href="https://gone.example/b"]') as HTMLElement);
    expect(props.onOpenExternal).toHaveBeenCalledWith('https://gone.example/b');
  });

  it('shows the page in a sandboxed frame that cannot run scripts', () => {
    const { container } = viewer({ tab: 'page' });
    const frame = container.querySelector('iframe[data-snapshot-frame="page"]') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(frame.getAttribute('srcdoc')).toContain(
      `<head><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`,
    );
  });
});

describe('framing helpers', () => {
  it('repeats the no-script, no-network policy first in <head>, whatever the file holds', () => {
    const policy = `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`;
    expect(withDisplayPolicy('<!DOCTYPE html><html><head lang="en"><title>x</title></head></html>')).toBe(
      `<!DOCTYPE html><html><head lang="en">${policy}<title>x</title></head></html>`,
    );
    expect(withDisplayPolicy('<!DOCTYPE html>\n<p>no head</p>')).toBe(
      `<!DOCTYPE html><head>${policy}</head>\n<p>no head</p>`,
    );
  });

  it('recognises links to the library’s own copies', () => {
    const library = 'chrome-extension://cited/library.html';
    expect(localSnapshotId(`${library}#/snapshot/abc-1`, library)).toBe('abc-1');
    expect(localSnapshotId(`${library}#/snapshot/abc-1/reader`, library)).toBe('abc-1');
    expect(localSnapshotId('https://herald.example/a', library)).toBeNull();
    expect(localSnapshotId('chrome-extension://other/library.html#/snapshot/x', library)).toBeNull();
  });
});
