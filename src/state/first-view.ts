// Whether the page the app opened on has shown what it was opened for (a chat: its first page, or
// that it cannot). Background work (warming the recent chats for offline reading) waits for it, so
// it never competes with the chat being opened for the socket, the local cache or the main thread.

import { useEffect } from 'react'
import { create } from 'zustand'

export const useFirstView = create<{ isShown: boolean }>(() => ({ isShown: false }))

/** Marks the first view as shown once `isShown` holds; it stays shown for the page's life. */
export function useMarkFirstViewShown(isShown: boolean): void {
  useEffect(() => {
    if (isShown && !useFirstView.getState().isShown) useFirstView.setState({ isShown: true })
  }, [isShown])
}
