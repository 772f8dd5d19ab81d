export type { ArchivedCopy, ArchiveErrorCode, ArchiveLookup } from './types';
export {
  type ArchiveLookupOptions,
  DEFAULT_ARCHIVE_ENDPOINT,
  DEFAULT_REPLAY_ENDPOINT,
  lookupArchivedCopies,
  needsArchiveLookup,
  parseAvailability,
  publicationTimestamp,
  toWaybackTimestamp,
  waybackTimestampToIso,
} from './wayback';
