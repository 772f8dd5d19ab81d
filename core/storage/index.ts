export { backupFileName, backupLibrary, type RestoreReport, restoreLibrary } from './backup/wacz';
export { sanitizeFileName, snapshotDownload, snapshotFileName } from './download';
export {
  clearLibrary,
  deleteSnapshot,
  getSnapshot,
  getSnapshotDetails,
  getSnapshotHtml,
  getSnapshotRecord,
  getSources,
  type LibraryQuery,
  type LibrarySort,
  listSnapshots,
  newSnapshotFrom,
  saveSnapshot,
  searchSnapshotIds,
  storageUsed,
} from './library';
export { type CitedDB, type CitedDBSchema, DB_NAME, DB_VERSION, MIGRATIONS, openCitedDb } from './schema';
export type * from './types';
