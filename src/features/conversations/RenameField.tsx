// Inline rename: Enter or leaving the field saves, Escape cancels. An empty title is not saved.

import { useEffect, useRef, useState } from 'react'

export interface RenameFieldProps {
  initial: string
  label: string
  onSave: (title: string) => void
  onDone: () => void
}

export function RenameField({ initial, label, onSave, onDone }: RenameFieldProps) {
  const [value, setValue] = useState(initial)
  const input = useRef<HTMLInputElement>(null)
  // Escape unmounts the field; the blur that follows must not save what was cancelled.
  const finished = useRef(false)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  function finish(save: boolean) {
    if (finished.current) return
    finished.current = true
    const title = value.trim()
    if (save && title && title !== initial) onSave(title)
    onDone()
  }

  return (
    <input
      ref={input}
      className="input rename-field"
      aria-label={label}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          finish(true)
        } else if (e.key === 'Escape') {
          e.preventDefault()
          e.stopPropagation()
          finish(false)
        }
      }}
    />
  )
}
