import { findMainContent, mainContentText } from '../capture/main-content';
import { readArticle } from '../capture/readability';
import { quoteParts } from './editorial-marks';
import { matchQuote, prepareSource } from './match';
import type { NotCheckableQuote, QuoteMatch } from './types';

/** Where the text a quotation is looked for came from. */
export type SourceTextOrigin = 'article' | 'main-content' | 'plain-text' | 'pdf';

export interface SourceText {
  text: string;
  origin: SourceTextOrigin;
}

/**
 * The text of a cited HTML page that its quotations are looked for in: the article as Readability reads it (the
 * same reading as the panel's capture), or, for a page Readability finds no article in (a short statement, a
 * list), its main content without menus and footers. Null when the page has no words at all.
 */
export function readSourceText(doc: Document): SourceText | null {
  const article = readArticle(doc, []);
  if (article && /[\p{L}\p{N}]/u.test(article.textContent))
    return { text: article.textContent, origin: 'article' };
  const main = findMainContent(doc);
  const text = main ? mainContentText(main) : '';
  return /[\p{L}\p{N}]/u.test(text) ? { text, origin: 'main-content' } : null;
}

/**
 * Each quotation's verdict in one source text, normalised once for all of them. A quotation made only of the
 * writer's own marks (`[…] [sic]`) has nothing of the source to look for, and says so instead of failing the rest.
 */
export function matchQuotes(quotes: readonly string[], text: string): (QuoteMatch | NotCheckableQuote)[] {
  const source = prepareSource(text);
  return quotes.map((quote) =>
    quoteParts(quote).length === 0
      ? {
          status: 'not-checkable',
          quote,
          reason: 'no-words',
          detail:
            'The quotation has only the writer’s own marks ([…], [insertions]): nothing of the source to look for.',
        }
      : matchQuote(quote, source),
  );
}
