import { parseArgs } from 'node:util';
import { startTestWeb } from './server';
import { demoArticleUrl, demoHomeUrl } from './sites/demo/fates';
import { allSites } from './sites/index';
import { seedArticleUrl } from './sites/seed';

// Starts the test web with every site, for manual use: point a browser (or curl -x / -k) at the printed proxy.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seized: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npx tsx test/web/cli.ts [--port N] [--seized]

Starts Cited's local test web (an HTTP proxy that plays many hosts) on 127.0.0.1.
  --port N    listen on port N (default: a free port)
  --seized    play deepdotweb.com as seized (one notice at every address) instead of the 2017 site`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const web = await startTestWeb({ sites: allSites({ seedEra: values.seized ? 'seized' : '2017' }), port });
console.log(`Test web listening: proxy ${web.proxyUrl}

  chromium --proxy-server=${web.proxyUrl} --ignore-certificate-errors ${demoArticleUrl}
  curl -x ${web.proxyUrl} -k ${seedArticleUrl}

Demo outlet: ${demoHomeUrl}
Press Ctrl-C to stop.`);

const stop = async () => {
  await web.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
