/**
 * # Quote checks
 *
 * Does the cited page say what the article quotes it as saying? `matchQuote(quote, sourceText)` answers
 * `found`, `differs` (with the changed words marked) or `not-found`, with the passage and where it is. The
 * caller, who fetched the source, sets `archived-only` and `not-checkable`.
 */

export { checkArticleQuotes } from './article-quotes';
export { type Gap, type QuotePart, quoteParts } from './editorial-marks';
export { MAX_ELISION_GAP, MAX_INSERTION_GAP, matchQuote, type PreparedSource, prepareSource } from './match';
export { type NormalizedText, normalizeText } from './normalize';
export { type PdfPageSpan, pageAt } from './pdf-lines';
export { loadPdfJs, type PdfProblem, type PdfTextRead, pdfTextReader, type ReadPdfText } from './pdf-text';
export {
  checkSourceQuotes,
  type QuoteSourceDeps,
  SOURCE_TEXT_MAX_BYTES,
  type SourceQuoteCheck,
} from './source-check';
export { matchQuotes, readSourceText, type SourceText, type SourceTextOrigin } from './source-text';
export { findPassageRange, type TextFragment, textFragmentFor, textFragmentUrl } from './text-fragment';
export * from './types';
