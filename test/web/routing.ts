import type { DirectRoutes } from './server';

/**
 * How a browser reaches the test web. Everything goes through its proxy, except the hosts that must fail the way
 * they fail on the open web: behind a proxy, a browser sees any host the proxy cannot reach as one "tunnel
 * connection failed", and a careful checker must not call that dead. Those hosts are sent DIRECT by a PAC script,
 * where the browser resolves them itself: a name that does not resolve is told NOTFOUND, a refusing host points
 * at a closed loopback port. Decided when the browser starts: a failing host added later goes through the proxy.
 */

/** A closed port on loopback (the discard service, which nothing here runs). */
const CLOSED_PORT = 9;

export function proxyAutoConfig(proxyPort: number, routes: DirectRoutes): string {
  const direct = JSON.stringify([...routes.unresolvable, ...routes.refusing].sort());
  return `function FindProxyForURL(url, host) {
  var direct = ${direct};
  for (var i = 0; i < direct.length; i++) if (host === direct[i]) return "DIRECT";
  return "PROXY 127.0.0.1:${proxyPort}";
}`;
}

function pacDataUrl(proxyPort: number, routes: DirectRoutes, mime: string): string {
  return `data:${mime};base64,${Buffer.from(proxyAutoConfig(proxyPort, routes)).toString('base64')}`;
}

/** Chromium's switches: the PAC script, and host resolver rules for the hosts it sends direct. */
export function chromiumRouting(proxyPort: number, routes: DirectRoutes): string[] {
  const rules = [
    ...routes.refusing.map((host) => `MAP ${host} 127.0.0.1:${CLOSED_PORT}`),
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ];
  return [
    `--proxy-pac-url=${pacDataUrl(proxyPort, routes, 'application/x-javascript-config')}`,
    `--host-resolver-rules=${rules.join(', ')}`,
  ];
}

/** Firefox's preferences for the same routing (its resolver answers .example names with "unknown host"). */
export function firefoxRouting(proxyPort: number, routes: DirectRoutes): Record<string, unknown> {
  return {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': pacDataUrl(proxyPort, routes, 'application/x-ns-proxy-autoconfig'),
    // Resolved to loopback, where nothing listens on 80 or 443: refused.
    'network.dns.localDomains': routes.refusing.join(','),
  };
}
