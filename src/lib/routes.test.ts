import { describe, expect, it } from 'vitest'
import { navSection, parseRoute, paths } from './routes.ts'

const ID = '0d5a4f8e-1c2b-4a3d-9e8f-7a6b5c4d3e2f'

describe('parseRoute', () => {
  it('knows the start page and the static pages', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' })
    expect(parseRoute('/library')).toEqual({ name: 'library' })
    expect(parseRoute('/profile')).toEqual({ name: 'profile' })
    expect(parseRoute('/settings')).toEqual({ name: 'settings' })
  })

  it('reads the conversation id of a chat and builds the same path back', () => {
    expect(parseRoute(`/c/${ID}`)).toEqual({ name: 'chat', conversationId: ID })
    expect(parseRoute(paths.chat(ID))).toEqual({ name: 'chat', conversationId: ID })
  })

  it('reads the artifact id of a material in the library and builds the same path back', () => {
    expect(parseRoute(`/library/${ID}`)).toEqual({ name: 'artifact', artifactId: ID })
    expect(parseRoute(paths.artifact(ID))).toEqual({ name: 'artifact', artifactId: ID })
  })

  it('reads a material open beside its chat and builds the same path back', () => {
    const other = ID.replace('0d5a', '1e6b')
    expect(parseRoute(`/c/${ID}/m/${other}`)).toEqual({ name: 'chat', conversationId: ID, artifactId: other })
    expect(parseRoute(paths.material(ID, other))).toEqual({
      name: 'chat',
      conversationId: ID,
      artifactId: other,
    })
    expect(parseRoute(`/c/${ID}/m/${other.toUpperCase()}/`)).toEqual({
      name: 'chat',
      conversationId: ID,
      artifactId: other,
    })
    expect(navSection(parseRoute(paths.material(ID, other)))).toBe('chats')
  })

  it('lower-cases ids, so one artifact or chat has one route', () => {
    expect(parseRoute(`/library/${ID.toUpperCase()}`)).toEqual({ name: 'artifact', artifactId: ID })
    expect(parseRoute(`/c/${ID.toUpperCase()}`)).toEqual({ name: 'chat', conversationId: ID })
  })

  it('forgives one trailing slash', () => {
    expect(parseRoute('/settings/')).toEqual({ name: 'settings' })
    expect(parseRoute(`/c/${ID}/`)).toEqual({ name: 'chat', conversationId: ID })
    expect(parseRoute(`/library/${ID}/`)).toEqual({ name: 'artifact', artifactId: ID })
  })

  it('treats unknown paths and ids that are no UUID as not found', () => {
    const unknown = [
      '/nope',
      '/c/',
      '/c/123',
      `/c/${ID}/extra`,
      `/c/${ID}/m/`,
      `/c/${ID}/m/123`,
      `/c/${ID}/m/${ID}/extra`,
      '/library/x',
      `/library/${ID}/extra`,
      '/Settings',
    ]
    for (const path of unknown) {
      expect(parseRoute(path), path).toEqual({ name: 'notFound' })
    }
  })

  it('puts a chat under "Chats" and an artifact under the library in the navigation', () => {
    expect(navSection(parseRoute(`/c/${ID}`))).toBe('chats')
    expect(navSection(parseRoute('/'))).toBe('chats')
    expect(navSection(parseRoute('/library'))).toBe('library')
    expect(navSection(parseRoute(`/library/${ID}`))).toBe('library')
    expect(navSection(parseRoute('/x'))).toBeNull()
  })
})
