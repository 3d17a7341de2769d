// The composer's check before sending: finds personal data as the teacher types (deferred, so typing
// never waits for it) and holds a send while the prompt still holds some, until replaced or sent anyway.

import { useDeferredValue, useMemo, useRef, useState } from 'react'
import { detectPersonalData, type Finding } from './detect-personal-data.ts'
import { useHintSetting } from './hint-setting.ts'

export interface PersonalDataGate {
  checkedText: string
  findings: readonly Finding[]
  isHolding: boolean
  headingRef: React.RefObject<HTMLHeadingElement | null>
  /** True (and the hint asks the teacher) when `text` may not go out as it is. */
  shouldHold(text: string): boolean
  release(): void
}

export function usePersonalDataGate(text: string): PersonalDataGate {
  const isOn = useHintSetting((s) => s.isHintOn)
  const checkedText = useDeferredValue(text)
  const findings = useMemo(() => (isOn ? detectPersonalData(checkedText) : []), [isOn, checkedText])
  const [isHolding, setHolding] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  return {
    checkedText,
    findings,
    isHolding: isHolding && findings.length > 0,
    headingRef,
    shouldHold(current) {
      // Checked on the text itself: the deferred check may be a keystroke behind.
      const hold = isOn && detectPersonalData(current).length > 0
      setHolding(hold)
      return hold
    },
    release: () => setHolding(false),
  }
}
