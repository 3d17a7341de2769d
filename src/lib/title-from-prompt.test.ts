import { describe, expect, it } from 'vitest'
import { titleFromPrompt } from './title-from-prompt.ts'

describe('titleFromPrompt', () => {
  it('uses a short prompt as it is', () => {
    expect(titleFromPrompt('Elternbrief zum Wandertag')).toBe('Elternbrief zum Wandertag')
  })

  it('takes the first non-empty line and drops Markdown marks', () => {
    expect(titleFromPrompt('\n## **Quiz** zur Fotosynthese\nfür Klasse 7')).toBe('Quiz zur Fotosynthese')
  })

  it('cuts a long prompt at a word boundary and marks the cut', () => {
    const title = titleFromPrompt(
      'Erstelle ein differenziertes Arbeitsblatt zur Bruchrechnung für Klasse 6 mit drei Niveaustufen',
    )
    expect(title).toBe('Erstelle ein differenziertes Arbeitsblatt zur Bruchrechnung …')
    expect(title.length).toBeLessThanOrEqual(62)
  })
})
