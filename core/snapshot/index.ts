/**
 * Snapshots: one self-contained, script-free HTML file per page, with its own SHA-256.
 *
 * How the extension uses it (the MV3 service worker has no DOM, so the build runs where one exists):
 * 1. Content script, on the live page: `serializeDocument(prepareSnapshotDocument(document))` — a clone
 *    carrying what the markup alone does not say (typed form values, the image candidate each `<img>`
 *    shows, scroll positions, canvases, CSSOM-only styles, open shadow roots, hidden elements marked), as
 *    HTML text plus `location.href`, sent to ...
 * 2. ... the offscreen document (Chrome) or background page (Firefox), which parses it with `DOMParser`
 *    (inert: nothing loads or runs) and calls `buildSnapshot({ document, url, fetchResource, now })`, with
 *    `fetchResource = fetchResourceWith(fetch, { init: { cache: 'force-cache' } })` or its own.
 * 3. The result goes to storage (core/storage `saveSnapshot(db, newSnapshotFrom(result, ...))`).
 * In Node (tests, benchmarks) any jsdom document can be passed straight to `buildSnapshot`.
 */
export { buildSnapshot, DEFAULT_LIMITS } from './build-snapshot';
export { fetchResourceWith } from './fetch-resource';
export { HASH_META_NAME, recordedHash, sha256Hex, verifySnapshotHash } from './hash';
export { META, SNAPSHOT_CSP } from './header';
export { captureLiveState, LIVE_ATTR, prepareSnapshotDocument, serializeDocument } from './live-state';
export { buildReaderView, type ReaderViewInput } from './reader-view';
export { findActiveContent } from './sanitize';
export type * from './types';
