// The DOCX builders, fetched on first use: `docx` and the Markdown parser would otherwise double
// the size of the app's first load.

export const loadDocx = () => import('./docx/index.ts')
