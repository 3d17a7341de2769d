// The one stable app that the local Instant server serves to eduhu.ki itself.
// Its id names the client's IndexedDB database, so it must never change.
export const LOCAL_APP_ID = 'e6d0b0c1-4b1d-4c0e-8a11-0000000000e1'
export const DEFAULT_INSTANT_PORT = 8888
export const DEFAULT_APP_PORT = 3000
