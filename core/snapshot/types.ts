/** What a snapshot asks the outside world for; the engine never fetches by itself. */
export type ResourceKind = 'image' | 'stylesheet' | 'font' | 'other';

export interface FetchedResource {
  bytes: Uint8Array;
  /** The Content-Type header as received (may be empty); the engine sniffs the bytes as well. */
  contentType: string;
}

export interface FetchResourceOptions {
  /** The engine refuses anything larger; a fetcher can stop reading early once it is passed. */
  maxBytes: number;
  signal?: AbortSignal;
  /**
   * Awaited between the build's long synchronous stages (clone, sanitising, serialising, the safety check), so a
   * long page's build is several tasks, not one: where it runs beside the reader's pages (Chrome's offscreen
   * document shares the side panel's thread), they stay responsive. None by default.
   */
  pause?: () => Promise<void>;
}

/**
 * Fetches one subresource of the page. Returns null (or throws an Error whose message says why) when the
 * resource cannot be had; a failure never aborts the snapshot, it is listed in `failures`.
 */
export type FetchResource = (
  url: string,
  kind: ResourceKind,
  options: FetchResourceOptions,
) => Promise<FetchedResource | null>;

export interface BuildSnapshotInput {
  /**
   * The page. Never modified: the engine works on its own clone. Either the live document, a jsdom
   * document, or one parsed (DOMParser) from `serializePreparedDocument(prepareSnapshotDocument(live))`.
   */
  document: Document;
  /** The page's address (what the address bar showed). Relative URLs resolve against it (and `<base href>`). */
  url: string;
  fetchResource: FetchResource;
  now: () => Date;
  /** Parallel fetches. Default 16. */
  concurrency?: number;
  /** Per-resource cap in bytes. Default 15 MB. */
  maxResourceBytes?: number;
  /** Cap on all inlined resources together. Default 150 MB. */
  maxTotalBytes?: number;
  /** Drop CSS rules whose selectors match nothing, and fonts nothing uses. Default true. */
  removeUnusedCss?: boolean;
  /**
   * Re-parse the finished HTML and check no script, handler or script URL appeared on the way (mutation
   * through serialisation). Default true.
   */
  verify?: boolean;
  /** A DOMParser for the verification pass; defaults to the document's window's, then the global one. */
  domParser?: DOMParser;
  signal?: AbortSignal;
  /**
   * Awaited between the build's long synchronous stages (clone, sanitising, serialising, the safety check), so a
   * long page's build is several tasks, not one: where it runs beside the reader's pages (Chrome's offscreen
   * document shares the side panel's thread), they stay responsive. None by default.
   */
  pause?: () => Promise<void>;
}

export interface SnapshotResource {
  url: string;
  kind: ResourceKind;
  /** Bytes as fetched (before base64). */
  bytes: number;
  contentType: string;
}

export interface SnapshotFailure {
  url: string;
  kind: ResourceKind;
  /** Plain words, e.g. "larger than 15 MB" or "not an image (text/html)". */
  reason: string;
}

/** What the engine took out, for the "what was removed" line of the result. */
export interface SnapshotRemovals {
  scripts: number;
  eventHandlers: number;
  scriptUrls: number;
  embeds: number;
  trackers: number;
  metaRefresh: number;
  hiddenElements: number;
  unusedCssRules: number;
  unusedFonts: number;
  media: number;
}

export interface SnapshotResult {
  /** The self-contained document, with its SHA-256 recorded inside (see hash.ts for what exactly is hashed). */
  html: string;
  /** Lower-case hex SHA-256, as recorded in the document. */
  sha256: string;
  /** UTF-8 size of `html`. */
  bytes: number;
  title: string;
  url: string;
  /** ISO 8601 capture time, as recorded in the document. */
  savedAt: string;
  resources: {
    count: number;
    bytes: number;
    list: SnapshotResource[];
  };
  failures: SnapshotFailure[];
  removed: SnapshotRemovals;
  /** Inlined data URIs by original URL, so a reader view built right after can reuse the images. */
  inlined: ReadonlyMap<string, string>;
}
