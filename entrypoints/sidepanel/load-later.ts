import { errorMessage } from '../../core/errors/cited-error';

/**
 * Loads a part of the panel the first time it is needed (quote checks, comparisons, report files, snapshot files),
 * so opening the panel evaluates only what it shows first. A part that cannot load (the extension was updated or
 * removed under an open panel) says which part and what to do, in place of the browser's bare "Failed to fetch
 * dynamically imported module".
 */
export async function loadLater<T>(part: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = errorMessage(error);
    throw new Error(
      `Cited could not load its ${part} (${reason}). Close and reopen the panel to try again.`,
      {
        cause: error,
      },
    );
  }
}
