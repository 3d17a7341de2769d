// German UI texts (informal "du", consistently). The source of truth for every key.

export const de = {
  'app.name': 'eduhu.ki',
  'app.tagline': 'Deine KI-Assistenz für den Unterricht',
  'nav.label': 'Hauptnavigation',
  'nav.chats': 'Chats',
  'nav.library': 'Bibliothek',
  'nav.profile': 'Profil',
  'nav.settings': 'Einstellungen',
  'home.title': 'Willkommen bei eduhu.ki',
  'home.intro':
    'Frag deine KI-Assistenz nach Arbeitsblättern, Unterrichtsentwürfen, Quizzen oder Elternbriefen. Deine Chats und Materialien bleiben auch offline lesbar.',
  'connection.label': 'Verbindungsstatus',
  'connection.connected': 'Verbunden',
  'connection.connecting': 'Verbinde …',
  'connection.offline': 'Keine Verbindung zum Server',
  'settings.language': 'Sprache',
  'settings.language.de': 'Deutsch',
  'settings.language.en': 'English',
  'update.available': 'Eine neue Version von eduhu.ki ist bereit.',
  'update.reload': 'Jetzt aktualisieren',
  'update.later': 'Später',
  'offline.ready': 'eduhu.ki ist jetzt auch offline verfügbar.',
  'offline.dismiss': 'OK',
} as const

export type MessageKey = keyof typeof de
