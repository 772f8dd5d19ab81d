import type { Navigation } from './navigate';
import type { CheckEvidence, FetchErrorCode } from './types';

/** What a navigation showed, as a verdict's evidence (the check adds its timing and attempts). */
export function evidenceOf(
  navigation: Navigation | null,
): Omit<CheckEvidence, 'elapsedMs' | 'checkedAt' | 'attempts' | 'redirectMode'> {
  if (navigation === null) return { redirected: false };
  if (!navigation.ok) {
    return {
      redirected: navigation.redirected,
      errorCode: navigation.code as FetchErrorCode,
      errorMessage: navigation.detail,
      ...(navigation.finalUrl !== undefined ? { finalUrl: navigation.finalUrl } : {}),
      ...(navigation.chain ? { redirectChain: navigation.chain } : {}),
    };
  }
  return {
    httpStatus: navigation.status,
    finalUrl: navigation.finalUrl,
    redirected: navigation.redirected,
    ...(navigation.chain ? { redirectChain: navigation.chain } : {}),
    ...(navigation.contentType !== undefined ? { contentType: navigation.contentType } : {}),
    ...(navigation.truncated ? { truncated: true } : {}),
  };
}

/** A wait as a reader reads it: "30 s", "5 min", "1.5 h". */
export function formatWait(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}
