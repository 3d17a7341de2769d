// Asks before something is deleted for good. Cancel comes first so it holds the initial focus:
// Enter must never delete by accident.

import { Dialog } from './Dialog.tsx'

export interface ConfirmDeleteDialogProps {
  heading: string
  text: string
  cancelLabel: string
  confirmLabel: string
  onConfirm: () => void
  onClose: () => void
}

export function ConfirmDeleteDialog(props: ConfirmDeleteDialogProps) {
  return (
    <Dialog title={props.heading} onClose={props.onClose}>
      <p>{props.text}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onClose}>
          {props.cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
