// A row moving between the chunks of a paged live query can briefly sit in two of them.

/** The rows with the first occurrence of each id kept, in order. */
export function dedupeById<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>()
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)))
}
