import { escapeHtml } from '../../respond';
import { demoArticleUrl, demoCitation, demoEarlierReportUrl, demoOutletName, demoPublished } from './fates';
import { outletPage } from './outlet-page';

/**
 * The demo article: a local investigative story written for this project. Every citation comes from the fates
 * table (by id), so the article and the table cannot drift apart.
 */

export const demoArticleTitle =
  'Harbour swim tests stopped for seven weeks after lab contract lapsed, records show';
export const demoByline = 'Maren Okafor';

const cite = (id: string, anchor: string) => `<a href="${escapeHtml(demoCitation(id).url)}">${anchor}</a>`;

const paragraphs = [
  `PORT ELLERY — For seven weeks last summer, no one tested the water at Port Ellery’s three harbour beaches for
  bacteria, even as the city’s website kept listing them as open, according to council records, emails and lab
  invoices reviewed by the Gazette.`,
  `The gap began on June 30, when the city’s contract with Ellery Analytical Laboratories, ${cite('herald-contract-2024', 'awarded in 2024')},
  expired without a renewal. The risk was on record: ${cite('council-minutes-pdf', 'the minutes of the council’s June 17 meeting')}
  note that the renewal “had not yet been placed on an agenda.” It reached one on August 18.`,
  `Meanwhile the city’s beach status page went on showing all three beaches as open. ${cite('beach-status-archived', 'An archived copy of that page')}
  shows the last posted sample dates; the live page has since been replaced. Elsewhere in the county,
  ${cite('herald-closures', 'the Tidewater Herald reported')} closures at four beaches after heavy rain in mid-August.`,
  `State rules are clear about frequency. ${cite('state-guidance', 'The Department of Public Health’s monitoring guidance')}
  calls for weekly sampling at public bathing beaches from mid-June through Labor Day. ${cite('doi-study', 'A 2024 study of small-harbour beaches')}
  found that bacteria counts can spike within a day of heavy rain, which is why gaps matter most after storms.`,
  `The laboratory says it warned the city. In ${cite('lab-statement-moved', 'a statement posted in September')}, Ellery Analytical said it
  “sent three renewal notices between April and June and received no reply.” The harbourmaster acknowledged the
  lapse in ${cite('harbourmaster-post', 'a post on Mastodon')}, calling it “an administrative miss we are fixing this week.”`,
  `“We were told the beaches were being tested. They weren’t,” said Dana Whitlock, president of the Bay Swim Club,
  whose members swim at Gull Point most mornings. The club had already ${cite('swim-club-notice', 'cancelled its open-water series')}
  in early August after members reported skin rashes.`,
  `The gap was first reported by ${cite('coastline-backlog', 'the Coastline Daily')} in September, and
  ${cite('keepers-sampling', 'the volunteer group Harbour Keepers documented it')} with eleven samples of its own, three of them over the
  state limit. ${cite('county-weekly-towns', 'The County Weekly')} and ${cite('maritime-towns', 'the Maritime Journal')} later found that two
  other towns used the same lab under similar contracts. ${cite('newswire-timeline', 'Ellery Newswire')} published a timeline of the delays.`,
  `Other records are harder to reach. ${cite('leaked-emails', 'A set of lab emails')} was posted on a site since taken down by
  authorities, and ${cite('community-timeline', 'a community site that tracked the story')} no longer exists.
  ${cite('record-investigation', 'The Regional Record’s investigation')} and ${cite('business-paywall', 'Business Coast’s report on the contract')}
  sit behind access walls, as does ${cite('statehouse-login', 'Statehouse Report’s account of the oversight hearing')}.`,
  `The state’s open data portal lists ${cite('open-data-results', 'the 2025 bacteria results for the harbour')}, with no Port Ellery
  samples between July 1 and August 18. ${cite('buoy-history', 'The harbour-mouth sensor station')} stopped publishing readings in the
  autumn, and ${cite('water-watch', 'Ellery Water Watch')}, the group that filed the first records request, has let its website lapse.
  ${cite('permit-registry', 'The state permit registry')} lists the lab’s registration. ${cite('times-1998-cleanup', 'A 1998 story on the last harbour clean-up')}
  sits in the Ellery Times archive, and ${cite('observer-analysis', 'an analysis by the Slow Tide Observer')} reached the same conclusions as this newspaper.`,
  `The Gazette ${cite('earlier-report', 'reported in September')} that the council had asked staff to explain the gap. The renewed
  contract runs through 2027. City Manager Priya Castellanos said a new reminder system will flag contracts 90 days
  before they expire. “It should never depend on one person’s calendar,” she said.`,
];

