// The material's print and export actions: "Drucken / PDF" (the print dialog), Word (DOCX, built
// lazily) and Markdown downloads. Progress while the DOCX is built; a failure is said, and the
// material is untouched either way.

import { useState } from 'react'
import { type Language, loadLanguage, useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { answerLinesAsText } from '../../materials/conventions.ts'
import type { AnswerKeyMode } from './answer-key-mode.ts'
import { DOCX_TYPE, downloadFile, fileNameFor, MARKDOWN_TYPE } from './download.ts'
import { loadDocx } from './load-docx.ts'
import { PrintDialog } from './PrintDialog.tsx'
import { layoutOf, toSheet } from './sheet.ts'

export interface MaterialExportProps {
  title: string
  body: string
  kind: string
  /** The material's own language; the header line's labels follow it. */
  language: Language
}

type Progress = { state: 'idle' } | { state: 'building' } | { state: 'failed'; error: unknown }

export function MaterialExport({ title, body, kind, language }: MaterialExportProps) {
  const t = useT()
  const [isPrinting, setPrinting] = useState(false)
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })

  async function saveDocx(answerKey: AnswerKeyMode) {
    setProgress({ state: 'building' })
    try {
      // The header line's labels are in the material's language, which may not have loaded yet.
      const [{ buildMaterialDocx }] = await Promise.all([loadDocx(), loadLanguage(language)])
      const sheet = toSheet(body, layoutOf(kind))
      const blob = await buildMaterialDocx({ title, sheet, language, answerKey })
      downloadFile(fileNameFor(title, 'docx', 'material'), new Blob([blob], { type: DOCX_TYPE }))
      setProgress({ state: 'idle' })
    } catch (error) {
      setProgress({ state: 'failed', error })
    }
  }

  function openPrint() {
    // The sheet's labels follow the material's language; if it cannot load they stay German, nothing else.
    const open = () => setPrinting(true)
    loadLanguage(language).then(open, open)
  }

  function saveMarkdown() {
    // Answer-line markers mean nothing to other Markdown tools; they get a short rule instead.
    const text = layoutOf(kind).answerLines ? answerLinesAsText(body) : body
    downloadFile(
      fileNameFor(title, 'md', 'material'),
      new Blob([`${text.trimEnd()}\n`], { type: MARKDOWN_TYPE }),
    )
  }

  return (
    <div className="export-actions">
      <button type="button" className="button" onClick={openPrint}>
        {t('export.print')}
      </button>
      <button
        type="button"
        className="button"
        aria-busy={progress.state === 'building'}
        disabled={progress.state === 'building'}
        onClick={() => saveDocx('page')}
      >
        {t('export.docx')}
      </button>
      <button type="button" className="button" onClick={saveMarkdown}>
        {t('export.markdown')}
      </button>
      <span role="status" className="export-actions__status">
        {progress.state === 'building'
          ? t('export.preparing')
          : progress.state === 'failed'
            ? t('export.failed', { error: t(toUserMessage(progress.error)) })
            : ''}
      </span>
      {isPrinting && (
        <PrintDialog
          title={title}
          body={body}
          kind={kind}
          language={language}
          onClose={() => setPrinting(false)}
          onDocx={(answerKey) => {
            void saveDocx(answerKey)
          }}
        />
      )}
    </div>
  )
}
