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

/**
 * A built extension: the folder `overrideVariable` names, else <CITED_OUT_DIR or .output>/<target>
 * (`chrome-mv3`, `firefox-mv2`), as `wxt build` writes it.
 */
export function builtExtensionDir(target: string, overrideVariable: string): string {
  const outDir = process.env.CITED_OUT_DIR || '.output';
  return path.resolve(repoRoot, process.env[overrideVariable] ?? path.join(outDir, target));
}

export function hasShared(relative = ''): boolean {
  return existsSync(path.join(sharedDir, relative));
}
