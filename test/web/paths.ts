import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The read-only material outside the repo (seed article, corpora, reference). Never copied into the repo. */
export const sharedDir = path.resolve(repoRoot, '../shared');

/** The absolute path of a file under ../shared, or a clear error saying what is missing and what needs it. */
export function sharedFile(relative: string, neededFor: string): string {
  const file = path.join(sharedDir, relative);
  if (!existsSync(file)) {
    throw new Error(
      `${neededFor} needs ${file}, which is missing (the ../shared folder beside the repo is not here).`,
    );
  }
  return file;
}

export function hasShared(relative = ''): boolean {
  return existsSync(path.join(sharedDir, relative));
}
