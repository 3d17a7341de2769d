// The signed-in part of the shell: on wide screens the conversation list beside the page, on phones
// one at a time; the routed page in <main> with its own error boundary; global shortcuts.

import { useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import { ChatView } from '../features/chat/ChatView.tsx'
import { focusComposer } from '../features/chat/focus-composer.ts'
import { ConversationPanel, SEARCH_INPUT_ID, useStartNewChat } from '../features/conversations/index.ts'
import { ArtifactView, LibraryPage } from '../features/library/index.ts'
import { ProfilePage } from '../features/profile/index.ts'
import { SettingsPage } from '../features/settings/index.ts'
import { useT } from '../i18n/index.ts'
import { paths, type Route } from '../lib/routes.ts'
import { focusWhenReady } from '../ui/focus-when-ready.ts'
import { HomePage } from './HomePage.tsx'
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
  const hasSidebar = isWide && (route.name === 'home' || route.name === 'chat')
  useFocusMainOnNavigation(location)

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
      <main id="main" tabIndex={-1} className={`shell__main shell__main--${route.name}`}>
        {/* Keyed by route: a crash on one page is forgotten when the teacher goes elsewhere. */}
        <RouteErrorBoundary key={location}>
          <RoutePage route={route} isWide={isWide} />
        </RouteErrorBoundary>
      </main>
    </div>
  )
}

function RoutePage({ route, isWide }: { route: Route; isWide: boolean }) {
  switch (route.name) {
    case 'home':
      return <HomePage showList={!isWide} />
    case 'chat':
      return <ChatView key={route.conversationId} conversationId={route.conversationId} />
    case 'library':
      return <LibraryPage />
    case 'artifact':
      return <ArtifactView key={route.artifactId} artifactId={route.artifactId} />
    case 'profile':
      return <ProfilePage />
    case 'settings':
      return <SettingsPage />
    case 'notFound':
      return <NotFoundPage />
  }
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
