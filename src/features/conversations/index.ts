// The conversations feature's public face: the list panel, the new-chat action, the search field id.

export { ConversationPanel, SEARCH_INPUT_ID } from './ConversationPanel.tsx'
export { useStartNewChat } from './use-start-new-chat.ts'
