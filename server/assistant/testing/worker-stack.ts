// The stack the worker tests share, started once per test file: the local Instant server in process
// (the project's schema and rules), the scripted model and one signed-in teacher. Workers started
// through it are closed after each test and the model's unused scripts dropped.

import { afterAll, afterEach, beforeAll } from 'vitest'
import { startTestServer, type TestServer } from '../../instant/conformance/harness.ts'
import {
  type ProjectDb,
  projectAdminToken,
  projectServer,
  refreshTokenFor,
  signedInClient,
} from '../../instant/conformance/project-users.ts'
import { LOCAL_APP_ID } from '../../instant/local-app.ts'
import { createLogger } from '../../instant/shared/log.ts'
import type { InstantTarget } from '../admin-db.ts'
import { type AssistantConfig, readAssistantConfig } from '../config.ts'
import { type AssistantWorker, type AssistantWorkerOptions, startAssistantWorker } from '../worker.ts'
import { newChat, newChatWithPrompt, type PromptOptions, sendPrompt } from './app-writes.ts'
import { type ScriptedModel, startScriptedModel } from './scripted-model.ts'

export interface WorkerStack {
  readonly server: TestServer
  readonly model: ScriptedModel
  /** The teacher's client (the unmodified core client, signed in). */
  readonly teacher: ProjectDb
  readonly teacherId: string
  /** Where the worker connects: the project's app on this server, with its admin token. */
  target(): InstantTarget
  /** A config for the scripted model: quick flushes (with or without a stream) and retries, then `over`. */
  config(over?: Partial<AssistantConfig>, modelName?: string): AssistantConfig
  /** A worker on this stack, closed after the test unless the test closed it. */
  startWorker(
    over?: Partial<AssistantConfig>,
    /** `apiURI`: where the worker reaches the server instead (a proxy in front of it). */
    opts?: { modelName?: string; apiURI?: string } & Pick<
      AssistantWorkerOptions,
      'soleWorker' | 'sweepIntervalMs' | 'claimsCleanupIntervalMs'
    >,
  ): AssistantWorker
  /** Closes every worker still running (`graceMs` as in `AssistantWorker.close`). */
  stopWorkers(graceMs?: number): Promise<void>
  newChat(title?: string): Promise<string>
  sendPrompt(conversationId: string, text: string, opts?: PromptOptions): Promise<string>
  newChatWithPrompt(text: string, title?: string): Promise<{ conversationId: string; requestId: string }>
}

/**
 * Registers the file's hooks; the stack's parts are there from `beforeAll` on. After each test the
 * workers close with `closeGraceMs` (default: the config's, so a reply still running finishes
 * rather than being handed to the next test's worker).
 */
export function workerStack(teacherEmail: string, opts: { closeGraceMs?: number } = {}): WorkerStack {
  let server: TestServer | undefined
  let model: ScriptedModel | undefined
  let teacher: ProjectDb | undefined
  let teacherId = ''
  const workers: AssistantWorker[] = []
  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the worker stack starts in beforeAll')
    return part
  }
  const me = () => ({ db: started(teacher), id: teacherId })
  // LOGLEVEL=debug shows the worker's log while a test is being fixed.
  const log = createLogger(
    (process.env.LOGLEVEL as Parameters<typeof createLogger>[0]) ?? 'error',
    'assistant',
  )

  beforeAll(async () => {
    server = await startTestServer(undefined, { projectApp: true })
    model = await startScriptedModel()
    teacher = await signedInClient(server, await refreshTokenFor(projectServer(server), teacherEmail))
    teacherId = (await teacher.getAuth())!.id
  }, 60_000)

  const stopWorkers = async (graceMs?: number) => {
    for (const w of workers.splice(0)) await w.close(graceMs)
  }

  afterEach(async () => {
    await stopWorkers(opts.closeGraceMs)
    model?.reset()
  })

  afterAll(async () => {
    teacher?.shutdown()
    await model?.close()
    await server?.close()
  })

  const stack: WorkerStack = {
    get server() {
      return started(server)
    },
    get model() {
      return started(model)
    },
    get teacher() {
      return started(teacher)
    },
    get teacherId() {
      return teacherId
    },
    target: () => ({
      appId: LOCAL_APP_ID,
      adminToken: projectAdminToken(started(server)),
      apiURI: started(server).url,
    }),
    config: (over = {}, modelName = 'gpt-scripted') => ({
      ...readAssistantConfig({ ASSISTANT_API_URL: started(model).url, ASSISTANT_MODEL: modelName })!,
      flushIntervalMs: 20,
      streamFlushIntervalMs: 20,
      retryDelayMs: 10,
      ...over,
    }),
    startWorker(over = {}, options = {}) {
      const { modelName, apiURI, ...rest } = options
      const worker = startAssistantWorker({
        ...stack.target(),
        ...(apiURI ? { apiURI } : {}),
        config: stack.config(over, modelName),
        log,
        ...rest,
      })
      const tracked: AssistantWorker = {
        get active() {
          return worker.active
        },
        close: (graceMs) => {
          const at = workers.indexOf(tracked)
          if (at >= 0) workers.splice(at, 1)
          return worker.close(graceMs)
        },
      }
      workers.push(tracked)
      return tracked
    },
    stopWorkers,
    newChat: (title) => newChat(me(), title),
    sendPrompt: (conversationId, text, opts) => sendPrompt(me(), conversationId, text, opts),
    newChatWithPrompt: (text, title) => newChatWithPrompt(me(), text, title),
  }
  return stack
}
