// The teacher's data rights on the whole stack: the "all my data" ZIP holds every record of the teacher
// and nothing of another (with more of another teacher's messages than one export page before the
// teacher's own); deleting the account leaves nothing of the teacher on the server (admin API)
// and signs out their other device; a retention run deletes exactly the chats it should.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { adminDb } from '../server/assistant/admin-db.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { runRetention } from '../server/stack/retention.ts'
import { adminQuery } from './fixtures/admin-query.ts'
import { uniqueEmail } from './fixtures/mailbox.ts'
import { adminTransact, artifactSteps, conversationSteps, signedInUserId } from './fixtures/seed.ts'
import { AccountPage } from './pages/account-page.ts'

const DAY = 86_400_000

/** The signed-in user's id, or 'stale' while the device still holds the deleted account's token. */
const currentUser = (page: Page) => signedInUserId(page).catch(() => 'stale')

async function newTeacher(browser: Browser): Promise<{ page: Page; userId: string }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  return { page, userId: await signedInUserId(page) }
}

/** A chat with a branch (an edited first prompt) and a material with two versions from its reply. */
async function seedTeacher(
  request: APIRequestContext,
  ownerId: string,
  label: string,
  startAt = Date.now() - DAY,
) {
  const chat = conversationSteps(
    ownerId,
    `${label} Chat`,
    [
      { role: 'user', text: `${label} Frage` },
      { role: 'assistant', text: `${label} Antwort` },
    ],
    { startAt },
  )
  const [question] = chat.messageIds
  const branch = conversationSteps(ownerId, 'unused', [
    { role: 'user', text: `${label} Zweig`, parentId: null },
  ])
  const branchSteps = branch.steps
    .filter((s) => s[1] === 'messages')
    .map((s) =>
      s[0] === 'link' ? ([s[0], s[1], s[2], { conversation: chat.conversationId }] as typeof s) : s,
    )
  const material = artifactSteps(ownerId, {
    title: `${label} Arbeitsblatt`,
    messageId: chat.messageIds[1],
    versions: [{ body: `${label} Version eins` }, { body: `${label} Version zwei` }],
  })
  await adminTransact(request, [...chat.steps, ...branchSteps, ...material.steps])
  return {
    conversationId: chat.conversationId,
    messageIds: [...chat.messageIds, ...branch.messageIds],
    question,
    artifactId: material.artifactId,
    versionIds: material.versionIds,
  }
}

/**
 * More of another teacher's messages than one export page (500), all older than the teacher's own: an
 * export that pages before the rules filter would get only empty pages and stop (the bug of 64f5e75).
 */
async function seedOlderBulk(request: APIRequestContext, ownerId: string, count: number): Promise<string[]> {
  const chats = Array.from({ length: 4 }, (_, c) =>
    conversationSteps(
      ownerId,
      `Fremd Viel ${c}`,
      Array.from({ length: count / 4 }, (_, i) => ({
        role: i % 2 ? ('assistant' as const) : ('user' as const),
        text: `Fremd Nachricht ${c}-${i}`,
      })),
      { startAt: Date.now() - 60 * DAY + c * DAY },
    ),
  )
  await adminTransact(
    request,
    chats.flatMap((c) => c.steps),
  )
  return chats.flatMap((c) => [c.conversationId, ...c.messageIds])
}

