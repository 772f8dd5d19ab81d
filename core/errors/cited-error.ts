/**
 * Errors that must reach the reader intact across extension contexts.
 *
 * Messages between the content script, the background worker and the panel are
 * structured-cloned, which drops an Error's class. The `code` survives as a plain
 * property, so every context can branch on it and show the right words.
 */
export type CitedErrorCode =
  | 'restricted-page'
  | 'no-access'
  | 'no-article'
  | 'page-not-ready'
  | 'page-too-big'
  | 'invalid-url'
  | 'storage-quota'
  | 'storage-failed'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'not-found'
  | 'third-party-disabled'
  | 'invalid-backup'
  | 'internal';

export class CitedError extends Error {
  override readonly name = 'CitedError';
  readonly code: CitedErrorCode;
  /** Optional detail for the reader, e.g. the blocked URL. */
  readonly detail?: string;

  constructor(code: CitedErrorCode, message: string, detail?: string) {
    super(message);
    this.code = code;
    if (detail !== undefined) this.detail = detail;
  }
}

/** A plain object that survives structured cloning and JSON. */
export interface SerializedError {
  name: string;
  code: CitedErrorCode;
  message: string;
  detail?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof CitedError) {
    return {
      name: error.name,
      code: error.code,
      message: error.message,
      ...(error.detail !== undefined ? { detail: error.detail } : {}),
    };
  }
  if (isSerializedError(error)) return error;
  if (error instanceof Error) {
    const code = isQuotaError(error) ? 'storage-quota' : 'internal';
    return { name: error.name, code, message: error.message };
  }
  return { name: 'Error', code: 'internal', message: String(error) };
}

export function deserializeError(error: SerializedError): CitedError {
  return new CitedError(error.code, error.message, error.detail);
}

export function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SerializedError).code === 'string' &&
    typeof (value as SerializedError).message === 'string'
  );
}

/** Browsers name quota failures differently; all of them mean "the disk or the quota is full". */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null)) return false;
  const name = (error as { name?: string }).name ?? '';
  const message = (error as { message?: string }).message ?? '';
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    /quota/i.test(message) ||
    /disk (is )?full|no space/i.test(message)
  );
}

/**
 * A CitedError thrown in another context arrives as a plain object that kept its code; this gives it its class
 * back. Undefined for any other failure, which the caller puts in its own words.
 */
export function revivedCitedError(error: unknown): CitedError | undefined {
  if (error instanceof CitedError) return error;
  if (isSerializedError(error) && error.name === 'CitedError') return deserializeError(error);
  return undefined;
}

/**
 * What went wrong, in the words the error carries, whatever was thrown. Errors that crossed a message boundary may
 * arrive as plain objects with a `message`, which are read the same way.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
