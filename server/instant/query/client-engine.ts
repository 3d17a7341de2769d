// Test helper: runs the shipped, unmodified @instantdb/core 1.0.67 InstaQL engine (instaql.ts over
// store.ts) the way Reactor does after add-query-ok: one store per query from the sent triples.
// Loaded through tsx because vitest leaves node_modules to Node, which cannot run the shipped .ts.

import { tsImport } from 'tsx/esm/api'
import type { Attr, PageInfo, Triple } from '../model/types.ts'

interface ClientModule {
  query: (ctx: { store: unknown; attrsStore: unknown; pageInfo?: unknown }, q: unknown) => { data: unknown }
  AttrsStoreClass: new (attrs: Record<string, Attr>, linkIndex: null) => unknown
  createStore: (
    attrsStore: unknown,
    triples: Triple[],
    cardinalityInference: boolean,
    useDateObjects: boolean,
  ) => unknown
  setInstantWarningsEnabled: (enabled: boolean) => void
}

export interface ClientEngine {
  /** The `data` the client shows for q, given the triples and page-info a server sent. */
  run(
    attrs: readonly Attr[],
    triples: readonly Triple[],
    q: unknown,
    pageInfo?: Record<string, PageInfo>,
  ): unknown
}

export async function loadClientEngine(): Promise<ClientEngine> {
  const client = (await tsImport('./client-engine-entry.mjs', import.meta.url)) as ClientModule
  // Child limits make the client warn on every run; the differential test uses them on purpose.
  client.setInstantWarningsEnabled(false)
  return {
    run(attrs, triples, q, pageInfo) {
      const attrsStore = new client.AttrsStoreClass(Object.fromEntries(attrs.map((a) => [a.id, a])), null)
      // createStore may rewrite triples in place, so hand it copies.
      const store = client.createStore(
        attrsStore,
        triples.map((t) => [...t] as Triple),
        false,
        false,
      )
      return client.query({ store, attrsStore, ...(pageInfo && { pageInfo }) }, q).data
    },
  }
}
