import { getDomain } from 'tldts';

// Apart from the other address helpers: the public suffix list is most of a page's script, and the panel, which
// never asks for a registrable domain, should not have to load it.

/**
 * Registrable domain (eTLD+1). Private suffixes count (blogspot.com, github.io): two blogs on the
 * same platform are different sites to a reader. IPs, localhost and unknown suffixes fall back to
 * the host itself.
 */
export function registrableDomain(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}
