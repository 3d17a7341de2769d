// Materials at the right reading level: the target level told to the model up front, and one more
// try for each material whose measured level misses its target by more than a grade — the model gets
// the measured level and concrete guidance, rewrites the body once, the better of the two attempts is
// kept, and the reply says what happened. Never fails a reply: a failed rewrite keeps the first one.

import { splitAnswerKey } from '../../../src/materials/conventions.ts'
import { levelById } from '../../../src/materials/levels.ts'
import type { Logger } from '../../instant/shared/log.ts'
import type { AssistantConfig } from '../config.ts'
import { type ChatMessage, streamModel } from '../openai-stream.ts'
import {
  type Assessment,
  assessMaterial,
  betterAttempt,
  requestedGrade,
  type TargetGrade,
  targetGrade,
  targetLevelPrompt,
  toLanguage,
} from '../reading-level/index.ts'
import type { KnownMaterial, MaterialContext } from './material-context.ts'
import type { CheckedCall } from './material-stream.ts'

const de = (n: number | null) => (n ?? 0).toLocaleString('de-DE', { maximumFractionDigits: 1 })

/** Target-level lines for the system prompt, when the request or its material names a grade. */
export function levelInstructions(requestText: string, context: MaterialContext): string | undefined {
  const requested = requestedGrade(requestText)
  const { intent, target } = context
  if (intent?.type === 'variants' && target) {
    const lines = intent.levels.flatMap((level) => {
      const t = targetGrade({ requested, materialGrade: target.grade, level })
      return t
        ? [
            `- level "${level}" (${levelById(level)?.label.de ?? level}): ${targetLevelPrompt(t, lang(target))}`,
          ]
        : []
    })
    return lines.length ? ['Leseniveau der Varianten:', ...lines].join('\n') : undefined
  }
  const about = intent?.type === 'revise' ? target : undefined
  const t = targetGrade({ requested, materialGrade: about?.grade, level: about?.level })
  return t ? targetLevelPrompt(t, lang(about)) : undefined
}

function lang(material: KnownMaterial | undefined): 'de' | 'en' {
  return toLanguage(material?.language)
}

export interface LevelCheck {
  requestText: string
  context: MaterialContext
  /** Asks the model once, without tools; resolves with its whole text. Rejects on failure or stop. */
  rewrite: (messages: ChatMessage[]) => Promise<string>
  /** Appends to the reply's text: what is being done, then how it turned out. */
  say: (text: string) => void
  log: Logger
}

/** `LevelCheck.rewrite` against the configured model: one streamed answer, text only, no retries. */
export function modelRewrite(config: AssistantConfig, signal: AbortSignal): LevelCheck['rewrite'] {
  return async (messages) => {
    let text = ''
    const { apiUrl, apiKey, model, idleTimeoutMs, contextChars } = config
    const request = { apiUrl, apiKey, model, idleTimeoutMs, contextChars, messages, signal }
    for await (const event of streamModel(request)) if (event.type === 'text') text += event.text
    return text
  }
}

/** The calls with a body rewritten where that came closer to the target level. Rethrows a stop. */
export async function checkLevels(calls: CheckedCall[], check: LevelCheck): Promise<CheckedCall[]> {
  const out: CheckedCall[] = []
  for (const checked of calls) out.push(await checkOne(checked, check))
  return out
}

function assess(checked: CheckedCall, check: LevelCheck, body: string): Assessment {
  const requested = requestedGrade(check.requestText)
  const { call } = checked
  if (call.action === 'revise') {
    const known = check.context.materials.find((m) => m.id === call.args.artifactId)
    return assessMaterial({
      body,
      language: known?.language,
      grade: known?.grade,
      level: known?.level,
      requestedGrade: requested,
    })
  }
  const original = check.context.materials.find((m) => m.id === call.args.variantOf)
  const { language, grade, level } = call.args
  return assessMaterial({ body, language, grade: grade ?? original?.grade, level, requestedGrade: requested })
}

function titleOf(checked: CheckedCall, context: MaterialContext): string {
  const { call } = checked
  if (call.action === 'create') return call.args.title
  return call.args.title ?? context.materials.find((m) => m.id === call.args.artifactId)?.title ?? 'Material'
}

async function checkOne(checked: CheckedCall, check: LevelCheck): Promise<CheckedCall> {
  const body = checked.call.args.body
  const first = assess(checked, check, body)
  if (!first.gap || !first.guidance || !first.target) return checked
  const target: TargetGrade = first.target
  const direction = first.gap === 'too-hard' ? 'vereinfache' : 'passe'
  check.say(
    `\n\n*Leseniveau von „${titleOf(checked, check.context)}“: gemessen Klasse ${de(first.readingLevel.grade)}, ` +
      `Ziel Klasse ${de(target.grade)} – ich ${direction} den Text${first.gap === 'too-hard' ? '' : ' an'} …*`,
  )
  let text: string
  try {
    text = unfence(await check.rewrite(rewriteMessages(body, first, target)))
  } catch (err) {
    if ((err as { kind?: string })?.kind === 'aborted') throw err
    check.log.warn('reading level: rewrite failed, first attempt kept', {
      error: String((err as Error)?.message ?? err),
    })
    check.say(' *Das hat nicht geklappt; die erste Fassung bleibt.*')
    return checked
  }
  // A rewrite that dropped the answer key lost content, whatever its level.
  const keepsKey = !splitAnswerKey(body).answerKey || !!splitAnswerKey(text).answerKey
  const second = text.trim() && keepsKey ? assess(checked, check, text) : undefined
  if (second && betterAttempt(first, second, target) === second) {
    check.say(` *Jetzt Klasse ${de(second.readingLevel.grade)}.*`)
    return {
      ...checked,
      call: { ...checked.call, args: { ...checked.call.args, body: text } },
    } as CheckedCall
  }
  check.say(
    second
      ? ` *Die Überarbeitung kam auf Klasse ${de(second.readingLevel.grade)} und war nicht näher am Ziel; die erste Fassung bleibt.*`
      : ' *Die Überarbeitung war unvollständig; die erste Fassung bleibt.*',
  )
  return checked
}

function rewriteMessages(body: string, first: Assessment, target: TargetGrade): ChatMessage[] {
  const language = first.readingLevel.language
  return [
    {
      role: 'system',
      content: [
        'Du passt ein Unterrichtsmaterial sprachlich an ein Leseniveau an.',
        targetLevelPrompt(target, language),
        'Behalte Inhalt, Aufbau und Markdown genau bei: Überschriften, Aufgabennummern, {{lines:N}}-Zeilen,',
        'Tabellen, Formeln und den Lösungsteil. Antworte nur mit dem ganzen Material in Markdown, ohne',
        'Einleitung, ohne Kommentar und ohne Codeblock.',
      ].join('\n'),
    },
    { role: 'user', content: `${first.guidance}\n\nDas Material:\n\n${body}` },
  ]
}

/** Models like to wrap Markdown in a fence even when told not to. */
function unfence(text: string): string {
  const m = /^\s*```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/.exec(text)
  return (m ? m[1]! : text).trim()
}
