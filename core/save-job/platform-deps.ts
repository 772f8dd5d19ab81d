import { taskTurn } from '../capture/steps';
import { RequestScheduler } from '../linkcheck/scheduler';
import { fetchResourceWith } from '../snapshot/fetch-resource';
import { type CitedDB, openCitedDb } from '../storage/schema';
import type { SaveJobDeps } from './save-job';
import type { SaveProgress } from './types';

let database: Promise<CitedDB> | null = null;

function library(): Promise<CitedDB> {
  database ??= openCitedDb({
    onClosedForUpgrade: () => {
      database = null;
    },
  }).catch((error: unknown) => {
    database = null;
    throw error;
  });
  return database;
}

// Shared by every save running in this context, so two saves citing the same host still send it 2 at a time.
const scheduler = new RequestScheduler({ perHost: 2, global: 4 });

/**
 * What a save needs in a browser context with a DOM (the offscreen document, Firefox's background page): the
 * inert DOMParser, the browser's fetch (which the extension's host permissions let read any site), the library.
 */
export function browserJobDeps(emit: (progress: SaveProgress) => void): SaveJobDeps {
  const domParser = new DOMParser();
  return {
    openDb: library,
    parseHtml: (html) => domParser.parseFromString(html, 'text/html'),
    domParser,
    // What the reader's page showed is most likely still in the HTTP cache.
    fetchPageResource: fetchResourceWith(fetch, { init: { cache: 'force-cache' } }),
    fetchSourceResource: fetchResourceWith(fetch, {
      init: { credentials: 'omit', referrerPolicy: 'no-referrer' },
    }),
    fetchSource: (url, init) => fetch(url, init),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    emit,
    scheduler,
    // The offscreen document shares the side panel's thread: a long page's save must leave it turns.
    pause: taskTurn,
  };
}
