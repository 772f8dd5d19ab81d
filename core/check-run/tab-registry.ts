/**
 * Which article each tab shows and what it cites, as the panel last said: the badge counts the tab's broken
 * citations, and a verdict reaching a URL looks up archived copies with each citing article's date.
 *
 * Kept in session storage (through `persist`), so a worker stopped mid-run still knows, when resume() finishes
 * the queue, whose badge to update. Tab ids mean nothing after the browser restarts, and session storage is
 * cleared then too.
 */
export interface TabPage {
  pageUrl: string;
  publishedTime: string | null;
  /** `checkKey` of each citation. */
  keys: string[];
  /** By `checkKey`: a reference's access date, which counts instead of `publishedTime` for that citation. */
  accessDates?: Record<string, string>;
  /** `checkKey`s of `keys` that are links a reference gives beside its source: checked, not counted on the badge. */
  beside?: string[];
}

/** The moment "the archived copy before" means for one citation of the page. */
export function archiveMomentIn(page: TabPage, key: string): string | null {
  return page.accessDates?.[key] ?? page.publishedTime;
}

export interface TabPersistence {
  load(): Promise<Record<string, TabPage> | undefined>;
  save(pages: Record<string, TabPage>): Promise<void>;
}

export class TabRegistry {
  private readonly pages = new Map<number, TabPage>();
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly persist?: TabPersistence) {}

  /** Reads back what an earlier worker recorded; entries registered since take precedence. */
  async load(): Promise<void> {
    const stored = await this.persist?.load().catch((error: unknown) => {
      console.warn('Cited: could not read the tabs of an earlier session', error);
      return undefined;
    });
    for (const [id, page] of Object.entries(stored ?? {})) {
      const tabId = Number(id);
      if (Number.isInteger(tabId) && isTabPage(page) && !this.pages.has(tabId)) this.pages.set(tabId, page);
    }
  }

  get(tabId: number): TabPage | undefined {
    return this.pages.get(tabId);
  }

  set(tabId: number, page: TabPage): void {
    this.pages.set(tabId, { ...page, keys: [...new Set(page.keys)] });
    this.save();
  }

  delete(tabId: number): boolean {
    const had = this.pages.delete(tabId);
    if (had) this.save();
    return had;
  }

  entries(): [number, TabPage][] {
    return [...this.pages];
  }

  tabsCiting(key: string): [number, TabPage][] {
    return this.entries().filter(([, page]) => page.keys.includes(key));
  }

  /** Resolves when every change so far is written (tests; the worker never waits for it). */
  flushed(): Promise<void> {
    return this.saving;
  }

  private save(): void {
    if (!this.persist) return;
    const snapshot = Object.fromEntries([...this.pages].map(([id, page]) => [String(id), page]));
    const persist = this.persist;
    this.saving = this.saving
      .then(() => persist.save(snapshot))
      .catch((error: unknown) => console.warn('Cited: could not remember the tabs', error));
  }
}

function isTabPage(value: unknown): value is TabPage {
  const page = value as TabPage;
  return (
    typeof page === 'object' &&
    page !== null &&
    typeof page.pageUrl === 'string' &&
    (page.publishedTime === null || typeof page.publishedTime === 'string') &&
    Array.isArray(page.keys) &&
    page.keys.every((key) => typeof key === 'string') &&
    (page.accessDates === undefined || isDateMap(page.accessDates)) &&
    (page.beside === undefined ||
      (Array.isArray(page.beside) && page.beside.every((key) => typeof key === 'string')))
  );
}

export function isDateMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((date) => typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))
  );
}
