import { strToU8 } from 'fflate';
import { CitedError } from '../../errors/cited-error';
import { withoutFragment } from '../../url/web-address';
import { sanitizeFileName } from '../download';
import { getSnapshotRecord, getSources } from '../library';
import type { CitedDB } from '../schema';
import type { SnapshotCitation, SnapshotRecord } from '../types';
import { writePackage } from './package';
import { snapshotWarcs } from './snapshot-warcs';
import { archiveUrl } from './surt';
import { LIBRARY_FILE, libraryFile } from './wacz';

/**
 * One saved article as a WACZ a reader hands on: the article (the archive's `home`, where ReplayWeb.page opens)
 * and each source saved with it as pages, plus `cited/citations.json`, what Cited knew of each citation when
 * the article was saved, and `cited/library.json`, so Cited's restore brings the article back into a library.
 */

export const CITATIONS_FILE = 'cited/citations.json';
export const CITATIONS_FORMAT = 'cited-citations';

/** A copy of a cited page inside this archive: open it in a player at `url` and `ts`. */
export interface ArchivedCopy {
  url: string;
  /** ISO 8601. */
  ts: string;
  title: string;
  sha256: string;
}

export interface CitationEntry {
  url: string;
  domain: string;
  relation: SnapshotCitation['relation'];
  kind: SnapshotCitation['kind'];
  /** Each place the article links it, with the sentence around the link. */
  occurrences: Array<{ anchorText: string; sentence: string }>;
  quotes: string[];
  status: SnapshotCitation['status'];
  /** The checker's reason for the status and when it gave it; null when it was not checked. */
  evidence: { reason: string | null; checkedAt: string | null } | null;
  archivedCopies: ArchivedCopy[];
  /** Why no copy was saved, when saving one failed. */
  notSaved?: string;
}

export interface CitationsFile {
  format: typeof CITATIONS_FORMAT;
  version: 1;
  article: { url: string; title: string; savedAt: string; sha256: string };
  citations: CitationEntry[];
}

export interface ArticleArchive {
  bytes: Uint8Array;
  filename: string;
  /** Pages in the archive: the article and its saved sources. */
  pages: number;
}

export interface ArticleArchiveOptions {
  now: () => Date;
  software?: string;
  signingKey?: CryptoKeyPair;
}

/** `Title (YYYY-MM-DD).wacz`, the date being the article's capture (UTC). */
export function articleArchiveName(summary: { title: string; savedAt: string }): string {
  return `${sanitizeFileName(summary.title, 'article')} (${summary.savedAt.slice(0, 10)}).wacz`;
}

function citationEntry(citation: SnapshotCitation, sources: Map<string, SnapshotRecord>): CitationEntry {
  const source =
    (citation.sourceSnapshotId ? sources.get(citation.sourceSnapshotId) : undefined) ??
    [...sources.values()].find(
      (record) => withoutFragment(record.summary.citedAs ?? '') === withoutFragment(citation.url),
    );
  const notSaved = (citation as SnapshotCitation & { sourceNotSaved?: string }).sourceNotSaved;
  return {
    url: citation.url,
    domain: citation.domain,
    relation: citation.relation,
    kind: citation.kind,
    occurrences: citation.occurrences.map(({ anchorText, sentence }) => ({ anchorText, sentence })),
    quotes: citation.quotes,
    status: citation.status,
    evidence:
      citation.status === 'not-checked'
        ? null
        : { reason: citation.statusReason ?? null, checkedAt: citation.checkedAt ?? null },
    archivedCopies: source
      ? [
          {
            url: archiveUrl(source.summary.url),
            ts: source.summary.savedAt,
            title: source.summary.title,
            sha256: source.summary.sha256,
          },
        ]
      : [],
    ...(notSaved ? { notSaved } : {}),
  };
}

/** Writes the article `id` and the sources saved with it into one WACZ file. */
export async function articleArchive(
  db: CitedDB,
  id: string,
  options: ArticleArchiveOptions,
): Promise<ArticleArchive> {
  const article = await getSnapshotRecord(db, id);
  if (!article) throw new CitedError('not-found', 'This article is no longer in the library.');
  if (article.summary.kind !== 'article') {
    throw new CitedError(
      'not-found',
      'Only an article can be downloaded as an archive, not one of its sources.',
    );
  }
  const now = options.now();
  const created = now.toISOString();
  const software = options.software ?? 'Cited';

  const sources = new Map<string, SnapshotRecord>();
  for (const summary of await getSources(db, id)) {
    const record = await getSnapshotRecord(db, summary.id);
    if (record) sources.set(summary.id, record);
  }
  async function* records() {
    yield article as SnapshotRecord;
    yield* sources.values();
  }
  const { files, entries } = await snapshotWarcs(records(), {
    created,
    software,
    pagesTitle: article.summary.title,
    contents: 'article',
  });

  const citations: CitationsFile = {
    format: CITATIONS_FORMAT,
    version: 1,
    article: {
      url: archiveUrl(article.summary.url),
      title: article.summary.title,
      savedAt: article.summary.savedAt,
      sha256: article.summary.sha256,
    },
    citations: article.details.citations.map((citation) => citationEntry(citation, sources)),
  };
  files.push(
    { path: CITATIONS_FILE, bytes: strToU8(JSON.stringify(citations, null, 2)) },
    { path: LIBRARY_FILE, bytes: libraryFile(entries, created, software) },
  );
  const bytes = await writePackage(
    files,
    {
      title: article.summary.title,
      description: `“${article.summary.title}” as saved by Cited on ${article.summary.savedAt}, with ${sources.size} cited source(s) and what Cited knew of each citation (cited/citations.json).`,
      created,
      software,
      home: { url: archiveUrl(article.summary.url), ts: article.summary.savedAt },
    },
    { mtime: now, ...(options.signingKey ? { signingKey: options.signingKey } : {}) },
  );
  return { bytes, filename: articleArchiveName(article.summary), pages: entries.length };
}
