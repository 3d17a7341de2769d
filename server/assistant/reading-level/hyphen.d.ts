// Types for the two pattern sets of the `hyphen` package we load (it ships none, and @types/hyphen
// is not installed). They are CommonJS modules whose exports Node's ESM loader cannot list, so they
// are declared (and imported) as a default export. Only the synchronous hyphenator is declared.

interface HyphenOptions {
  hyphenChar?: string
  minWordLength?: number
  exceptions?: string[]
}

interface Hyphenator {
  hyphenateSync(text: string, options?: HyphenOptions): string
}

declare module 'hyphen/de-1996' {
  const hyphenator: Hyphenator
  export default hyphenator
}

declare module 'hyphen/en-us' {
  const hyphenator: Hyphenator
  export default hyphenator
}
