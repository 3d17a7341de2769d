// The materials feature's public face: one material's view (library page or beside its chat), the
// panel that holds it beside the chat, and the cards in a chat reply.

export { MaterialPanel } from './MaterialPanel.tsx'
export { MaterialView } from './MaterialView.tsx'
export { MessageMaterials } from './MessageMaterials.tsx'
