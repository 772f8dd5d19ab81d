import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitedReport } from '../../../core/report';
import { runCheckCli } from '../../../scripts/check';
import { html } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import { waybackSite } from '../../web/sites/wayback';
import { page } from '../../web/templates';
import { fixtureArgs, statement } from './cli-article';

// `npm run check -- --compare-all`: the operator's statement is neither quoted nor broken, so by default it is not
// compared with its archived copy; asked to compare every source, the CLI finds it edited since the article.

const statementText = (interval: string) =>
  `<p>From April the harbour ferry sails every ${interval} between the quay and the island, the operator said.</p>
  <p>The first boat leaves the quay at half past six and the last one returns from the island at seven in the
  evening. Season tickets bought before the change stay valid until they expire.</p>`;

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({
    sites: [
      {
        hosts: ['www.ferryco.test'],
        handle: (_req, res, url) =>
          url.href === statement
            ? html(res, 200, page({ title: 'Winter timetable', body: statementText('ninety minutes') }))
            : html(res, 404, page({ title: 'Not found', body: 'Not found' })),
      },
      waybackSite([
        {
          url: statement,
          timestamp: '20240301090000',
          status: 200,
          html: () => page({ title: 'Winter timetable', body: statementText('seventy-five minutes') }),
        },
      ]),
    ],
  });
});
afterAll(async () => {
  await web.close();
});

async function check(extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCheckCli([...fixtureArgs(web.proxyUrl), '--json', '--timeout', '5', ...extra], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const statementRow = (report: CitedReport) => report.citations.find((row) => row.url === statement);

describe('npm run check -- --compare-all', () => {
  it('compares a source that is neither quoted nor broken only when asked to', async () => {
    const usual = JSON.parse((await check([])).stdout) as CitedReport;
    expect(statementRow(usual)?.change ?? null).toBeNull();

    const all = JSON.parse((await check(['--compare-all'])).stdout) as CitedReport;
    const change = statementRow(all)?.change;
    expect(change?.status).toBe('edited');
    expect(change?.copy.url).toBe(`https://web.archive.org/web/20240301090000/${statement}`);
    expect(change?.passages.map((passage) => passage.marked).join(' ')).toContain(
      '[-seventy-five-]{+ninety+}',
    );
  }, 60_000);

  it('refuses to compare every source without the archive', async () => {
    const run = await check(['--compare-all', '--no-third-party']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--compare-all needs the archive');
  });
});
