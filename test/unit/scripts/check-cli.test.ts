import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCheckCli } from '../../../scripts/check';
import { html, json, redirect, send } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import type { Site } from '../../web/site';
import { page } from '../../web/templates';
import { runScript } from '../support/run-script';
import { articleUrl, figures, fixture, petition, plan, statement } from './cli-article';

const archiveEndpoint = 'https://archive.cli.test';

const sites: Site[] = [
  {
    hosts: ['www.ferryco.test'],
    handle(_req, res, url) {
      if (url.href !== statement) return html(res, 404, page({ title: 'Not found', body: 'Not found' }));
      return html(
        res,
        200,
        page({
          title: 'Winter timetable',
          head: [`<link rel="canonical" href="${statement}">`],
          body: '<p>From April the harbour ferry sails every ninety minutes.</p>',
        }),
      );
    },
  },
  {
    hosts: ['council.portquay.test'],
    handle(_req, res, url) {
      if (url.pathname === '/') return html(res, 200, page({ title: 'Port Quay Council', body: 'Welcome' }));
      return redirect(res, 301, '/');
    },
  },
  {
    hosts: ['stats.portquay.test'],
    handle: (_req, res) => html(res, 404, page({ title: 'Not found', body: 'No such file' })),
  },
  { hosts: ['www.petitionhub.test'], handle: (_req, res) => send(res, 403, 'Forbidden') },
  {
    hosts: ['archive.cli.test'],
    handle(_req, res, url) {
      if (url.pathname !== '/wayback/available') return html(res, 404, 'none');
      const wanted = url.searchParams.get('url');
      const copies: Record<string, string> = { [figures]: '20240120101500', [plan]: '20230611080000' };
      const timestamp = wanted ? copies[wanted] : undefined;
      if (!timestamp) return json(res, 200, { archived_snapshots: {} });
      return json(res, 200, {
        archived_snapshots: {
          closest: {
            available: true,
            status: '200',
            timestamp,
            url: `http://web.archive.org/web/${timestamp}/${wanted}`,
          },
        },
      });
    },
  },
];

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites });
});
afterAll(async () => {
  await web.close();
});
beforeEach(() => web.resetLog());

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCheckCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const common = () => [
  fixture,
  '--url',
  articleUrl,
  '--proxy',
  web.proxyUrl,
  '--insecure',
  '--archive-endpoint',
  archiveEndpoint,
];

