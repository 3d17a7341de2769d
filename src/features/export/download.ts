// Hands a file to the browser as a download, named after the material or chat. No data access.

/** A file name from a title: letters (umlauts too), digits and dashes; never empty. */
export function fileNameFor(title: string, extension: string, fallback: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${stem || fallback}.${extension}`
}

export function downloadFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Only frees memory; the download has long started by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const MARKDOWN_TYPE = 'text/markdown;charset=utf-8'
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
