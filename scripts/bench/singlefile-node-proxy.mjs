/**
 * Preloaded (`node --import`) into the SingleFile CLI by the snapshot benchmark. SingleFile fetches a resource
 * from inside the page first; when the page's CORS rules refuse it (an image on another host), it fetches it from
 * its own Node process instead. On the real web that request goes straight out; here the only web is the test
 * web, so Node's fetch is sent through the same proxy the browser uses (whose throwaway certificate it must
 * accept, as the browser does with --ignore-certificate-errors). Local addresses (the browser's DevTools server)
 * stay direct.
 */
import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';

const proxy = process.env.CITED_BENCH_PROXY;
if (proxy) {
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      httpProxy: proxy,
      httpsProxy: proxy,
      noProxy: 'localhost,127.0.0.1',
      requestTls: { rejectUnauthorized: false },
    }),
  );
}