describe('npm run check', () => {
  it('runs as a command: Markdown report, exit code 1 when a citation is dead or a soft 404', async () => {
    const { code, stdout } = await runScript('scripts/check.ts', common());
    expect(code).toBe(1);
    expect(stdout).toContain('# Citations of “Harbour ferry timetable cut for the winter”');
    expect(stdout).toContain(
      '**4 citations**, **2 no longer stand**: 1 alive, 1 dead, 1 soft 404, 1 blocked (could not verify).',
    );
    expect(stdout).toMatch(/❌ dead \| \[figures the port authority published\]/);
    expect(stdout).toContain(
      `[before publication, 2024-01-20](https://web.archive.org/web/20240120101500/${figures})`,
    );
  }, 60_000);

  it('--json prints the versioned report with verdicts, evidence and archived copies', async () => {
    const { code, stdout } = await cli([...common(), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ schema: 'cited.report', version: 1 });
    expect(report.article).toMatchObject({
      title: 'Harbour ferry timetable cut for the winter',
      publishedTime: '2024-03-05T07:30:00Z',
    });
    const byUrl = Object.fromEntries(report.citations.map((c: { url: string }) => [c.url, c]));
    expect(byUrl[statement].status).toBe('alive');
    expect(byUrl[plan].status).toBe('soft-404');
    expect(byUrl[figures]).toMatchObject({
      status: 'dead',
      evidence: { httpStatus: 404, redirectMode: 'manual' },
    });
    expect(byUrl[petition].status).toBe('blocked');
    expect(byUrl[figures].archive.beforePublication.timestamp).toBe('20240120101500');
    expect(byUrl[plan].archive.beforePublication.date).toBe('2023-06-11T08:00:00Z');
    expect(byUrl[statement].archive).toBeNull();
    expect(byUrl[plan].occurrences[0].sentence).toContain('2023 transport plan');
  });

  it('--csv prints one row per citation', async () => {
    const { stdout } = await cli([...common(), '--csv']);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('number,url,domain,')).toBe(true);
    expect(lines).toHaveLength(5);
  });

  it('--no-third-party never contacts the archive', async () => {
    const { stdout } = await cli([...common(), '--json', '--no-third-party']);
    expect(web.requests.filter((request) => request.host === 'archive.cli.test')).toEqual([]);
    expect(JSON.parse(stdout).citations.every((c: { archive: unknown }) => c.archive === null)).toBe(true);
  });

  it('never requests page furniture (nav, byline, footer links), only citations', async () => {
    await cli([...common(), '--no-third-party']);
    expect(web.requests.filter((request) => request.host === 'www.quaycourier.test')).toEqual([]);
  });

  it('exits 0 when nothing is dead or a soft 404', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cited-check-'));
    try {
      const healthy = (await readFile(fixture, 'utf8')).replace(plan, statement).replace(figures, statement);
      const file = path.join(dir, 'healthy.html');
      await writeFile(file, healthy);
      const { code, stdout } = await cli([
        file,
        '--url',
        articleUrl,
        '--proxy',
        web.proxyUrl,
        '--insecure',
        '--no-third-party',
      ]);
      expect(stdout).toContain('none no longer stands');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--evidence checks one citation and prints its evidence for a correction request', async () => {
    const { code, stdout } = await cli([...common(), '--evidence', figures, '--now', '2026-03-09T06:00:00Z']);
    // The figures are gone: the run fails, and the evidence names the copy to cite instead.
    expect(code).toBe(1);
    expect(stdout).toContain('Article: “Harbour ferry timetable cut for the winter”');
    expect(stdout).toContain(`Citation 3 of 4: ${figures}`);
    expect(stdout).toMatch(/Link check, 2026-03-09 06:0\d UTC: dead \(HTTP 404\)/);
    expect(stdout).toContain(
      `Archived copy to cite instead, captured 2024-01-20: https://web.archive.org/web/20240120101500/${figures}`,
    );
    // Only that source and the archive (its lookup, then the copy's original bytes) were asked: no other citation.
    const hosts = new Set(web.requests.map((request) => request.host));
    expect(hosts.has('stats.portquay.test')).toBe(true);
    const asked = ['stats.portquay.test', 'archive.cli.test', 'web.archive.org'];
    expect([...hosts].filter((host) => !asked.includes(host))).toEqual([]);

    const byNumber = await cli([...common(), '--evidence', '1', '--no-third-party']);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain(`Citation 1 of 4: ${statement}`);
    expect(byNumber.stdout).not.toContain('cite instead');
  });

  it.each([
    [[], /Give the saved article/],
    [[fixture], /--url is required/],
    [[fixture, '--url', 'ftp://x.test/'], /--url must be an http\(s\) URL/],
    [[fixture, '--url', articleUrl, '--json', '--csv'], /Choose one of --json and --csv/],
    [[fixture, '--url', articleUrl, '--concurrency', 'lots'], /--concurrency must be a whole number/],
    [[fixture, '--url', articleUrl, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['/nonexistent/article.html', '--url', articleUrl], /cannot read "\/nonexistent\/article.html": ENOENT/],
    [[fixture, '--url', articleUrl, '--evidence', '2', '--json'], /--evidence prints plain text/],
    [
      [fixture, '--url', articleUrl, '--evidence', '2', '--state', 'x.json'],
      /--evidence checks one citation/,
    ],
    [[fixture, '--url', articleUrl, '--evidence', '9'], /--evidence must be a citation's number \(1 to 4\)/],
    [
      [fixture, '--url', articleUrl, '--evidence', 'https://elsewhere.test/'],
      /or the address it links to, got "https:\/\/elsewhere.test\/"/,
    ],
  ])('usage error %j exits 2 with a clear message', async (args, message) => {
    const { code, stderr, stdout } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
});
