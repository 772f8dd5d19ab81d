import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';

/**
 * The reader-view HTML is shown later in extension pages, so it must not carry anything that runs:
 * Readability drops scripts but keeps event-handler attributes and some URL schemes. DOMPurify
 * cleans the article element in place (no second parse) before it is serialised.
 */
const purifiers = new WeakMap<object, DOMPurify>();

function purifierFor(view: WindowLike): DOMPurify {
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = createDOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/** The window to sanitise with: the page's own, else the global one (a DOMParser document has none). */
export function windowFor(doc: Document): WindowLike | null {
  const view = doc.defaultView ?? (globalThis as { window?: WindowLike }).window ?? null;
  return view && typeof (view as { Element?: unknown }).Element === 'function' ? view : null;
}

/** Returns false when no DOM implementation is at hand to sanitise with. */
export function sanitizeInPlace(element: Element, view: WindowLike | null): boolean {
  if (!view) return false;
  const purifier = purifierFor(view);
  if (!purifier.isSupported) return false;
  purifier.sanitize(element, { IN_PLACE: true });
  return true;
}
