// Readability's own small DOM parser (what Firefox's Reader View parses with in its worker) ships untyped.
declare module '@mozilla/readability/JSDOMParser.js' {
  export default class JSDOMParser {
    /** What went wrong while parsing, one line a fault; empty when the markup was well formed. */
    errorState: string;
    error(message: string): void;
    parse(html: string, url: string): Document;
  }
}
