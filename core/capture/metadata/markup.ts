import type { MetadataCandidate } from './candidate';
import { MICRODATA_SELECTOR, MicrodataReader } from './microdata';
import { MICROFORMATS_SELECTOR, MicroformatsReader } from './microformats';

export interface MarkupCandidates {
  microdata: MetadataCandidate;
  microformats: MetadataCandidate;
}

const SELECTOR = `${MICRODATA_SELECTOR}, ${MICROFORMATS_SELECTOR}`;

/**
 * Microdata and microformats in one pass: each is an attribute or class selector that the DOM can
 * only answer by visiting every element of `root`, so one combined query halves the cost.
 */
export function readMarkup(root: ParentNode): MarkupCandidates {
  const microdata = new MicrodataReader();
  const microformats = new MicroformatsReader();
  for (const el of root.querySelectorAll(SELECTOR)) {
    if (el.hasAttribute('itemprop')) microdata.accept(el);
    if (el.matches(MICROFORMATS_SELECTOR)) microformats.accept(el);
  }
  return { microdata: microdata.result(), microformats: microformats.result() };
}
