// Retention: the teacher picks after how many untouched days the server deletes chats (or the
// school's default), and whether pinned chats and their materials go too. Saved on the profile.

import { useEffect, useState } from 'react'
import { saveRetentionChoice, useTeacherProfile } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { useCurrentUser } from '../auth/index.ts'

const DAYS = ['school', '0', '30', '90', '365'] as const

export function RetentionSettings() {
  const t = useT()
  const userId = useCurrentUser().id
  const { profile, isLoading } = useTeacherProfile(userId)
  const [days, setDays] = useState<string>('school')
  const [includesPinned, setIncludesPinned] = useState(false)
  const [includesMaterials, setIncludesMaterials] = useState(false)
  const [state, setState] = useState<'idle' | 'saved' | 'failed'>('idle')
  // A choice made before the saved one arrived is the teacher's and must not be overwritten by it.
  const [isEdited, setEdited] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a different teacher starts from their own choice
  useEffect(() => setEdited(false), [userId])

  // The saved choice fills the form once it arrives (and again for another signed-in user).
  useEffect(() => {
    if (isLoading || isEdited) return
    const saved = profile?.retentionDays
    setDays(typeof saved === 'number' ? String(saved) : 'school')
    setIncludesPinned(profile?.retentionIncludesPinned === true)
    setIncludesMaterials(profile?.retentionIncludesMaterials === true)
  }, [
    isLoading,
    isEdited,
    profile?.retentionDays,
    profile?.retentionIncludesPinned,
    profile?.retentionIncludesMaterials,
  ])

  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      await saveRetentionChoice(userId, profile?.id, {
        days: days === 'school' ? null : Number(days),
        includesPinned,
        includesMaterials,
      })
      setEdited(false)
      setState('saved')
    } catch {
      setState('failed')
    }
  }

  return (
    <form className="card stack" aria-labelledby="account-data-retention" onSubmit={(e) => void save(e)}>
      <h3 id="account-data-retention">{t('accountData.retention.title')}</h3>
      <p className="muted">{t('accountData.retention.where')}</p>
      <label htmlFor="retention-days">{t('accountData.retention.days')}</label>
      <select
        id="retention-days"
        className="input"
        value={days}
        onChange={(e) => {
          setDays(e.target.value)
          setEdited(true)
          setState('idle')
        }}
      >
        {DAYS.map((d) => (
          <option key={d} value={d}>
            {t(`accountData.retention.days.${d}`)}
          </option>
        ))}
      </select>
      <label className="radio">
        <input
          type="checkbox"
          checked={includesPinned}
          onChange={(e) => {
            setIncludesPinned(e.target.checked)
            setEdited(true)
          }}
        />
        {t('accountData.retention.includesPinned')}
      </label>
      <label className="radio">
        <input
          type="checkbox"
          checked={includesMaterials}
          onChange={(e) => {
            setIncludesMaterials(e.target.checked)
            setEdited(true)
          }}
        />
        {t('accountData.retention.includesMaterials')}
      </label>
      <p className="muted">{t('accountData.retention.kept')}</p>
      {/* Until the profile has loaded, saving would create a second one beside it. */}
      <button type="submit" className="button" disabled={isLoading}>
        {t('accountData.retention.save')}
      </button>
      {state === 'saved' && <p role="status">{t('accountData.retention.saved')}</p>}
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {t('accountData.retention.failed')}
        </p>
      )}
    </form>
  )
}
