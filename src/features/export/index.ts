// The export feature's public face: a material's print / DOCX / Markdown actions and a chat's export.

export { ChatExport } from './ChatExport.tsx'
export { MaterialExport } from './MaterialExport.tsx'
