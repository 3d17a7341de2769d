// Starting points for an empty chat: typical teacher requests, one click puts them in the prompt.

import './composer.css'
import { useId } from 'react'
import { type MessageKey, useT } from '../../i18n/index.ts'

const SUGGESTIONS: readonly MessageKey[] = [
  'suggestions.worksheet',
  'suggestions.lessonPlan',
  'suggestions.quiz',
  'suggestions.parentLetter',
  'suggestions.rubric',
  'suggestions.differentiate',
  'suggestions.easyLanguage',
  'suggestions.starter',
]

export function PromptSuggestions({ onPick }: { onPick: (text: string) => void }) {
  const t = useT()
  const headingId = useId()
  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h2 id={headingId} className="suggestions__heading">
        {t('suggestions.heading')}
      </h2>
      <ul className="suggestions__list">
        {SUGGESTIONS.map((key) => (
          <li key={key}>
            <button type="button" className="suggestion" onClick={() => onPick(t(key))}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
