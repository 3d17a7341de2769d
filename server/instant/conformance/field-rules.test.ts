// `fields` rules: a hidden attribute never reaches a client or an impersonated admin query, while
// the rest of the entity does; the admin itself still sees everything.

import { init as initAdmin } from '@instantdb/admin'
import { i, id } from '@instantdb/core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { authenticated, createEphemeralApp, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const schema = i.schema({
  entities: { schools: i.entity({ name: i.string(), adminPhone: i.string() }) },
  links: {},
  rooms: {},
})
const rules = { schools: { allow: { view: 'true' }, fields: { adminPhone: 'false' } } }

let server: TestServer
let app: { id: string; adminToken: string }
const school = id()

beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url, {
    schema: JSON.parse(JSON.stringify(schema)),
    rules: { code: rules },
  })
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })
  await admin.transact(
    admin.tx.schools[school]!.update({ name: 'Gesamtschule Nord', adminPhone: '0211 1234' }),
  )
})
afterAll(async () => {
  await server.close()
})

it('hides a field from clients but shows the rest of the entity', async () => {
  const db = nodeClient({ appId: app.id, url: server.url, schema })
  await authenticated(db)
  const { data } = await db.queryOnce({ schools: {} })
  expect(data.schools).toEqual([{ id: school, name: 'Gesamtschule Nord' }])
  db.shutdown()
})

it('applies field rules to impersonated admin queries but not to the admin', async () => {
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: server.url, schema })
  const asGuest = await admin.asUser({ guest: true }).query({ schools: {} })
  expect(asGuest.schools).toEqual([{ id: school, name: 'Gesamtschule Nord' }])
  const asAdmin = await admin.query({ schools: {} })
  expect(asAdmin.schools).toEqual([{ id: school, name: 'Gesamtschule Nord', adminPhone: '0211 1234' }])
})
