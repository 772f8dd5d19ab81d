import { useEffect, useRef } from 'preact/hooks';

/** Clears a short-lived message `ms` after it appears; a newer message starts the wait again. */
export function useDismissAfter(message: string | null, dismiss: () => void, ms: number): void {
  // Read at the end of the wait, so a caller's inline function does not restart it on every render.
  const latest = useRef(dismiss);
  latest.current = dismiss;
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => latest.current(), ms);
    return () => clearTimeout(timer);
  }, [message, ms]);
}
