/**
 * Words that give a page away: "page not found" titles, seizure banners, parked domains, bot challenges and
 * login walls.
 *
 * Titles are judged segment by segment ("Page not found | The Local" → "Page not found", "The Local"), and a
 * segment must be the marker as a whole, so a news headline that merely mentions a 404 or a seized forum
 * ("BKA Seized a Darknet Child Abuse Forum", "Inside 404 Media") is not mistaken for an error page.
 */

const TITLE_SEPARATORS = /\s+[|\-–—:·•»«]\s+|\s*[|·•]\s*/;

function titleSegments(title: string): string[] {
  const whole = title.trim().toLowerCase();
  return [whole, ...whole.split(TITLE_SEPARATORS)]
    .map((segment) => segment.replace(/^[\s"'“”‘’([{]+|[\s"'“”‘’)\]}.!?]+$/g, '').trim())
    .filter((segment) => segment !== '');
}

const NOT_FOUND_TITLES: RegExp[] = [
  /^(http )?(error )?404( error)?( page)?( not found)?$/,
  /^404 ?- ?(page |file )?not found$/,
  /^(error|fehler|erreur)? ?404$/,
  /^(oops!? |sorry,? |whoops!? )?(the |this |that )?(page|file|document|article|story|content|resource) (was |is )?not found$/,
  /^(oops!? |sorry,? |whoops!? )?(page|file|document|article|story|content|resource|nothing) not found$/,
  /^not found$/,
  /^(oops!? |sorry,? |whoops!? )?(that |this |the )?(page|article|story) (can(no|')t|could not|couldn't|does not|doesn't) (be found|exist)$/,
  /^(oops!? |sorry,? )?we can(no|')t find (that|this|the) page$/,
  /^(the )?page (you requested |you were looking for |you're looking for )?(is )?(no longer available|not available|does not exist|doesn't exist)$/,
  /^(seite|datei) nicht gefunden$/,
  /^(fehler|error) ?404 ?(seite nicht gefunden)?$/,
  /^page (introuvable|non trouvée)$/,
  /^(página|pagina) no encontrada$/,
  /^pagina non trovata$/,
  /^(pagina|pagina's) niet gevonden$/,
  /^(página|pagina) não encontrada$/,
  /^sidan (kunde inte hittas|hittades inte)$/,
  /^strona nie (została znaleziona|istnieje)$/,
  /^nothing found( for .*)?$/,
];

const SEIZED_PATTERNS: RegExp[] = [
  /\bth(is|e) (domain|site|website|web site|hidden (site|service)|domain name)( name)? ha(s|ve) been seized\b/,
  /^(domain|website|site) seized$/,
  /\bdiese (plattform|seite|website|domain) (wurde|ist) beschlagnahmt\b/,
  /\bseized by (the )?(fbi|europol|bka|law enforcement|u\.?s\.? (government|department of justice|immigration))\b.*\b(domain|site|website)\b/,
];

// Decide from a title segment: anchored, so "Trump's account suspended" stays a headline.
const PARKED_TITLES: RegExp[] = [
  /^(this |the )?domain (name )?(is |may be )?(for sale|parked)$/,
  /^[a-z0-9.-]+\.[a-z]{2,} (is |may be )?(for sale|parked)$/,
  /^(domain|website) (for sale|parked)$/,
  /^buy this domain$/,
  /^parked domain$/,
  /^account suspended$/,
  /^this domain (has )?expired$/,
];

// Explain from the page text: broader, never used alone to decide.
const PARKED_TEXT: RegExp[] = [
  /\b(this |the )?domain (name )?(is|may be) (for sale|parked|available)\b/,
  /\bbuy this domain\b/,
  /\bdomain for sale\b/,
  /\bparked (free|domain|by)\b/,
  /\b(sedoparking|parkingcrew|bodis|hugedomains|afternic)\b/,
  /\bthis domain (has )?expired\b/,
];

const CHALLENGE_PATTERNS: RegExp[] = [
  /^just a moment\.*$/,
  /^attention required!?( \| cloudflare)?$/,
  /^(access denied|access to this page has been denied)$/,
  /^(are you a robot|are you human)\??$/,
  /^(verify|verifying) (you are|that you are|you're) (a )?human$/,
  /^(checking your browser|please wait while we verify)/,
  /^ddos-guard$/,
  /^(security check|bot verification|human verification|captcha)$/,
  /^(request|pardon our) (blocked|interruption)$/,
];

const LOGIN_TITLE_PATTERNS: RegExp[] = [
  /^(sign|log) ?(in|on)( to (continue|your account))?$/,
  /^(subscribe|subscribe to (continue|read)|subscription required)$/,
  /^(login|anmelden|connexion|iniciar sesión)$/,
];

function anySegment(title: string | undefined, patterns: RegExp[]): boolean {
  if (!title) return false;
  return titleSegments(title).some((segment) => patterns.some((pattern) => pattern.test(segment)));
}

function anyIn(text: string | undefined, patterns: RegExp[]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return patterns.some((pattern) => pattern.test(lower));
}

export function titleSaysNotFound(title: string | undefined): boolean {
  return anySegment(title, NOT_FOUND_TITLES);
}

export function titleSaysSeized(title: string | undefined): boolean {
  return anySegment(title, SEIZED_PATTERNS) || anyIn(title, SEIZED_PATTERNS.slice(0, 1));
}

export function titleSaysParked(title: string | undefined): boolean {
  return anySegment(title, PARKED_TITLES) || anyIn(title, PARKED_TEXT.slice(1, 3));
}

/** Seizure or parking wording anywhere in the first part of the page text (used to explain, not to decide). */
export function textSaysSeizedOrParked(text: string): 'seized' | 'parked' | null {
  const head = text.slice(0, 4000);
  if (anyIn(head, SEIZED_PATTERNS)) return 'seized';
  if (anyIn(head, PARKED_TEXT)) return 'parked';
  return null;
}

export function titleSaysChallenge(title: string | undefined): boolean {
  return anySegment(title, CHALLENGE_PATTERNS);
}

export function titleSaysLogin(title: string | undefined): boolean {
  return anySegment(title, LOGIN_TITLE_PATTERNS);
}

/** Error-page addresses InternetArchiveBot and others recognise: `/404.htm`, `/404/`, `notfound`, `?error=404`. */
export function urlSaysNotFound(url: URL): boolean {
  const path = url.pathname.toLowerCase();
  const query = url.search.toLowerCase();
  return (
    /(^|\/)(404|error-?404|404-?error|not-?found|page-?not-?found|pagenotfound|file-?not-?found)(\.[a-z]+)?(\/|$)/.test(
      path,
    ) ||
    /notfound|page_not_found/.test(path) ||
    /(^|\/)errors?\/(404|not-?found)/.test(path) ||
    /[?&](error|err|status|code)=404\b/.test(query) ||
    /[?&]aspxerrorpath=/.test(query)
  );
}

/** A login or subscription wall: where sites send readers they want to sign in. */
export function urlSaysLogin(url: URL): boolean {
  const path = url.pathname.toLowerCase();
  return (
    /(^|\/)(login|log-in|signin|sign-in|sign_in|logon|sso|auth|authenticate|oauth2?|account\/login|accounts\/login|users?\/sign_in|subscribe|subscription|paywall|register|registration)(\.[a-z]+)?(\/|$)/.test(
      path,
    ) || /^(accounts|login|auth|sso|id|signin)\./.test(url.hostname.toLowerCase())
  );
}
