import { describe, expect, it } from 'vitest';
import { hasMalformedHost, resolveHttpUrl, withoutFragment } from '../../../core/url/web-address';

const BASE = 'https://news.example/2026/story.html';

describe('resolveHttpUrl: which links can be citations', () => {
  it('resolves relative links against the page', () => {
    expect(resolveHttpUrl('/about', BASE)?.href).toBe('https://news.example/about');
    expect(resolveHttpUrl(' https://source.example/a?b=1#c ', BASE)?.href).toBe(
      'https://source.example/a?b=1#c',
    );
  });

  it('leaves out what is not a web address', () => {
    for (const href of [
      'mailto:desk@news.example',
      'tel:+15551234',
      'javascript:void(0)',
      'data:text/plain,x',
      '',
    ])
      expect(resolveHttpUrl(href, BASE), href).toBeNull();
    expect(resolveHttpUrl(null, BASE)).toBeNull();
  });

  it('treats a host with a space or an escape in it as malformed, never as a host to ask', () => {
    expect(resolveHttpUrl('https://exa mple.com/report', BASE)).toBeNull();
    expect(resolveHttpUrl('https://exa%20mple.com/report', BASE)).toBeNull();
    // What Chromium's parser makes of the first one, which Node's refuses outright.
    expect(hasMalformedHost({ hostname: 'exa%20mple.com' })).toBe(true);
    expect(hasMalformedHost(new URL('https://example.com/'))).toBe(false);
    // A space in the path is only badly written: the address still names a real host.
    expect(resolveHttpUrl('https://example.com/annual report.pdf', BASE)?.hostname).toBe('example.com');
  });
});

describe('withoutFragment', () => {
  it('drops the fragment and nothing else', () => {
    expect(withoutFragment('https://a.example/p?q=1#s2')).toBe('https://a.example/p?q=1');
    expect(withoutFragment(new URL('https://a.example/p'))).toBe('https://a.example/p');
  });
});
