// A version's body: Markdown through the app's safe renderer (never raw HTML), any other format as
// preformatted plain text that wraps instead of scrolling sideways.

import type { ArtifactVersion } from '../../data/index.ts'
import { Markdown } from '../markdown/index.ts'

export function MaterialBody({ version }: { version: ArtifactVersion }) {
  return (
    <div className="artifact__body" data-testid="artifact-body" data-format={version.format}>
      {version.format === 'markdown' ? (
        <Markdown text={version.body} />
      ) : (
        <pre className="artifact__plain">{version.body}</pre>
      )}
    </div>
  )
}
