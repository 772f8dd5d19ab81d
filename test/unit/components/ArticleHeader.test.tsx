// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleHeader } from '../../../components/ArticleHeader';
import { PageMessage } from '../../../components/PageMessage';
import { SummaryCounts } from '../../../components/SummaryCounts';
import { click, mount } from './render';
import { article, harbourCitations } from './sample-capture';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function field(container: Element, name: string) {
  return container.querySelector(`[data-field="${name}"]`);
}

describe('ArticleHeader', () => {
  it('shows title, byline, site, a localised date with its ISO value, words and reading time', () => {
    const mounted = mount(<ArticleHeader article={article()} locale="en-GB" />);
    cleanup = mounted.unmount;
    const { container } = mounted;
    expect(field(container, 'title')?.textContent).toBe('Island ferry cuts leave commuters stranded');
    expect(field(container, 'byline')?.textContent).toBe('By Ada Quill');
    expect(field(container, 'site')?.textContent).toBe('Harbour News');
    const time = container.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2021-05-04');
    expect(time?.textContent).toBe('4 May 2021');
    expect(field(container, 'length')?.textContent).toBe('690 words · 3 min read');
    expect(container.querySelector('[data-no-article]')).toBeNull();
    expect(container.querySelector('[data-link-limit]')).toBeNull();
  });

  it('says plainly when the page had more links than Cited reads', () => {
    const mounted = mount(
      <ArticleHeader article={article()} locale="en-GB" linkLimit={{ links: 40000, read: 10000 }} />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('[data-link-limit]')?.textContent).toBe(
      'This page has 40,000 links; Cited lists the citations among the first 10,000.',
    );
  });

  it('formats the date for another locale', () => {
    const mounted = mount(<ArticleHeader article={article()} locale="en-US" />);
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('time')?.textContent).toBe('May 4, 2021');
  });

  it('falls back to the host when the page names no site and leaves out what it does not know', () => {
    const mounted = mount(
      <ArticleHeader
        article={article({ siteName: null, byline: null, publishedTime: null })}
        locale="en-GB"
      />,
    );
    cleanup = mounted.unmount;
    const { container } = mounted;
    expect(field(container, 'site')?.textContent).toBe('harbour-news.example');
    expect(field(container, 'byline')).toBeNull();
    expect(container.querySelector('time')).toBeNull();
  });

  it('says plainly when the page has no article', () => {
    const mounted = mount(<ArticleHeader article={article({}, false)} />);
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('[data-no-article]')?.textContent).toBe(
      'No article found on this page — showing the links of its main content',
    );
  });

  it('has room for actions', () => {
    const mounted = mount(
      <ArticleHeader article={article()} actions={<button type="button">Save</button>} />,
    );
    cleanup = mounted.unmount;
    expect(mounted.container.querySelector('.article-header__actions button')?.textContent).toBe('Save');
  });
});

describe('SummaryCounts', () => {
  it('counts external and same-site citations and the links behind them', () => {
    const mounted = mount(<SummaryCounts citations={harbourCitations} locale="en" />);
    cleanup = mounted.unmount;
    const count = (name: string) => mounted.container.querySelector(`[data-count="${name}"]`)?.textContent;
    expect(count('all')).toBe('5 citations');
    expect(count('external')).toBe('3 external');
    expect(count('same-site')).toBe('2 same-site');
    expect(count('links')).toBe('7 links in the text');
    expect(count('pending')).toBeUndefined();
  });

  it('says how many citations are still being listed while a long article’s list arrives', () => {
    const mounted = mount(<SummaryCounts citations={harbourCitations} pending={1795} locale="en" />);
    cleanup = mounted.unmount;
    const pending = mounted.container.querySelector('[data-count="pending"]');
    expect(pending?.textContent).toBe('listing 1,795 more…');
    expect(pending?.getAttribute('role')).toBe('status');
  });
});

describe('PageMessage', () => {
  it('offers its action as a button', () => {
    const onClick = vi.fn();
    const mounted = mount(
      <PageMessage tone="warning" title="The page is not ready yet" action={{ label: 'Try again', onClick }}>
        <p>Wait for it to load.</p>
      </PageMessage>,
    );
    cleanup = mounted.unmount;
    const section = mounted.container.querySelector('section');
    expect(section?.getAttribute('role')).toBe('alert');
    const button = mounted.container.querySelector('button');
    expect(button?.textContent).toBe('Try again');
    if (button) click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });
});
