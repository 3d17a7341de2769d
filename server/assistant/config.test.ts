import { describe, expect, test } from 'vitest'
import { describeModel, endpointHost, readAssistantConfig } from './config.ts'

describe('readAssistantConfig', () => {
  test('no model configured is no assistant', () => {
    expect(readAssistantConfig({})).toBeNull()
  })

  test('reads a model with defaults and trims the URL', () => {
    const c = readAssistantConfig({
      ASSISTANT_API_URL: 'http://localhost:11434/v1/',
      ASSISTANT_MODEL: 'llama3',
    })!
    expect(c).toMatchObject({
      apiUrl: 'http://localhost:11434/v1',
      model: 'llama3',
      apiKey: undefined,
      concurrency: 4,
      toolsMode: 'auto',
      flushIntervalMs: 250,
      streams: true,
      streamFlushIntervalMs: 1_000,
    })
    expect(describeModel(c)).toBe('llama3 at http://localhost:11434/v1')
  })

  test('streams can be turned off, and their durable interval set', () => {
    const c = readAssistantConfig({
      ASSISTANT_API_URL: 'https://api.x/v1',
      ASSISTANT_MODEL: 'm',
      ASSISTANT_STREAMS: 'OFF',
      ASSISTANT_STREAM_FLUSH_MS: '600000',
    })!
    expect(c).toMatchObject({ streams: false, streamFlushIntervalMs: 600_000 })
  })

  test('never shows the key', () => {
    const c = readAssistantConfig({
      ASSISTANT_API_URL: 'https://api.x/v1',
      ASSISTANT_MODEL: 'm',
      ASSISTANT_API_KEY: 'sk-secret',
    })!
    expect(describeModel(c)).not.toContain('sk-secret')
  })

  test.each([
    [{ ASSISTANT_MODEL: 'm' }, /ASSISTANT_API_URL is not/],
    [{ ASSISTANT_API_URL: 'https://api.x/v1' }, /ASSISTANT_MODEL is not/],
    [{ ASSISTANT_API_URL: 'api.x', ASSISTANT_MODEL: 'm' }, /not a URL/],
    [{ ASSISTANT_API_URL: 'ftp://api.x', ASSISTANT_MODEL: 'm' }, /http\(s\)/],
    [
      { ASSISTANT_API_URL: 'https://api.x', ASSISTANT_MODEL: 'm', ASSISTANT_CONCURRENCY: '0' },
      /ASSISTANT_CONCURRENCY/,
    ],
    [
      { ASSISTANT_API_URL: 'https://api.x', ASSISTANT_MODEL: 'm', ASSISTANT_FLUSH_MS: 'soon' },
      /ASSISTANT_FLUSH_MS/,
    ],
    [{ ASSISTANT_API_URL: 'https://api.x', ASSISTANT_MODEL: 'm', ASSISTANT_TOOLS: 'yes' }, /ASSISTANT_TOOLS/],
  ])('refuses a half or wrong configuration with a message naming it (%o)', (env, message) => {
    expect(() => readAssistantConfig(env)).toThrow(message)
  })
})

describe('endpointHost', () => {
  test('is the host and port only: no user, password, path or query', () => {
    expect(endpointHost('https://user:sk-secret@api.example.org:8443/v1/key-in-path?key=abc#x')).toBe(
      'api.example.org:8443',
    )
    expect(endpointHost('http://localhost:11434/v1')).toBe('localhost:11434')
    expect(endpointHost('https://api.openai.com/v1')).toBe('api.openai.com')
  })
})
