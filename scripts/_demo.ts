import { writeFileSync } from 'node:fs';
import { startTestWeb } from '../test/web/server';
import { demoArticlePage } from '../test/web/sites/demo/article';
import { demoArticleUrl } from '../test/web/sites/demo/fates';
import { allSites } from '../test/web/sites/index';
import { runCheckCli } from './check';

const web = await startTestWeb({ sites: allSites() });
writeFileSync('/tmp/demo.html', demoArticlePage());
const t = Date.now();
let out = '';
const code = await runCheckCli(
  [
    '/tmp/demo.html',
    '--url',
    demoArticleUrl,
    '--proxy',
    web.proxyUrl,
    '--insecure',
    ...process.argv.slice(2),
  ],
  { stdout: (s) => (out += s), stderr: (s) => process.stderr.write(s) },
);
console.log(out);
console.error('code', code, 'ms', Date.now() - t);
await web.close();
