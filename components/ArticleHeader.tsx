import type { ComponentChildren } from 'preact';
import type { CapturedArticle } from '../core/capture/types';
import { displayHost } from '../core/url/web-address';
import { formatPublished, plural, readingMinutes } from './format';
import './ArticleHeader.css';

export interface ArticleHeaderProps {
  article: CapturedArticle;
  /** Buttons for the whole article (save a snapshot, copy a report, …). */
  actions?: ComponentChildren;
  /** The reader's locale; the browser's by default. */
  locale?: string;
  /** The page had more links than Cited reads (CaptureResult.linkLimit). */
  linkLimit?: { links: number; read: number } | undefined;
}

/** What the reader is reading: title, byline, site, date, length. */
export function ArticleHeader({ article, actions, locale, linkLimit }: ArticleHeaderProps) {
  const { metadata } = article;
  const published = formatPublished(metadata.publishedTime, locale);
  const site = metadata.siteName || displayHost(metadata.url);
  const minutes = readingMinutes(metadata.wordCount);
  const title = metadata.title.trim() || displayHost(metadata.url);

  return (
    <header class="article-header" data-article-header>
      <div class="article-header__top">
        <p class="article-header__site" data-field="site">
          {site}
        </p>
        {actions ? <div class="article-header__actions">{actions}</div> : null}
      </div>
      <h1
        class="article-header__title"
        lang={metadata.lang ?? undefined}
        dir={metadata.dir ?? undefined}
        data-field="title"
      >
        {title}
      </h1>
      <p class="article-header__meta dot-separated">
        {metadata.byline ? (
          <span data-field="byline">
            <span class="visually-hidden">By </span>
            {metadata.byline}
          </span>
        ) : null}
        {published ? (
          <time dateTime={published.datetime} data-field="published">
            {published.text}
          </time>
        ) : null}
        {article.isArticle && metadata.wordCount > 0 ? (
          <span data-field="length">
            {plural(metadata.wordCount, 'word', 'words', locale)} · {minutes} min read
          </span>
        ) : null}
      </p>
      {article.isArticle ? null : (
        <p class="article-header__note" role="note" data-no-article>
          No article found on this page — showing the links of its main content
        </p>
      )}
      {linkLimit ? (
        <p class="article-header__note" role="note" data-link-limit>
          This page has {linkLimit.links.toLocaleString(locale)} links; Cited lists the citations among the
          first {linkLimit.read.toLocaleString(locale)}.
        </p>
      ) : null}
    </header>
  );
}
