import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWeb, type TestWeb } from '../../web/server';
import {
  linkcheckCaseSites,
  linkcheckCases,
  otherCases,
  runLinkcheckCase,
} from '../../web/sites/linkcheck-cases';

// The linkcheck cases of ../shared/corpus/linkcheck/CASES.md, played by the test web (one host per case) and
// checked by Cited's engine as the Node CLI runs it. Each case states Cited's verdict and, where it differs from
// the peer's, why.
let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb({ sites: linkcheckCaseSites() });
});
afterAll(async () => {
  await web.close();
});

describe('CASES.md, one link at a time, over the test web', () => {
  it.each(linkcheckCases.map((testCase) => [testCase.id, testCase] as const))('%s', async (_id, testCase) => {
    const outcome = await runLinkcheckCase(web, testCase);
    expect(outcome.problem).toBeNull();
  });
});

const casesFile = path.resolve(import.meta.dirname, '../../../../shared/corpus/linkcheck/cases.json');
describe.skipIf(!existsSync(casesFile))('the case list matches ../shared/corpus/linkcheck/cases.json', () => {
  it('covers every case id exactly once, as a link check or as a case about something else', () => {
    const ids = (JSON.parse(readFileSync(casesFile, 'utf8')) as { id: string }[]).map((c) => c.id).sort();
    const ours = [...linkcheckCases, ...otherCases].map((c) => c.id).sort();
    expect(ours).toEqual(ids);
  });
});
if (!existsSync(casesFile)) console.warn(`Skipping the case-list check: ${casesFile} is missing.`);
