import { errorMessage } from '../errors/cited-error';
import {
  acceptFont,
  acceptImage,
  decodeStylesheet,
  imageDimensions,
  sniffImageType,
  toDataUri,
} from './data-uri';
import type { FetchResource, ResourceKind, SnapshotFailure, SnapshotResource } from './types';
import { isHttpUrl } from './url';

export interface InlinedImage {
  dataUri: string;
  width?: number;
  height?: number;
}

export interface ResourceLimits {
  concurrency: number;
  maxResourceBytes: number;
  maxTotalBytes: number;
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1_000_000) * 10) / 10} MB`;
}

/**
 * Fetches each URL once, a few at a time, within per-resource and total byte caps. Every refusal or error
 * is recorded with a reason and yields null: one missing image never costs the whole snapshot.
 */
export class ResourceLoader {
  readonly failures: SnapshotFailure[] = [];
  readonly resources: SnapshotResource[] = [];
  /** Data URIs by URL, shared with the reader view. */
  readonly inlined = new Map<string, string>();
  private totalBytes = 0;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly raw = new Map<string, Promise<{ bytes: Uint8Array; contentType: string } | null>>();
  private readonly images = new Map<string, Promise<InlinedImage | null>>();
  private readonly fonts = new Map<string, Promise<string | null>>();
  private readonly sheets = new Map<string, Promise<string | null>>();
  private readonly svgs = new Map<string, Promise<string | null>>();

  constructor(
    private readonly fetchResource: FetchResource,
    private readonly limits: ResourceLimits,
    private readonly signal?: AbortSignal,
  ) {}

  image(url: string): Promise<InlinedImage | null> {
    let pending = this.images.get(url);
    if (!pending) {
      pending = this.load(url, 'image').then((res) => {
        if (!res) return null;
        const verdict = acceptImage(res.bytes, res.contentType);
        if (!verdict.ok) return this.fail(url, 'image', verdict.reason);
        const dataUri = toDataUri(res.bytes, verdict.mime);
        this.record(url, 'image', res.bytes.length, verdict.mime, dataUri);
        const dims = imageDimensions(res.bytes);
        return dims ? { dataUri, width: dims.width, height: dims.height } : { dataUri };
      });
      this.images.set(url, pending);
    }
    return pending;
  }

  font(url: string): Promise<string | null> {
    let pending = this.fonts.get(url);
    if (!pending) {
      pending = this.load(url, 'font').then((res) => {
        if (!res) return null;
        const verdict = acceptFont(res.bytes, res.contentType);
        if (!verdict.ok) return this.fail(url, 'font', verdict.reason);
        const dataUri = toDataUri(res.bytes, verdict.mime);
        this.record(url, 'font', res.bytes.length, verdict.mime, dataUri);
        return dataUri;
      });
      this.fonts.set(url, pending);
    }
    return pending;
  }

  /** An SVG document's text (for `<use href="sprite.svg#icon">`), or null. */
  svgText(url: string): Promise<string | null> {
    let pending = this.svgs.get(url);
    if (!pending) {
      pending = this.load(url, 'image').then((res) => {
        if (!res) return null;
        if (sniffImageType(res.bytes) !== 'image/svg+xml')
          return this.fail(url, 'image', 'not an SVG document');
        this.record(url, 'image', res.bytes.length, 'image/svg+xml', null);
        return new TextDecoder('utf-8').decode(res.bytes);
      });
      this.svgs.set(url, pending);
    }
    return pending;
  }

  stylesheet(url: string): Promise<string | null> {
    let pending = this.sheets.get(url);
    if (!pending) {
      pending = this.load(url, 'stylesheet').then((res) => {
        if (!res) return null;
        const text = decodeStylesheet(res.bytes, res.contentType);
        if (/^\s*<(?:!doctype|html)/i.test(text)) {
          return this.fail(url, 'stylesheet', 'not a stylesheet (an HTML page was returned)');
        }
        this.record(url, 'stylesheet', res.bytes.length, 'text/css', null);
        return text;
      });
      this.sheets.set(url, pending);
    }
    return pending;
  }

  private record(
    url: string,
    kind: ResourceKind,
    bytes: number,
    contentType: string,
    dataUri: string | null,
  ) {
    this.resources.push({ url, kind, bytes, contentType });
    if (dataUri) this.inlined.set(url, dataUri);
  }

  private fail(url: string, kind: ResourceKind, reason: string): null {
    this.failures.push({ url, kind, reason });
    return null;
  }

  private load(url: string, kind: ResourceKind): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    let pending = this.raw.get(url);
    if (!pending) {
      pending = this.fetchOnce(url, kind);
      this.raw.set(url, pending);
    }
    return pending;
  }

  private async fetchOnce(url: string, kind: ResourceKind) {
    if (url.startsWith('blob:')) return this.fail(url, kind, 'a page-local blob: address, not reachable');
    if (!isHttpUrl(url)) return this.fail(url, kind, 'not a web address');
    if (this.totalBytes >= this.limits.maxTotalBytes) {
      return this.fail(url, kind, `snapshot size cap reached (${formatMb(this.limits.maxTotalBytes)})`);
    }
    await this.acquire();
    try {
      if (this.signal?.aborted) return this.fail(url, kind, 'cancelled');
      const result = await this.fetchResource(url, kind, {
        maxBytes: this.limits.maxResourceBytes,
        ...(this.signal ? { signal: this.signal } : {}),
      });
      if (!result) return this.fail(url, kind, 'could not be fetched');
      const size = result.bytes.length;
      if (size > this.limits.maxResourceBytes) {
        return this.fail(
          url,
          kind,
          `larger than ${formatMb(this.limits.maxResourceBytes)} (${formatMb(size)})`,
        );
      }
      if (this.totalBytes + size > this.limits.maxTotalBytes) {
        return this.fail(url, kind, `snapshot size cap reached (${formatMb(this.limits.maxTotalBytes)})`);
      }
      this.totalBytes += size;
      return { bytes: result.bytes, contentType: result.contentType ?? '' };
    } catch (error) {
      const message = errorMessage(error);
      return this.fail(url, kind, message || 'could not be fetched');
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