export function demoArticlePage(): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: demoArticleTitle,
    datePublished: demoPublished,
    dateModified: demoPublished,
    mainEntityOfPage: demoArticleUrl,
    image: ['https://www.harbourgazette.example/images/2026/03/gull-point.svg'],
    author: [
      { '@type': 'Person', name: demoByline, url: 'https://www.harbourgazette.example/author/maren-okafor/' },
    ],
    publisher: {
      '@type': 'Organization',
      name: demoOutletName,
      logo: { '@type': 'ImageObject', url: 'https://www.harbourgazette.example/images/logo.svg' },
    },
  };
  return outletPage({
    title: `${demoArticleTitle} | ${demoOutletName}`,
    head: [
      `<link rel="canonical" href="${demoArticleUrl}">`,
      `<meta name="description" content="Council records show no bacteria samples were taken at Port Ellery's harbour beaches between July 1 and August 18.">`,
      `<meta property="og:type" content="article">`,
      `<meta property="og:title" content="${escapeHtml(demoArticleTitle)}">`,
      `<meta property="og:url" content="${demoArticleUrl}">`,
      `<meta property="og:image" content="https://www.harbourgazette.example/images/2026/03/gull-point.svg">`,
      `<meta property="article:published_time" content="${demoPublished}">`,
      `<meta property="article:section" content="Local">`,
      `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`,
    ],
    main: `<article class="story">
  <header class="story-header">
    <p class="kicker"><a href="/category/local/">Local</a> · <a href="/category/investigations/">Investigations</a></p>
    <h1>${escapeHtml(demoArticleTitle)}</h1>
    <p class="byline">By <a rel="author" href="/author/maren-okafor/">${demoByline}</a> ·
      <time datetime="${demoPublished}">March 12, 2026</time> ·
      <a href="#comments">14 comments</a></p>
    <ul class="share" aria-label="Share this story">
      <li><a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(demoArticleUrl)}">Share on Facebook</a></li>
      <li><a href="https://x.com/intent/post?url=${encodeURIComponent(demoArticleUrl)}">Post on X</a></li>
      <li><a href="https://bsky.app/intent/compose?text=${encodeURIComponent(demoArticleUrl)}">Share on Bluesky</a></li>
      <li><a href="mailto:?subject=${encodeURIComponent(demoArticleTitle)}&amp;body=${encodeURIComponent(demoArticleUrl)}">Email</a></li>
    </ul>
  </header>
  <figure class="lead-image">
    <img src="/images/2026/03/gull-point.svg" width="960" height="480" alt="Gull Point beach at low tide, with the harbour wall behind it">
    <figcaption>Gull Point, one of three harbour beaches that went untested from July 1 to August 18. (Gazette illustration)</figcaption>
  </figure>
  <div class="story-body">
    ${paragraphs
      .slice(0, 5)
      .map((p) => `<p>${p}</p>`)
      .join('\n    ')}
    <figure>
      <img src="/images/2026/03/sampling-gap-chart.svg" width="720" height="300" alt="Chart: weekly samples per beach, with none from July 1 to August 18">
      <figcaption>Weekly samples at the three harbour beaches, summer 2025. Source: city invoices.</figcaption>
    </figure>
    ${paragraphs
      .slice(5, 8)
      .map((p) => `<p>${p}</p>`)
      .join('\n    ')}
    <figure>
      <img src="/images/2026/03/lab-bench.png" width="640" height="360" alt="Sample bottles at the laboratory">
      <figcaption>Water samples awaiting analysis. (Gazette photo illustration)</figcaption>
    </figure>
    ${paragraphs
      .slice(8)
      .map((p) => `<p>${p}</p>`)
      .join('\n    ')}
  </div>
  <footer class="story-footer">
    <p class="tags">Tags: <a rel="tag" href="/tag/water-quality/">water quality</a>,
      <a rel="tag" href="/tag/port-ellery/">Port Ellery</a>, <a rel="tag" href="/tag/public-records/">public records</a></p>
    <p class="author-box"><a href="/author/maren-okafor/">Maren Okafor</a> covers city hall and the harbour.
      <a href="mailto:maren.okafor@harbourgazette.example">Email her</a>.</p>
  </footer>
</article>
<aside class="related-posts">
  <h2>Related stories</h2>
  <ul>
    <li><a href="${demoEarlierReportUrl}">Council asks why beach tests stopped</a></li>
    <li><a href="/2026/02/27/ferry-timetable-changes-from-april/">Ferry timetable changes from April</a></li>
  </ul>
</aside>
<section id="comments"><h2>14 comments</h2><p>Comments are open to subscribers. <a href="/login">Sign in</a> to join the conversation.</p></section>`,
  });
}
