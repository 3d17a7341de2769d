import { describe, expect, it } from 'vitest'
import { isWebUrl, safeUrl } from './safe-url.ts'

describe('safeUrl', () => {
  it('keeps http, https and mailto URLs', () => {
    expect(safeUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c')
    expect(safeUrl('http://example.org')).toBe('http://example.org/')
    expect(safeUrl('mailto:lehrer@schule.de')).toBe('mailto:lehrer@schule.de')
    expect(safeUrl('  HTTPS://Example.org/x ')).toBe('https://example.org/x')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'blob:https://example.org/uuid',
    'file:///etc/passwd',
    'ftp://example.org',
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeNull()
  })

  it('refuses relative URLs and fragments', () => {
    expect(safeUrl('/admin')).toBeNull()
    expect(safeUrl('//evil.example/x')).toBeNull()
    expect(safeUrl('#top')).toBeNull()
    expect(safeUrl('')).toBeNull()
  })

  it('does not decode HTML entities into a scheme', () => {
    expect(safeUrl('javascript&#58;alert(1)')).toBeNull()
    expect(safeUrl('&#106;avascript:alert(1)')).toBeNull()
  })

  it('tells web links from mailto', () => {
    expect(isWebUrl('https://example.org/')).toBe(true)
    expect(isWebUrl('mailto:a@b.de')).toBe(false)
  })
})
