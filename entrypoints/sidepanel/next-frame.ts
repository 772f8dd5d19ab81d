/**
 * Runs `work` once before the panel's next paint: updates that arrive together (hundreds of verdicts a second on a
 * long article) are applied together. A hidden panel paints nothing, so there a short timer does instead.
 */
export function onNextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    const frame = requestAnimationFrame(() => work());
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(work, 50);
  return () => clearTimeout(timer);
}
