// A modal dialog on the native <dialog>: the browser traps focus, makes the page inert and closes
// it on Escape. Mount it to open it; `onClose` fires however it was closed. No data access.

import { type ReactNode, useEffect, useId, useRef } from 'react'

export interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Extra class for sizing, e.g. a wider help dialog. */
  className?: string
}

export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    // Whatever had focus before (e.g. the menu button) gets it back when the dialog goes away.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // A close event queued by an earlier cleanup (StrictMode remount) must not close the reopened dialog.
    const onNativeClose = () => {
      if (!dialog.open) closeRef.current()
    }
    dialog.addEventListener('close', onNativeClose)
    return () => {
      dialog.removeEventListener('close', onNativeClose)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
