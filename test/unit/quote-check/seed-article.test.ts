import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitedReport } from '../../../core/report/types';
import { runCheckCli } from '../../../scripts/check';
import { hasShared } from '../../web/paths';
import { startTestWeb, type TestWeb } from '../../web/server';
import { allSites } from '../../web/sites/index';
import { seedArticleUrl } from '../../web/sites/seed';
import { newburyportnewsUrl, wickedlocalUrl } from '../../web/sites/seed-sources';

// `npm run check` on the seed article, through the test web: its two quotations, with their [...] and [and]
// marks, looked for in the test web's versions of the wickedlocal and newburyportnews sources.
describe.skipIf(!hasShared('fixtures/seed/article-fragment.txt'))(
  'npm run check on the seed article (needs ../shared/fixtures/seed)',
  () => {
    let web: TestWeb;
    let dir: string;
    let report: CitedReport;

    beforeAll(async () => {
      web = await startTestWeb({ sites: allSites({ seedEra: '2017' }) });
      dir = await mkdtemp(path.join(tmpdir(), 'cited-seed-quotes-'));
      const file = path.join(dir, 'seed.html');
      await writeFile(file, await (await web.fetch(seedArticleUrl)).text());
      let stdout = '';
      await runCheckCli([file, '--url', seedArticleUrl, '--proxy', web.proxyUrl, '--insecure', '--json'], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: () => {},
      });
      report = JSON.parse(stdout) as CitedReport;
    }, 120_000);
    afterAll(async () => {
      await web?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const citationOf = (url: string) => report.citations.find((citation) => citation.url === url);

    it('the Newburyport quotation is found only in the archived copy: the live page answers 404', () => {
      const check = citationOf(newburyportnewsUrl)?.quoteCheck;
      expect(check?.httpStatus).toBe(404);
      const verdict = check?.verdicts.find((each) => each.quote.includes('the report had been filed'));
      expect(verdict?.status).toBe('archived-only');
      if (verdict?.status !== 'archived-only') return;
      expect(verdict.quote).toContain('[…]');
      expect(verdict.quote).toContain('[and]');
      expect(verdict.archived.status).toBe('found');
      expect(verdict.archivedUrl).toMatch(/web\.archive\.org\/web\/2017/);
    });

    it('the Wareham quotation is not found: the old address now leads to the home page', () => {
      const check = citationOf(wickedlocalUrl)?.quoteCheck;
      const verdict = check?.verdicts.find((each) => each.quote.includes('National Center for Missing'));
      expect(verdict?.status).toBe('not-found');
      expect(check?.note).toMatch(/home page/);
    });

    it('the report counts the quotations by verdict', () => {
      expect(report.summary.quotes['archived-only']).toBeGreaterThanOrEqual(1);
      expect(report.summary.quotes['not-found']).toBeGreaterThanOrEqual(1);
    });
  },
);
