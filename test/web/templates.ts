import { escapeHtml } from './respond';

/**
 * Page shapes that many hosts of the test web share: a news article, a not-found page, a login wall, a bot challenge,
 * a seizure notice, a parked domain. Written for this project, modelled on what such pages commonly contain.
 */

export interface ArticleContent {
  siteName: string;
  title: string;
  /** Canonical URL of the page. */
  url: string;
  byline?: string;
  /** ISO date, e.g. '2025-08-19'. */
  published?: string;
  /** Paragraphs as HTML (may contain links and quotations). */
  paragraphs: string[];
  lang?: string;
}

/** A plain, plausible news page: masthead, nav, the article with metadata, a footer. */
export function articlePage(content: ArticleContent): string {
  const { siteName, title, url, byline, published, paragraphs, lang = 'en' } = content;
  const origin = new URL(url).origin;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    url,
    ...(published ? { datePublished: published } : {}),
    ...(byline ? { author: { '@type': 'Person', name: byline } } : {}),
    publisher: { '@type': 'Organization', name: siteName },
  };
  return page({
    lang,
    title: `${title} | ${siteName}`,
    head: [
      `<link rel="canonical" href="${escapeHtml(url)}">`,
      `<meta property="og:site_name" content="${escapeHtml(siteName)}">`,
      `<meta property="og:title" content="${escapeHtml(title)}">`,
      `<meta property="og:type" content="article">`,
      published ? `<meta property="article:published_time" content="${published}">` : '',
      `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`,
    ],
    body: `
<header class="masthead"><a href="${origin}/">${escapeHtml(siteName)}</a>
  <nav><a href="${origin}/news/">News</a> <a href="${origin}/opinion/">Opinion</a> <a href="${origin}/about/">About</a></nav>
</header>
<main>
  <article>
    <h1>${escapeHtml(title)}</h1>
    ${byline ? `<p class="byline">By <span class="author">${escapeHtml(byline)}</span></p>` : ''}
    ${published ? `<p><time datetime="${published}">${formatDate(published)}</time></p>` : ''}
    ${paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}
  </article>
</main>
<footer><p>&copy; ${escapeHtml(siteName)}. All rights reserved.</p></footer>`,
  });
}

/** An honest not-found page, or (with status 200) the body of a soft 404. */
export function notFoundPage(siteName: string): string {
  return page({
    title: `Page not found | ${siteName}`,
    body: `<header class="masthead">${escapeHtml(siteName)}</header>
<main><h1>Page not found</h1>
<p>Sorry, we couldn't find the page you were looking for. It may have been moved or deleted.</p>
<p><a href="/">Go to the home page</a> or try searching the site.</p>
<form action="/search"><input name="q" aria-label="Search"><button>Search</button></form></main>`,
  });
}

export function loginPage(siteName: string): string {
  return page({
    title: `Sign in | ${siteName}`,
    body: `<main><h1>Sign in to keep reading</h1>
<p>This story is for subscribers. Sign in or subscribe to read it.</p>
<form method="post" action="/login"><label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label><button>Sign in</button></form>
<p><a href="/subscribe">Subscribe from $1 a week</a></p></main>`,
  });
}

/** What a bot-protection service shows instead of the page (served with 403 and cf-mitigated: challenge). */
export function challengePage(): string {
  return page({
    title: 'Just a moment...',
    body: `<main><h1>Checking your browser before accessing the site.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<noscript>Please enable JavaScript and cookies to continue.</noscript></main>`,
  });
}

/** One law-enforcement notice that replaces every page of a seized site. */
export function seizureNotice(domain: string): string {
  return page({
    title: 'This website has been seized',
    body: `<main class="seizure">
<svg width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="Seal"><circle cx="48" cy="48" r="44" fill="#1d3557" stroke="#e9c46a" stroke-width="6"/><text x="48" y="56" font-size="22" text-anchor="middle" fill="#e9c46a">SEIZED</text></svg>
<h1>This website has been seized</h1>
<p>The domain ${escapeHtml(domain)} has been seized by federal law enforcement authorities pursuant to a seizure
warrant issued by a United States District Court, as part of a coordinated action with international partners.</p>
<p>Operating or using an online service to facilitate criminal activity is a crime. Information about this action
is available from the investigating agencies.</p>
</main>`,
  });
}

/** A parked domain: the same "for sale" page with sponsored links at every address. */
export function parkedPage(domain: string): string {
  return page({
    title: domain,
    body: `<main class="parked"><h1>${escapeHtml(domain)}</h1>
<p>This domain may be for sale. <a href="/inquire">Make an offer</a></p>
<h2>Related searches</h2>
<ul><li><a href="/search?q=local+news">Local News</a></li><li><a href="/search?q=water+testing">Water Testing</a></li>
<li><a href="/search?q=harbour+tours">Harbour Tours</a></li><li><a href="/search?q=boat+rental">Boat Rental</a></li></ul>
<p class="small">Disclaimer: sponsored listings are provided by third parties and have no relation to the domain owner.</p></main>`,
  });
}

export function page(parts: { title: string; body: string; head?: string[]; lang?: string }): string {
  return `<!doctype html>
<html lang="${parts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
${(parts.head ?? []).filter(Boolean).join('\n')}
<style>body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem;color:#222}
header,footer,nav{font-family:system-ui,sans-serif}nav a{margin-right:1rem}img,svg{max-width:100%;height:auto}</style>
</head>
<body>
${parts.body}
</body>
</html>
`;
}

export function formatDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
