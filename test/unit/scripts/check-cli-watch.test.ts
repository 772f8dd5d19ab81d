import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCheckCli } from '../../../scripts/check';
import { send } from '../../web/respond';
import { startTestWeb, type TestWeb } from '../../web/server';
import { type ChangingSite, changingSite } from '../../web/sites/changing';
import { articleUrl, figures, fixture, petition, plan, statement } from './cli-article';

// `npm run check -- … --state FILE --now DATE`: a series of runs over time, where a source breaks between runs and
// is called dead only once the three-strikes rule is met.

const source = (url: string, siteName: string, title: string) =>
  changingSite({ url, siteName, title, paragraphs: [`<p>${title}, in full.</p>`] });

let ferryco: ChangingSite;
let web: TestWeb;
let dir: string;
let stateFile: string;

beforeAll(async () => {
  ferryco = source(statement, 'FerryCo', 'Winter timetable');
  web = await startTestWeb({
    sites: [
      ferryco.site,
      source(plan, 'Port Quay Council', 'Transport plan 2023').site,
      source(figures, 'Port Quay statistics', 'Passengers 2023').site,
      { hosts: [new URL(petition).hostname], handle: (_req, res) => send(res, 403, 'Forbidden') },
    ],
  });
});
afterAll(async () => {
  await web.close();
});
beforeEach(async () => {
  ferryco.setFate('alive');
  dir = await mkdtemp(path.join(tmpdir(), 'cited-watch-'));
  stateFile = path.join(dir, 'state.json');
  return () => rm(dir, { recursive: true, force: true });
});

async function cli(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const args = [fixture, '--url', articleUrl, '--proxy', web.proxyUrl, '--insecure', '--no-third-party'];
  const code = await runCheckCli([...args, '--state', stateFile, ...extra], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('npm run check --state', () => {
  it('a source that breaks between runs is failing (1, 2 of 3), dead only on the third failed check three days apart, then recovered', async () => {
    const first = await cli('--now', '2026-03-02');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('## Watch: what changed on the first run');
    expect(first.stdout).toContain('Watching starts here: no source is failing.');
    // What the run found besides link statuses: the quoted plan does not say what the article quotes.
    expect(first.stdout).toContain(`- 💬 quote “for as long as the subsidy lasts” not found — <${plan}>`);
    expect(first.stdout).toContain('**4 sources watched**: 3 standing, 1 unverified.');

    ferryco.setFate('gone');
    const broke = await cli('--now', '2026-03-09');
    // The report says the citation is dead today, but one failed check is not enough to fail the run.
    expect(broke.stdout).toMatch(/❌ dead \| \[statement on its website\]/);
    expect(broke.stdout).toContain(
      `- ❗ broke: failing since 2026-03-09 (1 of 3) — <${statement}>. The site answers 404 Not Found`,
    );
    expect(broke.code).toBe(0);

    const nextDay = await cli('--now', '2026-03-10');
    expect(nextDay.stdout).toContain('## Watch: what changed since the previous run (2026-03-09)');
    expect(nextDay.stdout).toContain('Nothing changed.');
    expect(nextDay.code).toBe(0);

    const second = await cli('--now', '2026-03-12');
    expect(second.stdout).toContain(`- ⚠️ still failing: failing since 2026-03-09 (2 of 3) — <${statement}>`);
    expect(second.code).toBe(0);

    const third = await cli('--now', '2026-03-16', '--json');
    expect(third.code).toBe(1);
    const report = JSON.parse(third.stdout);
    expect(report.generatedAt).toBe('2026-03-16T00:00:00.000Z');
    expect(report.watch.changes).toEqual([
      expect.objectContaining({
        url: statement,
        kind: 'died',
        description: 'dead: failed 3 checks from 2026-03-09 to 2026-03-16',
      }),
    ]);
    expect(report.watch.byState).toMatchObject({ dead: 1, standing: 2, unverified: 1 });
    // The quotation's verdict has not changed since the first run: nothing more to say about it.
    expect(report.watch.findings).toEqual([]);

    ferryco.setFate('alive');
    const back = await cli('--now', '2026-03-23');
    expect(back.stdout).toContain(
      `- ✅ recovered: recovered on 2026-03-23 (failing since 2026-03-09) — <${statement}>`,
    );
    expect(back.code).toBe(0);

    // The state file keeps each check with its evidence, dated as the runs were.
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    expect(state.runs).toHaveLength(6);
    const history = state.sources.find((s: { url: string }) => s.url === statement);
    expect(history.checks.map((c: { at: string; status: string }) => [c.at.slice(0, 10), c.status])).toEqual([
      ['2026-03-02', 'alive'],
      ['2026-03-09', 'dead'],
      ['2026-03-10', 'dead'],
      ['2026-03-12', 'dead'],
      ['2026-03-16', 'dead'],
      ['2026-03-23', 'alive'],
    ]);
    expect(history.checks[1].evidence).toMatchObject({ httpStatus: 404, attempts: 2 });
    expect(history.checks[1].evidence.checkedAt.slice(0, 10)).toBe('2026-03-09');
    // The quoted plan does not say what the article quotes: recorded once, on the first run, not at every run.
    const quoted = state.sources.find((s: { url: string }) => s.url === plan);
    expect(quoted.events).toEqual([
      {
        at: '2026-03-02T00:00:00.000Z',
        kind: 'quote',
        quote: 'for as long as the subsidy lasts',
        status: 'not-found',
        previous: null,
      },
    ]);
  }, 60_000);

  it('with --csv the changes go to stderr, where a CI log shows them', async () => {
    ferryco.setFate('gone');
    const { stdout, stderr, code } = await cli('--now', '2026-03-09', '--csv');
    expect(stdout.startsWith('number,url,domain,')).toBe(true);
    expect(stderr).toContain('❗ broke: failing since 2026-03-09 (1 of 3)');
    expect(code).toBe(0);
  });

  it('refuses a run earlier than the last one recorded', async () => {
    await cli('--now', '2026-03-09');
    const { code, stderr } = await cli('--now', '2026-03-02');
    expect(code).toBe(2);
    expect(stderr).toContain('is earlier than the last run recorded');
  });

  it.each([
    ['not json', /cannot use the state file ".*": it is not JSON/],
    ['{"schema":"something.else"}', /it is not a Cited state file/],
    [
      '{"schema":"cited.watch-state","version":1,"article":{"url":"https://other.test/a"},"runs":[],"sources":[]}',
      /it records the article https:\/\/other.test\/a, not https:\/\/www.quaycourier.test\/.*Use one state file per article/,
    ],
  ])('a state file that cannot be used (%s) exits 2 and says why', async (content, message) => {
    await writeFile(stateFile, content);
    const { code, stderr, stdout } = await cli();
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(await readFile(stateFile, 'utf8')).toBe(content);
  });

  it('a --now that is not a date exits 2 and says so', async () => {
    const { code, stderr } = await cli('--now', 'next tuesday');
    expect(code).toBe(2);
    expect(stderr).toContain('--now must be an ISO 8601 date such as 2026-03-09, got "next tuesday".');
  });
});
