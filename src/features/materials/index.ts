// The materials feature's public face: the cards in a chat reply. One material's view and the panel
// beside the chat load on first use from their files (app/lazy-pages.ts).

export { MessageMaterials } from './MessageMaterials.tsx'
