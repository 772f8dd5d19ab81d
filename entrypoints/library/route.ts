import { useEffect, useState } from 'preact/hooks';
import type { ViewerTab } from '../../components/SnapshotViewer';

/** Where the library is: the list, or one snapshot in one of its views. Kept in the address's fragment. */
export type LibraryRoute = { kind: 'list' } | { kind: 'snapshot'; id: string; tab: ViewerTab };

export function parseRoute(hash: string): LibraryRoute {
  const match = /^#\/snapshot\/([^/?#]+)(?:\/(reader|details))?\/?$/.exec(hash);
  if (!match?.[1]) return { kind: 'list' };
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return { kind: 'list' };
  }
  return { kind: 'snapshot', id, tab: (match[2] as ViewerTab | undefined) ?? 'page' };
}

export function useRoute(): LibraryRoute {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function goTo(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}
