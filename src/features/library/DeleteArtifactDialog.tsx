// Asks before an artifact is deleted for good (the server also deletes all of its versions).

import { useT } from '../../i18n/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'

export function DeleteArtifactDialog({
  title,
  onConfirm,
  onClose,
}: {
  title: string
  onConfirm: () => void
  onClose: () => void
}) {
  const t = useT()
  return (
    <Dialog title={t('artifact.deleteTitle')} onClose={onClose}>
      <p>{t('artifact.deleteText', { title })}</p>
      <div className="dialog__actions">
        {/* Cancel comes first so it holds the initial focus: Enter must never delete by accident. */}
        <button type="button" className="button" onClick={onClose}>
          {t('artifact.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t('artifact.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  )
}
