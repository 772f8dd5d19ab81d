import { readArticleSource } from '../../core/capture/read-source';
import { errorMessage } from '../../core/errors/cited-error';
import type { ArticleParseAnswer, ArticleParseRequest } from './article-parse';

// The panel's article worker (see article-parse.ts): one page's markup in, Readability's article out.
const scope = globalThis as unknown as {
  onmessage: ((event: { data: ArticleParseRequest }) => void) | null;
  postMessage(answer: ArticleParseAnswer): void;
};

scope.onmessage = ({ data }) => {
  let answer: ArticleParseAnswer;
  try {
    answer = { ok: true, article: readArticleSource(data.html, data.url) };
  } catch (error) {
    answer = { ok: false, message: errorMessage(error) };
  }
  scope.postMessage(answer);
};
