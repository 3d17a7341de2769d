// Types for the two pattern sets of the `hyphen` package we load (it ships none, and @types/hyphen
// is not installed). Only the synchronous hyphenator is declared: that is all syllables.ts uses.

interface HyphenOptions {
  hyphenChar?: string
  minWordLength?: number
  exceptions?: string[]
}

declare module 'hyphen/de-1996' {
  export function hyphenateSync(text: string, options?: HyphenOptions): string
}

declare module 'hyphen/en-us' {
  export function hyphenateSync(text: string, options?: HyphenOptions): string
}
