// The composer's check before sending: finds personal data as the teacher types (deferred, so typing
// never waits for it) and holds a send while the prompt still holds some, until replaced or sent anyway.
// The detector loads on demand (load-detector.ts); a send before it has loaded waits for it, never skips it.

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { Finding } from './detect-personal-data.ts'
import { useHintSetting } from './hint-setting.ts'
import { type Detect, loadDetector, loadedDetector } from './load-detector.ts'

/** What a send may do: go out, wait for the teacher (held), or not go out because the check could not load. */
export type SendVerdict = 'clear' | 'hold' | 'unchecked'

export interface PersonalDataGate {
  checkedText: string
  findings: readonly Finding[]
  isHolding: boolean
  headingRef: React.RefObject<HTMLHeadingElement | null>
  /** The detector, once loaded (the hint only shows with findings, so it is there whenever the hint is). */
  detect: Detect | undefined
  /** Starts loading the detector (the composer calls it on focus), so a send rarely waits. */
  prepare(): void
  /** Whether `text` may go out as it is; 'hold' shows the hint asking the teacher. Waits for the detector. */
  check(text: string): Promise<SendVerdict>
  release(): void
}

export function usePersonalDataGate(text: string): PersonalDataGate {
  const isOn = useHintSetting((s) => s.isHintOn)
  const checkedText = useDeferredValue(text)
  const [detect, setDetect] = useState<Detect | undefined>(loadedDetector)
  const findings = useMemo(() => (isOn && detect ? detect(checkedText) : []), [isOn, detect, checkedText])
  const [isHolding, setHolding] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)

  const load = useCallback(async (): Promise<Detect> => {
    const loadedNow = await loadDetector()
    setDetect(() => loadedNow)
    return loadedNow
  }, [])
  const prepare = useCallback(() => {
    // A failure here surfaces on send (check), which retries the load.
    if (isOn && !detect) load().catch(() => {})
  }, [isOn, detect, load])
  // A draft restored from storage, or the first keystroke, is checked as soon as the detector is there.
  const hasText = text !== ''
  useEffect(() => {
    if (hasText) prepare()
  }, [hasText, prepare])

  return {
    checkedText,
    findings,
    isHolding: isHolding && findings.length > 0,
    headingRef,
    detect,
    prepare,
    async check(current) {
      if (!isOn) return 'clear'
      let run: Detect
      try {
        run = detect ?? (await load())
      } catch {
        // Fail closed: the hold is a privacy promise, so nothing unchecked goes out.
        return 'unchecked'
      }
      // Checked on the text itself: the deferred check may be a keystroke behind.
      const hold = run(current).length > 0
      setHolding(hold)
      return hold ? 'hold' : 'clear'
    },
    release: () => setHolding(false),
  }
}
