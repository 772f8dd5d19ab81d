/** One capture in the local Wayback: the page as it was at `timestamp`, with the status it had then. */
export interface ArchivedCopy {
  /** The original URL as captured. */
  url: string;
  /** YYYYMMDDhhmmss (UTC), as the Wayback writes it. */
  timestamp: string;
  /** The HTTP status the capture recorded: only 2xx copies are usable, but later captures of dead pages are 404s. */
  status: number;
  html: () => string;
}
