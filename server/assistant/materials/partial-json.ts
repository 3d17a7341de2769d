// Reads the fields of a flat JSON object that is still arriving (a tool call's arguments mid-stream),
// so a material's title and body can be shown while the model writes them. Pure; never throws.
// Only what the material tools send is needed: string, number, boolean and null values.

/** The fields complete so far, plus the string value being written when the text stops inside it. */
export function readPartialObject(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  let k = 0
  const ws = () => {
    while (k < text.length && /\s/.test(text[k]!)) k++
  }
  /** A JSON string from `k` (at its quote); `done` is false when the text ends inside it. */
  const string = (): { value: string; done: boolean } => {
    let value = ''
    k++
    while (k < text.length) {
      const c = text[k]!
      if (c === '"') {
        k++
        return { value, done: true }
      }
      if (c !== '\\') {
        value += c
        k++
        continue
      }
      const next = text[k + 1]
      if (next === undefined) break
      if (next === 'u') {
        const hex = text.slice(k + 2, k + 6)
        if (hex.length < 4) break
        value += String.fromCharCode(Number.parseInt(hex, 16))
        k += 6
        continue
      }
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }
      value += simple[next] ?? next
      k += 2
    }
    return { value, done: false }
  }

  ws()
  if (text[k] !== '{') return out
  k++
  for (;;) {
    ws()
    if (text[k] !== '"') return out
    const key = string()
    if (!key.done) return out
    ws()
    if (text[k] !== ':') return out
    k++
    ws()
    if (k >= text.length) return out
    if (text[k] === '"') {
      const value = string()
      out[key.value] = value.value
      if (!value.done) return out
    } else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)(?=\s*[,}])/.exec(text.slice(k))
      if (!m) return out
      out[key.value] = JSON.parse(m[1]!)
      k += m[1]!.length
    }
    ws()
    if (text[k] !== ',') return out
    k++
  }
}
