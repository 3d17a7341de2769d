// Draws the eduhu.ki logo (white speech bubble with a sparkle on the brand colour) and writes the PNG icons
// into public/. No dependencies: shapes are signed-distance tests, anti-aliased by supersampling, encoded with zlib.
// Run: node scripts/make-icons.mjs   (favicon.svg in public/ is the same drawing, kept by hand)
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

// Must match theme_color in vite.config.ts and --brand in src/app/theme.css.
const BRAND = [0x0f, 0x76, 0x6e]
const WHITE = [0xff, 0xff, 0xff]
const SUPERSAMPLE = 4

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public')

/** Icons in the manifest and for iOS. `inset` shrinks the logo so maskable content stays in the 80% safe zone. */
const ICONS = [
  { file: 'pwa-192x192.png', size: 192, tile: 'rounded', inset: 1 },
  { file: 'pwa-512x512.png', size: 512, tile: 'rounded', inset: 1 },
  { file: 'maskable-512x512.png', size: 512, tile: 'full', inset: 0.78 },
  // iOS fills transparency with black and rounds the corners itself, so the tile is full-bleed.
  { file: 'apple-touch-icon-180x180.png', size: 180, tile: 'full', inset: 0.9 },
]

// Shapes in a unit square [0,1]², y down. Each returns true if the point is inside.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r))
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r))
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r
}

const polygon = (points) => (x, y) => {
  let inside = false
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]
    const [xj, yj] = points[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Four-pointed sparkle centred at (cx, cy): the "AI" mark inside the bubble. */
const sparkle = (cx, cy, outer, inner) => {
  const points = []
  for (let k = 0; k < 8; k++) {
    const angle = (k * Math.PI) / 4 - Math.PI / 2
    const r = k % 2 === 0 ? outer : inner
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)])
  }
  return polygon(points)
}

/** Logo layers, bottom to top, for a logo scaled by `inset` around the centre. */
function logoLayers(tile, inset) {
  const s = (v) => 0.5 + (v - 0.5) * inset
  const bubble = roundedRect(s(0.2), s(0.24), s(0.8), s(0.7), 0.11 * inset)
  const tail = polygon([
    [s(0.3), s(0.62)],
    [s(0.44), s(0.62)],
    [s(0.27), s(0.82)],
  ])
  const mark = sparkle(s(0.5), s(0.47), 0.15 * inset, 0.045 * inset)
  const background = tile === 'full' ? () => true : roundedRect(0, 0, 1, 1, 0.22)
  return [
    { inside: background, color: BRAND },
    { inside: (x, y) => bubble(x, y) || tail(x, y), color: WHITE },
    { inside: mark, color: BRAND },
  ]
}

function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4)
  const samples = SUPERSAMPLE * SUPERSAMPLE
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size
          let color = null
          for (const layer of layers) if (layer.inside(x, y)) color = layer.color
          if (color) {
            r += color[0]
            g += color[1]
            b += color[2]
            a += 1
          }
        }
      }
      const o = (py * size + px) * 4
      // Colour is averaged over covered samples only, so edges keep their hue and fade by alpha.
      rgba[o] = a ? Math.round(r / a) : 0
      rgba[o + 1] = a ? Math.round(g / a) : 0
      rgba[o + 2] = a ? Math.round(b / a) : 0
      rgba[o + 3] = Math.round((255 * a) / samples)
    }
  }
  return rgba
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** PNG filter 2 ("Up") on every row: the flat logo then compresses to a few KB. */
function encodePng(size, rgba, opaque) {
  const channels = opaque ? 3 : 4
  const stride = size * channels
  const raw = Buffer.alloc((stride + 1) * size)
  let previous = Buffer.alloc(stride)
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(stride)
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) row[x * channels + c] = rgba[(y * size + x) * 4 + c]
    }
    const out = y * (stride + 1)
    raw[out] = 2
    for (let i = 0; i < stride; i++) raw[out + 1 + i] = (row[i] - previous[i]) & 0xff
    previous = row
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = opaque ? 2 : 6 // truecolour, with or without alpha
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const icon of ICONS) {
  const rgba = render(icon.size, logoLayers(icon.tile, icon.inset))
  const png = encodePng(icon.size, rgba, icon.tile === 'full')
  writeFileSync(join(publicDir, icon.file), png)
  console.log(`public/${icon.file}  ${icon.size}×${icon.size}  ${png.length} bytes`)
}
