import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy…/waitFor wait for a condition; their 1 s default is short on a busy machine.
configure({ asyncUtilTimeout: 10_000 })
afterEach(() => cleanup())
