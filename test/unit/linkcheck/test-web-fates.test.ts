import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker } from '../../../core/linkcheck/checker';
import type { CheckResult } from '../../../core/linkcheck/types';
import { startTestWeb, type TestWeb } from '../../web/server';
import { demoCitations } from '../../web/sites/demo/fates';
import { allSites } from '../../web/sites/index';
import { networkFailureSites, networkFailures, networkFailureUrl } from '../../web/sites/network-failures';
import { seedCitationFates } from '../../web/sites/seed-sources';

// The engine over the shared test web, as the Node CLI runs it (manual redirects), against the fates the sites
// are built to play: the demo article's sources and the seed's, in both of deepdotweb.com's eras.

async function checkAll(web: TestWeb, urls: string[]): Promise<Map<string, CheckResult>> {
  const checker = new LinkChecker({
    fetch: web.fetch,
    redirectMode: 'manual',
    retry: { backoffBaseMs: 100, deadConfirmDelayMs: 100 },
  });
  const { results } = await checker.run(urls).done;
  return new Map(results.map((result) => [result.url, result]));
}

describe('the demo article and the seed, 2017 era', () => {
  let web: TestWeb;
  let results: Map<string, CheckResult>;
  const fates = [...demoCitations, ...seedCitationFates('2017')];

  beforeAll(async () => {
    web = await startTestWeb({ sites: allSites({ seedEra: '2017' }) });
    results = await checkAll(
      web,
      fates.map((fate) => fate.url),
    );
  });
  afterAll(async () => {
    await web.close();
  });

  it.each(fates.map((fate) => [fate.url, fate] as const))('%s', (url, fate) => {
    const result = results.get(url);
    expect(result?.status, `${fate.why}: ${result?.reason}`).toBe(fate.status);
  });

  it('never more than 2 requests at once to any host', () => {
    const hosts = new Set(web.requests.map((request) => request.host));
    for (const host of hosts) expect(web.maxConcurrent(host), host).toBeLessThanOrEqual(2);
  });

  it('sends no cookies or credentials', () => {
    expect(web.requests.filter((r) => r.headers.cookie || r.headers.authorization)).toEqual([]);
  });
});

describe('the seed, seized era', () => {
  let web: TestWeb;
  let results: Map<string, CheckResult>;
  const fates = seedCitationFates('seized');

  beforeAll(async () => {
    web = await startTestWeb({ sites: allSites({ seedEra: 'seized' }) });
    results = await checkAll(
      web,
      fates.map((fate) => fate.url),
    );
  });
  afterAll(async () => {
    await web.close();
  });

  it.each(fates.map((fate) => [fate.url, fate] as const))('%s', (url, fate) => {
    const result = results.get(url);
    expect(result?.status, `${fate.why}: ${result?.reason}`).toBe(fate.status);
  });
});

describe('servers that fail below HTTP, as the CLI meets them', () => {
  let web: TestWeb;
  let results: Map<string, CheckResult>;

  beforeAll(async () => {
    web = await startTestWeb({ sites: networkFailureSites() });
    results = await checkAll(web, networkFailures.map(networkFailureUrl));
  });
  afterAll(async () => {
    await web.close();
  });

  it.each(networkFailures.map((failure) => [failure.host, failure] as const))('%s', (_host, failure) => {
    const result = results.get(networkFailureUrl(failure));
    expect(result?.status, `${failure.what}: ${result?.reason}`).toBe(failure.status);
    expect(result?.reason).toMatch(failure.reason);
  });
});
