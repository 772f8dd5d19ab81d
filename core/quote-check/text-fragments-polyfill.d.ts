// text-fragments-polyfill ships no types; these are the parts Cited uses (src/fragment-generation-utils.js and
// src/text-fragment-utils.js of version 6.7.0).
declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  export interface TextFragment {
    textStart: string;
    textEnd?: string;
    prefix?: string;
    suffix?: string;
  }
  export const GenerateFragmentStatus: {
    SUCCESS: 0;
    INVALID_SELECTION: 1;
    AMBIGUOUS: 2;
    TIMEOUT: 3;
    EXECUTION_FAILED: 4;
  };
  export function generateFragmentFromRange(
    range: Range,
    startTime?: number,
  ): { status: number; fragment?: TextFragment };
  export function setTimeout(milliseconds: number): void;
}

declare module 'text-fragments-polyfill/text-fragment-utils' {
  import type { TextFragment } from 'text-fragments-polyfill/dist/fragment-generation-utils.js';
  export function processTextFragmentDirective(fragment: TextFragment, doc?: Document, root?: Node): Range[];
}
