// Test helper: one module graph for the shipped client engine, loaded by client-engine.ts via tsx.
// Plain JS so the type checker never compiles the client's own sources under our strict settings.

export { default as query } from '../../../node_modules/@instantdb/core/src/instaql.ts'
export { AttrsStoreClass, createStore } from '../../../node_modules/@instantdb/core/src/store.ts'
export { setInstantWarningsEnabled } from '../../../node_modules/@instantdb/core/src/warningToggle.ts'
