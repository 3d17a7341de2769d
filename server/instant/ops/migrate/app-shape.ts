// What an export holds, read from an Instant schema: each namespace's attributes and the links it
// owns (forward side only, so every link is written once). Shared by export, import and the check.

export interface LinkShape {
  label: string
  /** The namespace at the other end. */
  to: string
  has: 'one' | 'many'
}

export interface NamespaceShape {
  name: string
  attrs: string[]
  links: LinkShape[]
}

interface SchemaLike {
  entities: Record<string, { attrs: Record<string, unknown> }>
  links: Record<string, { forward: { on: string; has: string; label: string }; reverse: { on: string } }>
}

/**
 * `$users` comes first so the import can map user ids before anything links to them. Instant's own
 * links between users (guest → account) are set by the server only and are left out.
 */
export function appShape(appSchema: { entities: object; links: object }): NamespaceShape[] {
  const schema = appSchema as SchemaLike
  const names = Object.keys(schema.entities).sort((a, b) =>
    a === '$users' ? -1 : b === '$users' ? 1 : a.localeCompare(b),
  )
  return names.map((name) => ({
    name,
    attrs: Object.keys(schema.entities[name]?.attrs ?? {}).sort(),
    links: Object.values(schema.links)
      .filter((l) => l.forward.on === name && !(name === '$users' && l.reverse.on === '$users'))
      .map(
        (l): LinkShape => ({
          label: l.forward.label,
          to: l.reverse.on,
          has: l.forward.has === 'one' ? 'one' : 'many',
        }),
      )
      .sort((a, b) => a.label.localeCompare(b.label)),
  }))
}

/** One entity in the export file (one JSON line): its id, attribute values and forward links' ids. */
export interface ExportRecord {
  ns: string
  id: string
  attrs: Record<string, unknown>
  links: Record<string, string[]>
}

export interface ExportHeader {
  format: 'eduhu-instant-export'
  version: 1
  appId: string
  exportedAt: string
  namespaces: string[]
}

/** The admin query for one page of a namespace: every attribute and the ids behind each link. */
export function pageQuery(ns: NamespaceShape, limit: number, offset: number): Record<string, unknown> {
  const q: Record<string, unknown> = { $: { limit, offset } }
  for (const l of ns.links) q[l.label] = { $: { fields: ['id'] } }
  return { [ns.name]: q }
}

/** Turns one queried row into a record; absent attributes stay absent. */
export function toRecord(ns: NamespaceShape, row: Record<string, unknown>): ExportRecord {
  const attrs: Record<string, unknown> = {}
  for (const a of ns.attrs) if (row[a] !== undefined && row[a] !== null) attrs[a] = row[a]
  const links: Record<string, string[]> = {}
  for (const l of ns.links) {
    const v = row[l.label]
    const list = (Array.isArray(v) ? v : v ? [v] : []) as { id: string }[]
    if (list.length > 0) links[l.label] = list.map((x) => x.id).sort()
  }
  return { ns: ns.name, id: String(row.id), attrs, links }
}