test('the ZIP holds every record of the teacher and nothing of another teacher', async ({ browser }) => {
  const other = await newTeacher(browser)
  const otherData = await seedTeacher(other.page.request, other.userId, 'Fremd')
  const otherBulk = await seedOlderBulk(other.page.request, other.userId, 600)
  const me = await newTeacher(browser)
  const mine = await seedTeacher(me.page.request, me.userId, 'Meins')
  const second = await seedTeacher(me.page.request, me.userId, 'Zweiter')

  await me.page.goto('/settings')
  const downloading = me.page.waitForEvent('download')
  await me.page.getByRole('button', { name: 'ZIP-Datei erstellen' }).click()
  const download = await downloading
  await expect(me.page.getByText('Fertig: Die ZIP-Datei wurde heruntergeladen.')).toBeVisible()
  const files = unzipSync(new Uint8Array(readFileSync((await download.path()) as string)))
  const json = (name: string) =>
    JSON.parse(strFromU8(files[`data/${name}.json`] as Uint8Array)) as { id: string }[]
  const ids = (name: string) =>
    json(name)
      .map((r) => r.id)
      .sort()

  expect(ids('conversations')).toEqual([mine.conversationId, second.conversationId].sort())
  expect(ids('messages')).toEqual([...mine.messageIds, ...second.messageIds].sort())
  expect(ids('artifacts')).toEqual([mine.artifactId, second.artifactId].sort())
  expect(ids('artifactVersions')).toEqual([...mine.versionIds, ...second.versionIds].sort())
  // Branches survive: both first prompts have no parent, the reply points to its question.
  const messages = json('messages') as { id: string; parentId: string | null; conversationId: string }[]
  expect(messages.find((m) => m.id === mine.messageIds[1])?.parentId).toBe(mine.question)
  expect(
    messages.filter((m) => m.conversationId === mine.conversationId && m.parentId === null),
  ).toHaveLength(2)

  const all = Object.values(files)
    .map((f) => strFromU8(f))
    .join('\n')
  for (const id of [otherData.conversationId, otherData.artifactId, ...otherData.messageIds, ...otherBulk]) {
    expect(all).not.toContain(id)
  }
  expect(all).not.toContain('Fremd')
  const names = Object.keys(files)
  expect(names.filter((n) => n.startsWith('chats/') && n.endsWith('.md'))).toHaveLength(2)
  expect(names.filter((n) => n.startsWith('materials/') && n.endsWith('.md'))).toHaveLength(2)
  const chatMd = names.find((n) => n.startsWith('chats/Meins-Chat'))
  expect(strFromU8(files[chatMd as string] as Uint8Array)).toContain('Meins Antwort')
  const materialMd = names.find((n) => n.startsWith('materials/Meins-Arbeitsblatt'))
  expect(strFromU8(files[materialMd as string] as Uint8Array)).toContain('Meins Version zwei')
  await me.page.context().close()
  await other.page.context().close()
})

test('deleting the account leaves nothing of the teacher and signs out their other device', async ({
  browser,
}) => {
  const email = uniqueEmail('delete')
  const laptop = await newTeacher(browser)
  const laptopGuest = laptop.userId
  await new AccountPage(laptop.page).signInWithEmail(email)
  const userId = await signedInUserId(laptop.page)
  const data = await seedTeacher(laptop.page.request, userId, 'Konto')
  // The phone starts as a guest and signs in to the same account: its guest is merged into it.
  const phone = await newTeacher(browser)
  const phoneGuest = phone.userId
  await new AccountPage(phone.page).signInWithEmail(email)
  await phone.page.goto('/')
  await expect(phone.page.getByText('Konto Chat')).toBeVisible()
  const stranger = await newTeacher(browser)
  const strangerData = await seedTeacher(stranger.page.request, stranger.userId, 'Bleibt')

  await laptop.page.goto('/settings')
  const remove = laptop.page.getByRole('button', { name: 'Konto endgültig löschen' })
  await expect(remove).toBeDisabled()
  await laptop.page.getByLabel('Tippe LÖSCHEN ein, um zu bestätigen').fill('löschen')
  await remove.click()
  // A fresh start here: a new guest with nothing in it.
  await expect.poll(() => currentUser(laptop.page)).not.toMatch(new RegExp(`^(${userId}|stale)$`))

  const everyId = [userId, laptopGuest, phoneGuest]
  const left = await adminQuery<Record<string, { id: string }[]>>(laptop.page.request, {
    $users: { $: { where: { id: { $in: everyId } } } },
    profiles: { $: { where: { 'owner.id': { $in: everyId } } } },
    conversations: { $: { where: { id: data.conversationId } } },
    messages: { $: { where: { id: { $in: data.messageIds } } } },
    artifacts: { $: { where: { id: data.artifactId } } },
    artifactVersions: { $: { where: { id: { $in: data.versionIds } } } },
  })
  for (const [entity, rows] of Object.entries(left)) expect(rows, entity).toEqual([])
  const byEmail = await adminQuery<{ $users: unknown[] }>(laptop.page.request, {
    $users: { $: { where: { email } } },
  })
  expect(byEmail.$users).toEqual([])
  const stays = await adminQuery<{ conversations: unknown[]; artifactVersions: unknown[] }>(
    laptop.page.request,
    {
      conversations: { $: { where: { id: strangerData.conversationId } } },
      artifactVersions: { $: { where: { id: { $in: strangerData.versionIds } } } },
    },
  )
  expect(stays.conversations).toHaveLength(1)
  expect(stays.artifactVersions).toHaveLength(2)

  // The phone was still connected: it is signed out and starts fresh, the deleted chat gone.
  await expect.poll(() => currentUser(phone.page)).not.toMatch(new RegExp(`^(${userId}|stale)$`))
  await expect(phone.page.getByText('Konto Chat')).toHaveCount(0)
  for (const t of [laptop, phone, stranger]) await t.page.context().close()
})

