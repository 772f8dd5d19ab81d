/**
 * # Changed since cited
 *
 * Does the cited page still say what it said when the article cited it? `compareTexts(then, now)` compares an
 * archived copy's main text with the live page's; `checkSourceChange` reads both and gives `unchanged`, `edited`,
 * `replaced` or `gone` with its evidence; `checkArticleChanges` picks the sources and their copies for a run.
 */

export { type ArticleChangeDeps, type ArticleChangeInput, checkArticleChanges } from './article-changes';
export { citedAt } from './cited-at';
export { compareTexts, MAX_PASSAGES, MIN_KEPT_RUN, REPLACED_BELOW, type TextComparison } from './compare';
export { checkSourceChange, type SourceChangeInput } from './source-change';
export * from './types';
