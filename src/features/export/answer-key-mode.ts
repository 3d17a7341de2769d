// What happens to a material's answer key on paper and in DOCX: on its own page, or left out.

export type AnswerKeyMode = 'page' | 'omit'
