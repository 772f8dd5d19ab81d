import { describe, expect, it } from 'vitest';
import { citationKind, type KindContext } from '../../../core/citations/kind';

const elsewhere: KindContext = { pageRegistrableDomain: 'blog.example', pageIsNews: false };
const kind = (url: string, context = elsewhere) => citationKind(new URL(url), context);

describe('citation kind hints', () => {
  it.each([
    ['https://web.archive.org/web/2019/https://www.whitehouse.gov/briefing', 'archive'],
    ['https://archive.ph/abc12', 'archive'],
    ['https://archive.today/2020/https://example.com', 'archive'],
    ['https://perma.cc/AB12-CD34', 'archive'],
    ['https://www.webcitation.org/6abc', 'archive'],
  ])('%s is an archived copy', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    ['https://doi.org/10.1000/182', 'academic'],
    ['https://arxiv.org/pdf/2101.00001.pdf', 'academic'],
    ['https://pubmed.ncbi.nlm.nih.gov/22127712/', 'academic'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/', 'academic'],
    ['https://www.jstor.org/stable/123', 'academic'],
    ['https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1', 'academic'],
    ['https://scholar.google.de/scholar?q=x', 'academic'],
    ['https://www.nature.com/articles/s41586-020-0001-1', 'academic'],
    ['https://cs.stanford.edu/people/x/', 'academic'],
    ['https://www.ox.ac.uk/news', 'academic'],
    ['https://www.u-tokyo.ac.jp/en/', 'academic'],
  ])('%s is academic', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    ['https://www.treasury.gov/resource-center/sudan.pdf', 'document'],
    ['https://example.org/files/Report.DOCX', 'document'],
    ['https://example.org/data/budget.xlsx?download=1', 'document'],
    ['https://example.org/slides.pptx', 'document'],
    ['https://example.org/minutes.odt', 'document'],
    ['https://example.org/export.csv', 'document'],
  ])('%s is a document (by its file extension)', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    ['https://twitter.com/someone/status/1', 'social'],
    ['https://x.com/someone/status/1', 'social'],
    ['https://www.facebook.com/page', 'social'],
    ['https://www.instagram.com/p/abc/', 'social'],
    ['https://www.tiktok.com/@a/video/1', 'social'],
    ['https://youtu.be/abc', 'social'],
    ['https://www.reddit.com/r/x/comments/1', 'social'],
    ['https://www.linkedin.com/in/someone', 'social'],
    ['https://www.threads.net/@a', 'social'],
    ['https://bsky.app/profile/a.bsky.social', 'social'],
    ['https://mastodon.online/@a/1', 'social'],
  ])('%s is social media', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    ['https://www.state.gov/j/ct/list/c14151.htm', 'government'],
    ['https://www.gov.uk/guidance/x', 'government'],
    ['https://www.interieur.gouv.fr/x', 'government'],
    ['https://www.canada.ca/en/x.html', 'government'],
    ['https://www.tbs-sct.gc.ca/x', 'government'],
    ['https://ec.europa.eu/commission/presscorner', 'government'],
    ['https://www.bka.bund.de/DE/Presse', 'government'],
    ['https://www.army.mil/article/1', 'government'],
    ['https://www.who.int/news', 'government'],
    ['https://www.gob.mx/x', 'government'],
  ])('%s is government', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    ['https://www.nytimes.com/2017/01/13/world/africa/sudan.html', 'news'],
    ['https://www.thelocal.de/20170720/police-stage-nationwide-raids', 'news'],
    ['http://www.newburyportnews.com/news/local_news/x.html', 'news'],
    ['http://www.wickedlocal.com/news/20170623/wareham-man', 'news'],
    ['https://news.example.net/story', 'news'],
    ['https://www.seattletimes.com/seattle-news/x/', 'news'],
  ])('%s is news', (url, expected) => expect(kind(url)).toBe(expected));

  it('counts the news site’s own other pages as news', () => {
    const onNewsSite: KindContext = { pageRegistrableDomain: 'outlet.example', pageIsNews: true };
    expect(kind('https://www.outlet.example/2017/07/20/earlier-report/', onNewsSite)).toBe('news');
    expect(kind('https://www.outlet.example/2017/07/20/earlier-report/')).toBe('other');
  });

  it('gives "other" to everything else', () => {
    expect(kind('https://github.com/servo/servo')).toBe('other');
    expect(kind('https://developer.mozilla.org/en-US/docs/Web/API')).toBe('other');
  });
});
