// Asks before a conversation is deleted for good (the server also deletes all of its messages).

import { useT } from '../../i18n/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'

export function DeleteDialog({
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
    <Dialog title={t('conversations.deleteTitle')} onClose={onClose}>
      <p>{t('conversations.deleteText', { title })}</p>
      <div className="dialog__actions">
        {/* Cancel comes first so it holds the initial focus: Enter must never delete by accident. */}
        <button type="button" className="button" onClick={onClose}>
          {t('conversations.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t('conversations.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  )
}
