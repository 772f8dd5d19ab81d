/**
 * File names for downloaded reports: recognisable in a downloads folder ("cited-report-" + the article's title +
 * the day the report was made), safe on every file system (no reserved characters, no leading dot, bounded
 * length), and readable in any script: letters and digits of every language are kept.
 */
const MAX_SLUG = 60;

export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

function hostSlug(url: string): string {
  try {
    return titleSlug(new URL(url).hostname.replace(/^www\./, ''));
  } catch {
    return '';
  }
}

/** The local calendar day, as the reader's own clock shows it. */
function day(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function reportFileName(
  article: { title: string; url: string },
  generatedAt: Date,
  extension: 'json' | 'csv' | 'md',
): string {
  const name = titleSlug(article.title) || hostSlug(article.url) || 'article';
  return `cited-report-${name}-${day(generatedAt)}.${extension}`;
}
