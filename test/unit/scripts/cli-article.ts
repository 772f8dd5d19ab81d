import path from 'node:path';

/** The saved article the CLI tests check (test/fixtures/check-cli/article.html) and the four sources it cites. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const fixture = path.join(repoRoot, 'test/fixtures/check-cli/article.html');
export const articleUrl = 'https://www.quaycourier.test/2024/03/05/ferry-timetable-cut/';

export const statement = 'https://www.ferryco.test/press/2024/winter-timetable';
export const plan = 'https://council.portquay.test/transport/plan-2023';
export const figures = 'https://stats.portquay.test/ferry/passengers-2023.html';
export const petition = 'https://www.petitionhub.test/p/keep-the-hourly-ferry';

/** The CLI's arguments for the fixture article, its requests sent through the test web at `proxyUrl`. */
export const fixtureArgs = (proxyUrl: string) => [
  fixture,
  '--url',
  articleUrl,
  '--proxy',
  proxyUrl,
  '--insecure',
];
