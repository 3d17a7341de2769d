// "Drucken / als PDF": the teacher chooses what happens to the answer key, sees the sheet, and
// prints it (the browser's dialog also saves as PDF). While this is open, a copy of the sheet sits
// at the end of <body>, which is all that print media shows (print.css).

import './print.css'
import { useId, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { type Language, useT } from '../../i18n/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import type { AnswerKeyMode } from './answer-key-mode.ts'
import { PrintSheet } from './PrintSheet.tsx'
import { layoutOf, toSheet } from './sheet.ts'

export interface PrintDialogProps {
  title: string
  body: string
  kind: string
  language: Language
  onClose: () => void
  /** Downloads the DOCX with the same choice about the answer key. */
  onDocx: (answerKey: AnswerKeyMode) => void
}

export function PrintDialog({ title, body, kind, language, onClose, onDocx }: PrintDialogProps) {
  const t = useT()
  const [answerKey, setAnswerKey] = useState<AnswerKeyMode>('page')
  const sheet = useMemo(() => toSheet(body, layoutOf(kind)), [body, kind])
  const name = useId()
  const sheetProps = { title, sheet, language, answerKey }

  return (
    <Dialog title={t('export.printTitle')} onClose={onClose} className="dialog--wide">
      {sheet.answerKey && (
        <fieldset className="print-options">
          <legend>{t('export.answerKey')}</legend>
          {(['page', 'omit'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name={name}
                value={mode}
                checked={answerKey === mode}
                onChange={() => setAnswerKey(mode)}
              />
              {t(mode === 'page' ? 'export.answerKey.page' : 'export.answerKey.omit')}
            </label>
          ))}
        </fieldset>
      )}
      <section className="print-preview" aria-label={t('export.preview')}>
        <PrintSheet {...sheetProps} />
      </section>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
        <button type="button" className="button" onClick={() => onDocx(answerKey)}>
          {t('export.docx')}
        </button>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('export.printNow')}
        </button>
      </div>
      {createPortal(
        <div className="print-root">
          <PrintSheet {...sheetProps} />
        </div>,
        document.body,
      )}
    </Dialog>
  )
}
