/**
 * `node --import tsx test/e2e/replayweb-open.ts FILE.wacz`: opens a .wacz in ReplayWeb.page's engine (see
 * test/unit/support/replayweb.ts) and prints, as JSON, whether it was added, each page it lists and what a replay
 * of that page's address answered. A process of its own: the engine needs service-worker globals that must not
 * leak into the Playwright worker.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openInReplayWeb } from '../unit/support/replayweb';

const file = process.argv[2] ?? '';
const opened = await openInReplayWeb(new Uint8Array(await readFile(file)), path.basename(file));
const pages = [];
for (const page of opened.pages) {
  const timestamp = new Date(page.ts).toISOString().replace(/\D/g, '').slice(0, 14);
  const answer = await opened.fetchRaw(page.url, timestamp);
  pages.push({
    url: page.url,
    title: page.title,
    status: answer.status,
    body: new TextDecoder().decode(answer.body),
  });
}
process.stdout.write(
  JSON.stringify({ added: opened.added, output: opened.output, pages, verified: await opened.verifyInfo() }),
);
