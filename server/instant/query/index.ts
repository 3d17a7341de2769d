// server/instant/query: InstaQL → triples, page windows, page-info. The only public surface.

export { queryEtypes } from './query-etypes.ts'
export { type QueryContext, type QueryResult, runInstaql } from './run-instaql.ts'
export { runInstaqlTree, type TreeResult } from './run-instaql-tree.ts'
