import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { loadLanguage } from './i18n/index.ts'

// findBy…/waitFor wait for a condition; their 1 s default is short on a busy machine.
configure({ asyncUtilTimeout: 10_000 })
afterEach(() => cleanup())

// The app loads the English catalogue before it renders in English (main.tsx); components rendered
// here on their own get it the same way, loaded once before any test.
await loadLanguage('en')
