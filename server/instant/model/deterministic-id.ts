// Name-based UUIDs (RFC 4122 version 5): the same app, etype and label always give the same attr id,
// so attrs survive restarts and re-seeding, and clients' cached queries stay valid.

import { createHash } from 'node:crypto'

const NAMESPACE = Buffer.from('8f1c2b7a5d3e4f60a1b2c3d4e5f60718', 'hex')

export function uuidV5(name: string, namespace: Buffer = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name).digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
