import { existsSync } from 'node:fs';
import { LINK_STATUSES } from '../../core/linkcheck/types';
import { chromiumFlags, chromiumPath, unpackedExtensionId } from '../../test/web/chromium';
import type { TestWeb } from '../../test/web/server';
import { type CdpBrowser, type CdpParams, launchOverPipe } from './cdp-pipe';

/**
 * The real side panel in headless Chromium, as the panel benchmarks drive it: the toolbar button pressed over CDP
 * (the way a reader's click opens it), the panel found among the browser's targets, its rows and verdicts read.
 * Chromium runs over a bare DevTools pipe (see ./cdp-pipe.ts): nothing listens to the extension's link checks, so
 * the browser does no more work than a reader's would.
 */

const POLL_MS = 250;
const WINDOW = { width: 1280, height: 900 };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`panel bench: ${what} did not happen within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

export function hasChromium(): boolean {
  try {
    return existsSync(chromiumPath());
  } catch {
    return false;
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A target the benchmark attached to: scripts evaluated in it, and clicks as the reader's pointer gives them. */
export interface AttachedTarget {
  targetId: string;
  /** Evaluates `expression` (awaiting a promise it returns) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A real mouse click (pressed and released) in the middle of the first element `selector` matches. */
  click(selector: string): Promise<void>;
  /** Waits until `selector` matches an element. */
  waitForSelector(selector: string, timeoutMs: number): Promise<void>;
}

export interface PanelSession {
  cdp: CdpBrowser;
  extensionId: string;
  panelUrl: string;
  /** The tab showing the article, as a CDP target. */
  tabTargetId: string;
  /** The browser's targets of a type whose address starts with `prefix`. */
  findTarget(type: string, prefix: string): Promise<string | undefined>;
  /** Presses Cited's toolbar button on the article's tab and returns the panel once it is a page. */
  openPanel(): Promise<AttachedTarget>;
  close(): Promise<void>;
}

/** Rows drawn, and citations with a verdict as the panel's summary counts them (a long list draws only some rows). */
export function verdictCount(panel: AttachedTarget): Promise<{ rows: number; verdicts: number }> {
  return panel.evaluate(`(() => {
    const verdicts = ${JSON.stringify(LINK_STATUSES)};
    return {
      rows: document.querySelectorAll('[role="row"][data-citation-url]').length,
      verdicts: Array.from(document.querySelectorAll('[data-stacked-bar] [data-segment]'))
        .filter((segment) => verdicts.includes(segment.getAttribute('data-segment') ?? ''))
        .reduce((sum, segment) => sum + Number(segment.getAttribute('data-count')), 0),
    };
  })()`);
}

async function attach(cdp: CdpBrowser, targetId: string): Promise<AttachedTarget> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await cdp.send<{ result: { value?: T }; exceptionDetails?: CdpParams }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (reply.exceptionDetails) throw new Error(`panel bench: ${JSON.stringify(reply.exceptionDetails)}`);
    return reply.result.value as T;
  };
  return {
    targetId,
    evaluate,
    async click(selector) {
      const at = await evaluate<{ x: number; y: number } | null>(`(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        if (!element) return null;
        element.scrollIntoView({ block: 'center' });
        const box = element.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      })()`);
      if (!at) throw new Error(`panel bench: nothing matches ${selector}`);
      for (const type of ['mousePressed', 'mouseReleased']) {
        await cdp.send('Input.dispatchMouseEvent', { type, ...at, button: 'left', clickCount: 1 }, sessionId);
      }
    },
    async waitForSelector(selector, timeoutMs) {
      await waitFor(selector, timeoutMs, async () =>
        (await evaluate<boolean>(`Boolean(document.querySelector(${JSON.stringify(selector)}))`))
          ? true
          : undefined,
      );
    },
  };
}

/** Chromium with the build, the article loaded in its one tab, and the worker ready to open the panel. */
export async function startPanelSession(
  profile: string,
  extensionDir: string,
  web: TestWeb,
  articleUrl: string,
): Promise<PanelSession> {
  const flags = chromiumFlags({
    extensionDir,
    proxyUrl: web.proxyUrl,
    directRoutes: web.directRoutes(),
    headless: true,
    debugging: true,
  }).filter((flag) => !flag.startsWith('--remote-debugging-port'));
  const cdp = launchOverPipe(chromiumPath(), [
    ...flags,
    `--user-data-dir=${profile}`,
    `--window-size=${WINDOW.width},${WINDOW.height}`,
    'about:blank',
  ]);
  const targets = async (type: string) =>
    (await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets', { filter: [{ type }] })).targetInfos;
  const findTarget = async (type: string, prefix: string) =>
    (await targets(type)).find((target) => target.url.startsWith(prefix))?.targetId;
  try {
    const extensionId = unpackedExtensionId(extensionDir);
    const workerId = await waitFor('the extension worker to start', 15_000, () =>
      findTarget('service_worker', `chrome-extension://${extensionId}/`),
    );
    const worker = await attach(cdp, workerId);
    await waitFor('the worker set the toolbar button to open the panel', 15_000, async () =>
      (await worker.evaluate<boolean>(
        'chrome.sidePanel.getPanelBehavior().then((b) => b.openPanelOnActionClick)',
      ))
        ? true
        : undefined,
    );
    const blank = await waitFor('the first tab', 15_000, () => findTarget('page', 'about:blank'));
    const tab = await attach(cdp, blank);
    await tab.evaluate(`location.assign(${JSON.stringify(articleUrl)})`);
    await waitFor('the article to load', 60_000, async () =>
      (await tab.evaluate<string>('location.href + " " + document.readyState')) === `${articleUrl} complete`
        ? true
        : undefined,
    );
    const tabTargetId = (await targets('tab')).find((target) => target.url === articleUrl)?.targetId;
    if (!tabTargetId) throw new Error(`panel bench: no tab shows ${articleUrl}`);
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    return {
      cdp,
      extensionId,
      panelUrl,
      tabTargetId,
      findTarget,
      async openPanel() {
        await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tabTargetId });
        const panelId = await waitFor('the side panel to open', 15_000, () => findTarget('page', panelUrl));
        return attach(cdp, panelId);
      },
      close: () => cdp.close(),
    };
  } catch (error) {
    await cdp.close();
    throw error;
  }
}