test('a retention run deletes exactly the chats it should', async ({ browser, baseURL }) => {
  const me = await newTeacher(browser)
  const request = me.page.request
  const old = Date.now() - 40 * DAY
  const stale = await seedTeacher(request, me.userId, 'Alt', old)
  const pinned = await seedTeacher(request, me.userId, 'Angeheftet', old)
  await adminTransact(request, [['update', 'conversations', pinned.conversationId, { pinned: true }]])
  const fresh = await seedTeacher(request, me.userId, 'Frisch', Date.now() - 5 * DAY)
  // Another teacher who chose nothing: the school's default (off here) keeps even old chats.
  const other = await newTeacher(browser)
  const otherOld = await seedTeacher(other.page.request, other.userId, 'Schule', old)

  await me.page.goto('/settings')
  await me.page.getByLabel('Chats löschen, die unberührt sind seit').selectOption('30')
  await me.page.getByRole('button', { name: 'Speichern' }).click()
  await expect(me.page.getByText('Gespeichert.')).toBeVisible()

  const token = readFileSync(join(process.env.E2E_DATA_DIR as string, 'admin-token'), 'utf8').trim()
  const db = adminDb({ appId: LOCAL_APP_ID, adminToken: token, apiURI: baseURL as string })
  const result = await runRetention(db, { schoolDays: 0 })
  expect(result.conversationIds).toEqual([stale.conversationId])
  expect(result.artifactIds).toEqual([])

  const left = await adminQuery<{
    conversations: { id: string }[]
    messages: unknown[]
    artifacts: unknown[]
  }>(request, {
    conversations: {
      $: {
        where: {
          id: { $in: [stale, pinned, fresh, otherOld].map((c) => c.conversationId) },
        },
      },
    },
    messages: { $: { where: { id: { $in: stale.messageIds } } } },
    artifacts: { $: { where: { id: stale.artifactId } } },
  })
  expect(left.conversations.map((c) => c.id).sort()).toEqual(
    [pinned.conversationId, fresh.conversationId, otherOld.conversationId].sort(),
  )
  expect(left.messages).toEqual([])
  // The material made in the deleted chat stays unless the teacher chose otherwise.
  expect(left.artifacts).toHaveLength(1)
  await expect(me.page.getByRole('link', { name: 'Alt Chat' })).toHaveCount(0)
  await me.page.context().close()
  await other.page.context().close()
})
