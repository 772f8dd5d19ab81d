import { useEffect, useMemo, useRef } from 'preact/hooks';
import { isWebUrl } from './format';
import { localSnapshotId, withDisplayPolicy } from './snapshot-frame-html';
import './SnapshotFrame.css';

export interface SnapshotFrameProps {
  /** A snapshot (or reader view) document. */
  html: string;
  title: string;
  kind: 'page' | 'reader';
  /** The library page's address: links to `<libraryUrl>#/snapshot/<id>` are local copies of sources. */
  libraryUrl: string;
  onOpenSnapshot: (id: string) => void;
  onOpenExternal: (url: string) => void;
}

/**
 * A saved document in a sandboxed frame. No script can run in it: the sandbox lacks `allow-scripts`, and the
 * document's own Content-Security-Policy (repeated on display) forbids scripts and every network request. The
 * sandbox keeps `allow-same-origin` only so this page can catch clicks on the copy's links: a local copy opens in
 * the library, any other link in a new tab, instead of the live web loading inside the frame. (Without
 * `allow-scripts` the same origin grants the frame's content nothing: it has no code to use it with.)
 */
export function SnapshotFrame({
  html,
  title,
  kind,
  libraryUrl,
  onOpenSnapshot,
  onOpenExternal,
}: SnapshotFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const framed = useMemo(() => withDisplayPolicy(html), [html]);
  const handlers = useRef({ onOpenSnapshot, onOpenExternal, libraryUrl });
  handlers.current = { onOpenSnapshot, onOpenExternal, libraryUrl };

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 && event.button !== 1) return;
      const target = event.target as Element | null;
      const link = target?.closest?.('a[href], area[href]');
      if (!link) return;
      const href = link.getAttribute('href') ?? '';
      event.preventDefault();
      if (href.startsWith('#')) {
        // In-page links would otherwise resolve against the library's own address and leave the copy.
        const doc = element.contentDocument;
        const name = decodeURIComponent(href.slice(1));
        const destination = name ? (doc?.getElementById(name) ?? doc?.getElementsByName(name)[0]) : null;
        if (destination) destination.scrollIntoView();
        else if (!name) doc?.defaultView?.scrollTo(0, 0);
        return;
      }
      const local = localSnapshotId(href, handlers.current.libraryUrl);
      if (local) handlers.current.onOpenSnapshot(local);
      else if (isWebUrl(href)) handlers.current.onOpenExternal(href);
    };
    const attach = () => {
      const doc = element.contentDocument;
      if (!doc) return;
      doc.addEventListener('click', onClick);
      doc.addEventListener('auxclick', onClick);
    };
    element.addEventListener('load', attach);
    attach();
    return () => element.removeEventListener('load', attach);
  }, []);

  return (
    <iframe
      ref={frame}
      class={`snapshot-frame snapshot-frame--${kind}`}
      title={title}
      sandbox="allow-same-origin"
      referrerpolicy="no-referrer"
      srcDoc={framed}
      data-snapshot-frame={kind}
    />
  );
}
