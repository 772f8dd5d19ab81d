export { type CitationScope, extractCitations } from './extract';
export { citationKind, isNewsHost, type KindContext } from './kind';
export { LINK_SELECTOR, linkAt, listLinks } from './link-index';
export type { CaptureResult, Citation, CitationKind, CitationOccurrence, CitationRelation } from './types';
