// English UI texts; the type makes a missing or extra key a compile error.

import type { MessageKey } from './de.ts'

export const en: Record<MessageKey, string> = {
  'app.name': 'eduhu.ki',
  'app.tagline': 'Your AI assistant for teaching',
  'nav.label': 'Main navigation',
  'nav.chats': 'Chats',
  'nav.library': 'Library',
  'nav.profile': 'Profile',
  'nav.settings': 'Settings',
  'home.title': 'Welcome to eduhu.ki',
  'home.intro':
    'Ask your AI assistant for worksheets, lesson plans, quizzes or parent letters. Your chats and materials stay readable offline.',
  'connection.label': 'Connection status',
  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting …',
  'connection.offline': 'No connection to the server',
  'settings.language': 'Language',
  'settings.language.de': 'Deutsch',
  'settings.language.en': 'English',
  'update.available': 'A new version of eduhu.ki is ready.',
  'update.reload': 'Update now',
  'update.later': 'Later',
  'offline.ready': 'eduhu.ki now works offline too.',
  'offline.dismiss': 'OK',
}
