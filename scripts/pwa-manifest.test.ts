// The manifest as the install sheet reads it: identity, icons (sizes and purposes match the PNGs in
// public/), shortcuts into real routes, real screenshots of a sensible size for each form factor.

import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRoute } from '../src/lib/routes.ts'
import { manifest, NEW_CHAT_SHORTCUT_URL } from './pwa-manifest.ts'

const PUBLIC = join(import.meta.dirname, '..', 'public')

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(file: string): string {
  const bytes = readFileSync(join(PUBLIC, file))
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a')
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

describe('web app manifest', () => {
  it('names a standalone app with a stable id, its scope and categories', () => {
    expect(manifest).toMatchObject({
      id: '/',
      short_name: 'eduhu.ki',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'de',
    })
    expect(manifest.name?.length).toBeGreaterThan(0)
    expect(manifest.categories).toEqual(expect.arrayContaining(['education']))
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('has 192 and 512 px icons for any use and a maskable one, each the size it claims', () => {
    const icons = manifest.icons ?? []
    const any = icons.filter((i) => i.purpose === 'any').map((i) => i.sizes)
    expect(any).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(icons.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toContain('512x512')
    for (const icon of icons) {
      expect(icon.type).toBe('image/png')
      expect(pngSize(icon.src), icon.src).toBe(icon.sizes)
    }
  })

  it('offers a new chat and the library as shortcuts, both routes of the app', () => {
    const shortcuts = manifest.shortcuts ?? []
    expect(shortcuts.map((s) => s.url)).toEqual([NEW_CHAT_SHORTCUT_URL, '/library'])
    expect(shortcuts.map((s) => parseRoute(new URL(s.url, 'https://x.test').pathname).name)).toEqual([
      'home',
      'library',
    ])
    for (const s of shortcuts) {
      expect(s.name.length).toBeGreaterThan(0)
      for (const icon of s.icons ?? []) expect(pngSize(icon.src)).toBe(icon.sizes)
    }
  })

  it('shows a narrow (portrait) and a wide (landscape) screenshot, real PNGs under 400 KB', () => {
    const shots = manifest.screenshots ?? []
    expect(shots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide'])
    for (const shot of shots) {
      const size = pngSize(shot.src)
      expect(size, shot.src).toBe(shot.sizes)
      const [w = 0, h = 0] = size.split('x').map(Number)
      // Chrome's richer install UI: 320–3840 px per side, the long side at most 2.3 × the short one.
      expect(Math.min(w, h)).toBeGreaterThanOrEqual(320)
      expect(Math.max(w, h) / Math.min(w, h)).toBeLessThanOrEqual(2.3)
      expect(shot.form_factor === 'narrow' ? h > w : w > h, shot.src).toBe(true)
      expect(shot.label?.length).toBeGreaterThan(0)
      expect(statSync(join(PUBLIC, shot.src)).size).toBeLessThan(400 * 1024)
    }
  })
})
