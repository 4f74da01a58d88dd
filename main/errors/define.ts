// One shape for every bilingual error catalog in the till. Each domain lists its own codes once, with their
// wording — `defineErrors({ CODE: { ar, en }, … })` — so every domain's texts are still reviewed in one place
// and its codes cannot drift. What it gets back is the one way a code becomes ErrorData (what crosses the
// IPC boundary) and, for a domain that throws, its Error class.
import type { ErrorData } from '../../preload/contract';

/** A sentence in each of the till's languages. */
export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

/** A thrown failure from a catalog: its code, and a detail for logs only (never shown to the cashier). */
export interface CatalogError<Code extends string> extends Error {
  readonly code: Code;
  readonly detail: string;
  toData(): ErrorData;
}

export interface ErrorCatalog<Code extends string> {
  /** The wording of each code, as listed. A domain's code type is `keyof typeof itsCatalog.text`. */
  readonly text: Readonly<Record<Code, Bilingual>>;
  /** What crosses the boundary for `code`. */
  data(code: Code): ErrorData;
  /**
   * The Error class for these codes: `new X(code, detail?)`, whose message (for logs) is the English text
   * followed by the detail in brackets, and whose `toData()` is `data(code)`. Declare it with its own name,
   * so `instanceof` tells the domains apart:
   * `export class PrinterError extends printerErrorCatalog.errorClass('PrinterError') {}`.
   */
  errorClass(name: string): new (code: Code, detail?: string) => CatalogError<Code>;
}

export function defineErrors<Texts extends Record<string, Bilingual>>(texts: Texts): ErrorCatalog<Extract<keyof Texts, string>> {
  type Code = Extract<keyof Texts, string>;
  // Typed by its own codes, so looking one up is never `undefined` to the compiler.
  const text: Readonly<Record<Code, Bilingual>> = texts;
  const data = (code: Code): ErrorData => ({ code, message_ar: text[code].ar, message_en: text[code].en });
  return {
    text,
    data,
    errorClass: (name) =>
      class extends Error implements CatalogError<Code> {
        constructor(
          readonly code: Code,
          readonly detail = '',
        ) {
          super(`${text[code].en}${detail ? ` (${detail})` : ''}`);
          this.name = name;
        }

        toData(): ErrorData {
          return data(this.code);
        }
      },
  };
}
