import { describe, expect, it } from 'vitest';
import { type RestrictedReason, restrictionFor, restrictionMessage } from '../../../core/capture/restricted';

describe('restrictionFor', () => {
  const cases: Array<[string, RestrictedReason | null]> = [
    ['https://www.deepdotweb.com/2017/08/04/bka-arrests-67-suspects-child-porn-bust/', null],
    ['http://example.org/news/story.html?x=1#top', null],
    ['chrome://version', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['chrome-search://local-ntp/local-ntp.html', 'browser-page'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidepanel.html', 'extension-page'],
    ['moz-extension://6d9f1c2e-0000-4000-8000-000000000000/sidebar.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/some-extension/abcdefghijklmnop', 'web-store'],
    ['https://chrome.google.com/webstore/category/extensions', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/ublock-origin/', 'web-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/abc', 'web-store'],
    ['https://support.mozilla.org/en-US/kb/firefox-reader-view-clutter-free-web-pages', 'protected-site'],
    ['https://accounts.firefox.com/settings', 'protected-site'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf-viewer'],
    ['https://example.org/reports/annual-2017.PDF', 'pdf-viewer'],
    ['file:///home/reader/paper.pdf', 'pdf-viewer'],
    ['file:///home/reader/article.html', 'file-access'],
    ['view-source:https://example.org/', 'view-source'],
    ['data:text/html,<p>hi</p>', 'inline-document'],
    ['blob:https://example.org/0f3c6a4e-1111-2222-3333-444455556666', 'inline-document'],
    ['javascript:alert(1)', 'script-url'],
    ['resource://gre/modules/Foo.sys.mjs', 'not-web-page'],
    ['resource://pdf.js/web/viewer.html', 'pdf-viewer'],
    ['ftp://ftp.example.org/pub/', 'not-web-page'],
    ['', 'not-web-page'],
    ['not a url', 'not-web-page'],
  ];

  for (const [url, expected] of cases) {
    it(`${url || '(no address)'} → ${expected ?? 'readable'}`, () => {
      expect(restrictionFor(url)).toBe(expected);
    });
  }

  it('reads local files once the reader has allowed file access', () => {
    expect(restrictionFor('file:///home/reader/article.html', { fileSchemeAccess: true })).toBeNull();
  });

  it('does not mistake look-alike hosts for the web store', () => {
    expect(restrictionFor('https://chrome.google.com/webstorefront-news/')).toBeNull();
    expect(restrictionFor('https://notchromewebstore.google.com.example.org/')).toBeNull();
    expect(restrictionFor('https://example.org/addons.mozilla.org/')).toBeNull();
  });

  it('does not treat a page merely mentioning pdf as a PDF', () => {
    expect(restrictionFor('https://example.org/pdf/how-to-read-a-pdf')).toBeNull();
  });
});

describe('restrictionMessage', () => {
  const reasons: RestrictedReason[] = [
    'browser-page',
    'extension-page',
    'web-store',
    'protected-site',
    'pdf-viewer',
    'file-access',
    'view-source',
    'inline-document',
    'script-url',
    'not-web-page',
  ];

  it('gives every reason its own plain title and an explanation', () => {
    const titles = new Set<string>();
    for (const reason of reasons) {
      const { title, body } = restrictionMessage(reason);
      expect(title.length).toBeGreaterThan(5);
      expect(body.length).toBeGreaterThan(20);
      titles.add(title);
    }
    expect(titles.size).toBe(reasons.length);
  });

  it('tells the reader how to allow local files', () => {
    expect(restrictionMessage('file-access').body).toMatch(/Allow access to file URLs/);
  });
});
