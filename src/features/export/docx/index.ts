// The DOCX builders' public face (loaded lazily through ../load-docx.ts).

export { buildChatDocx } from './chat-docx.ts'
export { buildMaterialDocx } from './material-docx.ts'
