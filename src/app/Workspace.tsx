// The signed-in part of the shell: on wide screens the conversation list beside the page, on phones
// one at a time; the routed page in <main> with its own error boundary; global shortcuts. A material
// opened from a chat shows beside it on wide screens (the list then gives way) and alone on phones.

import { Suspense, useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import { ChatView } from '../features/chat/ChatView.tsx'
import { focusComposer } from '../features/chat/focus-composer.ts'
import { ConversationPanel, SEARCH_INPUT_ID, useStartNewChat } from '../features/conversations/index.ts'
import { WarmCache } from '../features/offline/WarmCache.tsx'
import { useT } from '../i18n/index.ts'
import { paths, type Route } from '../lib/routes.ts'
import { useFirstView, useMarkFirstViewShown } from '../state/first-view.ts'
import { focusWhenReady } from '../ui/focus-when-ready.ts'
import { HomePage } from './HomePage.tsx'
import {
  LibraryPage,
  MaterialPanel,
  MaterialView,
  PrivacyPage,
  ProfilePage,
  SettingsPage,
} from './lazy-pages.ts'
import { NotFoundPage } from './NotFoundPage.tsx'
import { RouteErrorBoundary } from './RouteErrorBoundary.tsx'
import { useShortcuts } from './use-shortcuts.ts'

export interface WorkspaceProps {
  route: Route
  isWide: boolean
  onHelp: () => void
}

export function Workspace({ route, isWide, onHelp }: WorkspaceProps) {
  const t = useT()
  const [location, navigate] = useLocation()
  const startNewChat = useStartNewChat()
  const hasPanel = route.name === 'chat' && route.artifactId !== undefined
  const hasSidebar = isWide && (route.name === 'home' || (route.name === 'chat' && !hasPanel))
  // A chat keeps its page (and scroll position) while a material opens and closes beside it.
  const pageKey = route.name === 'chat' ? paths.chat(route.conversationId) : location
  useFocusMainOnNavigation(location)
  // A chat decides itself when it has shown (ChatView); every other page counts as shown at once.
  useMarkFirstViewShown(route.name !== 'chat')
  const isFirstViewShown = useFirstView((s) => s.isShown)

  useShortcuts({
    newChat: () => focusComposer(startNewChat()),
    focusSearch: () => {
      // On phones (and pages without the sidebar) the search lives on the start page.
      if (!document.getElementById(SEARCH_INPUT_ID)) navigate(paths.home)
      focusWhenReady(`#${SEARCH_INPUT_ID}`)
    },
    focusComposer: () => focusComposer(),
    openHelp: onHelp,
  })

  return (
    <div className={`workspace${hasSidebar ? ' workspace--split' : ''}`}>
      {hasSidebar && (
        <aside className="sidebar" aria-label={t('conversations.heading')}>
          <ConversationPanel onNewChat={focusComposer} />
        </aside>
      )}
      <main
        id="main"
        tabIndex={-1}
        className={`shell__main shell__main--${route.name}${hasPanel && isWide ? ' shell__main--panel' : ''}`}
      >
        {/* Keyed by route: a crash on one page is forgotten when the teacher goes elsewhere. */}
        <RouteErrorBoundary key={pageKey}>
          {/* Pages other than home and chat load on first visit (lazy-pages.ts); a moment's blank. */}
          <Suspense fallback={null}>
            <RoutePage route={route} isWide={isWide} />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      {isFirstViewShown && <WarmCache />}
    </div>
  )
}

function RoutePage({ route, isWide }: { route: Route; isWide: boolean }) {
  switch (route.name) {
    case 'home':
      return <HomePage showList={!isWide} />
    case 'chat':
      return <ChatRoute conversationId={route.conversationId} artifactId={route.artifactId} isWide={isWide} />
    case 'library':
      return <LibraryPage />
    case 'artifact':
      return (
        <div className="page">
          <MaterialView
            key={route.artifactId}
            artifactId={route.artifactId}
            isInPanel={false}
            isWithChat={false}
            isWide={isWide}
          />
        </div>
      )
    case 'profile':
      return <ProfilePage />
    case 'settings':
      return <SettingsPage />
    case 'privacy':
      return <PrivacyPage />
    case 'notFound':
      return <NotFoundPage />
  }
}

/**
 * The chat, and the material beside it (its own error boundary) or, on a phone, over it: there the
 * chat stays mounted, hidden, so "back to the chat" finds the teacher where she left it in a long
 * chat, not at its end.
 */
function ChatRoute(props: { conversationId: string; artifactId: string | undefined; isWide: boolean }) {
  const { conversationId, artifactId, isWide } = props
  // Its own Suspense: a material loading its code must not suspend the page's boundary, which
  // would hide the chat and run its mount effects again (the list would jump to its end).
  const panel = artifactId && (
    <RouteErrorBoundary key={artifactId}>
      <Suspense fallback={null}>
        <MaterialPanel conversationId={conversationId} artifactId={artifactId} isWide={isWide} />
      </Suspense>
    </RouteErrorBoundary>
  )
  const layout = !panel ? 'chat-split--alone' : isWide ? 'chat-split--beside' : 'chat-split--over'
  return (
    <div className={`chat-split ${layout}`}>
      <ChatView key={conversationId} conversationId={conversationId} />
      {panel}
    </div>
  )
}

/** After a navigation (not the first load), focus goes to <main> so reading starts at the new page. */
function useFocusMainOnNavigation(location: string) {
  const shown = useRef(location)
  useEffect(() => {
    if (shown.current === location) return
    shown.current = location
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [location])
}
