// Asks before an artifact is deleted for good (the server also deletes all of its versions).

import { useT } from '../../i18n/index.ts'
import { ConfirmDeleteDialog } from '../../ui/ConfirmDeleteDialog.tsx'

export function DeleteArtifactDialog(props: { title: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT()
  return (
    <ConfirmDeleteDialog
      heading={t('artifact.deleteTitle')}
      text={t('artifact.deleteText', { title: props.title })}
      cancelLabel={t('artifact.cancel')}
      confirmLabel={t('artifact.deleteConfirm')}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  )
}
