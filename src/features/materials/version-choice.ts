// Which version of an artifact the view shows. Pure, so the rules are unit-tested; versions arrive
// newest first (src/data/artifacts.ts orders them by `version` desc).

export interface VersionChoice<T> {
  /** The version to show; undefined only when the artifact has no versions. */
  shown: T | undefined
  /** 1 for the oldest version, `count` for the latest ("Version 2 von 3"). */
  position: number
  count: number
}

/**
 * The chosen version while it exists, otherwise the latest. `chosenId` null means "the latest", so a
 * teacher who has not picked one follows a new version as it arrives; a chosen version that went
 * away falls back to the latest instead of an empty view.
 */
export function chooseVersion<T extends { id: string }>(
  versions: readonly T[],
  chosenId: string | null,
): VersionChoice<T> {
  const count = versions.length
  const chosen = chosenId === null ? -1 : versions.findIndex((v) => v.id === chosenId)
  const index = chosen === -1 ? 0 : chosen
  return { shown: versions[index], position: versionPosition(index, count), count }
}

/** The 1-based position of the version at `index` of a newest-first list of `count`. */
export function versionPosition(index: number, count: number): number {
  return count === 0 ? 0 : count - index
}

/** What to remember when the teacher picks `id`: picking the latest means "follow the latest". */
export function toChosenId(versions: readonly { id: string }[], id: string): string | null {
  return versions[0]?.id === id ? null : id
}
