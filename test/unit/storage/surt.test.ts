import { describe, expect, it } from 'vitest';
import { archiveUrl, surtKey } from '../../../core/storage/backup/surt';

// Index keys as wabac.js 2.27 (ReplayWeb.page) computes them, so a page in our archives is found by its address.

describe('surtKey', () => {
  it('keys an address as the archive players do', () => {
    expect(surtKey('https://www.example.com/a/b.html')).toBe('com,example)/a/b.html');
    expect(surtKey('https://news.example.co.uk/Story?id=1')).toBe('uk,co,example,news)/story?id=1');
    expect(surtKey('http://example.org:8080/x')).toBe('org,example:8080)/x');
  });

  it('drops a www label only as written, before lower-casing (the players keep "WWW2.")', () => {
    expect(surtKey('http://WWW2.Example.ORG:8080/Report.PDF')).toBe('org,example,www2:8080)/report.pdf');
    expect(surtKey('http://www2.example.org:8080/Report.PDF')).toBe('org,example:8080)/report.pdf');
  });

  it('sorts the query’s parts as written, escapes untouched', () => {
    expect(surtKey('https://example.com/search?q=a%20b&a=%2F&z')).toBe('com,example)/search?a=%2f&q=a%20b&z');
  });

  it('leaves other schemes alone', () => {
    expect(surtKey('urn:pageinfo:https://example.com/')).toBe('urn:pageinfo:https://example.com/');
  });
});

describe('archiveUrl', () => {
  it('writes a page’s address in the one form the records, the index and the pages list share', () => {
    expect(archiveUrl('HTTP://WWW2.Example.ORG:8080/Report.PDF')).toBe(
      'http://www2.example.org:8080/Report.PDF',
    );
    expect(archiveUrl('https://example.com:443/a b')).toBe('https://example.com/a%20b');
    // Keyed from that form, the mixed-case address of the issue is found under one key.
    expect(surtKey(archiveUrl('http://WWW2.Example.ORG:8080/Report.PDF'))).toBe(
      'org,example:8080)/report.pdf',
    );
  });
});
