// Test helper: runs the shipped, unmodified @instantdb/core 1.0.67 InstaQL engine (instaql.ts over
// store.ts) the way Reactor does after add-query-ok: one store per query from the sent triples.
// Loaded through tsx because vitest leaves node_modules to Node, which cannot run the shipped .ts.

import { tsImport } from 'tsx/esm/api'
import type { Attr, PageInfo, Triple } from '../model/types.ts'

interface ClientModule {
  query: (ctx: { store: unknown; attrsStore: unknown; pageInfo?: unknown }, q: unknown) => { data: unknown }
  AttrsStoreClass: new (attrs: Record<string, Attr>, linkIndex: LinkIndex | null) => unknown
  createStore: (
    attrsStore: unknown,
    triples: Triple[],
    cardinalityInference: boolean,
    useDateObjects: boolean,
  ) => unknown
  setInstantWarningsEnabled: (enabled: boolean) => void
}

type LinkIndex = Record<string, Record<string, { isForward: boolean; isSingular: boolean }>>

export interface ClientEngine {
  /**
   * The `data` the client shows for q, given the triples and page-info a server sent. With
   * `inference`, has-one links are single objects (init with a schema: cardinality inference).
   */
  run(
    attrs: readonly Attr[],
    triples: readonly Triple[],
    q: unknown,
    pageInfo?: Record<string, PageInfo>,
    opts?: { inference?: boolean },
  ): unknown
}

export async function loadClientEngine(): Promise<ClientEngine> {
  const client = (await tsImport('./client-engine-entry.mjs', import.meta.url)) as ClientModule
  // Child limits make the client warn on every run; the differential test uses them on purpose.
  client.setInstantWarningsEnabled(false)
  return {
    run(attrs, triples, q, pageInfo, opts = {}) {
      const inference = opts.inference === true
      const attrsStore = new client.AttrsStoreClass(
        Object.fromEntries(attrs.map((a) => [a.id, a])),
        inference ? linkIndexOf(attrs) : null,
      )
      // createStore may rewrite triples in place, so hand it copies.
      const store = client.createStore(
        attrsStore,
        triples.map((t) => [...t] as Triple),
        inference,
        false,
      )
      return client.query({ store, attrsStore, ...(pageInfo && { pageInfo }) }, q).data
    },
  }
}

/**
 * What the client's createLinkIndex (utils/linkIndex.ts) builds from a schema, derived from the
 * attrs the schema becomes: forward has-one is cardinality one, reverse has-one is unique?.
 */
function linkIndexOf(attrs: readonly Attr[]): LinkIndex {
  const index: LinkIndex = {}
  for (const a of attrs) {
    const rev = a['reverse-identity']
    if (a['value-type'] !== 'ref' || !rev) continue
    const [, etype, label] = a['forward-identity']
    index[etype] = { ...index[etype], [label]: { isForward: true, isSingular: a.cardinality === 'one' } }
    index[rev[1]] = { ...index[rev[1]], [rev[2]]: { isForward: false, isSingular: a['unique?'] } }
  }
  return index
}
