// Asks before a conversation is deleted for good (the server also deletes all of its messages).

import { useT } from '../../i18n/index.ts'
import { ConfirmDeleteDialog } from '../../ui/ConfirmDeleteDialog.tsx'

export function DeleteDialog(props: { title: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT()
  return (
    <ConfirmDeleteDialog
      heading={t('conversations.deleteTitle')}
      text={t('conversations.deleteText', { title: props.title })}
      cancelLabel={t('conversations.cancel')}
      confirmLabel={t('conversations.deleteConfirm')}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  )
}
