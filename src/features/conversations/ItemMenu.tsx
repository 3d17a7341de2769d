// The "⋯" menu of one conversation: a disclosure button with a short list of actions. Closes on
// Escape (focus back on the button), on a click outside and when focus leaves it.

import { type ReactNode, useEffect, useId, useRef, useState } from 'react'

export interface MenuAction {
  label: string
  onSelect: () => void
  danger?: boolean
}

export function ItemMenu({
  label,
  actions,
  icon,
}: {
  label: string
  actions: MenuAction[]
  icon: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const el = root.current
    if (!open || !el) return
    const onPointer = (e: PointerEvent) => {
      if (!el.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    const onFocusOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    el.addEventListener('keydown', onKey)
    el.addEventListener('focusout', onFocusOut)
    el.querySelector<HTMLButtonElement>('.item-menu__action')?.focus()
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      el.removeEventListener('keydown', onKey)
      el.removeEventListener('focusout', onFocusOut)
    }
  }, [open])

  return (
    <div className="item-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {icon}
      </button>
      {open && (
        <ul id={menuId} className="item-menu__popup">
          {actions.map((action) => (
            <li key={action.label}>
              <button
                type="button"
                className={`item-menu__action${action.danger ? ' item-menu__action--danger' : ''}`}
                onClick={() => {
                  setOpen(false)
                  action.onSelect()
                }}
              >
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
