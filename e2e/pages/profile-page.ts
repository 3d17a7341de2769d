// Page object for the teacher profile form on /profile: name, Bundesland, school type, subject chips,
// grade checkboxes, Save and its confirmation. Everything is found inside the form by its German label.

import { expect, type Locator, type Page } from '@playwright/test'

export interface ProfileInput {
  displayName?: string
  bundesland?: string
  schoolType?: string
  subjects?: string[]
  grades?: string[]
}

export class ProfilePage {
  readonly form: Locator
  readonly displayName: Locator
  readonly bundesland: Locator
  readonly schoolType: Locator
  readonly subjectInput: Locator
  readonly addSubjectButton: Locator
  readonly subjectList: Locator
  readonly grades: Locator
  readonly save: Locator
  readonly status: Locator
  readonly errors: Locator

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Dein Unterricht' })
    this.displayName = this.form.getByLabel('Dein Name')
    this.bundesland = this.form.getByLabel('Bundesland')
    this.schoolType = this.form.getByLabel('Schulart')
    this.subjectInput = this.form.getByLabel('Neues Fach')
    this.addSubjectButton = this.form.getByRole('button', { name: 'Hinzufügen' })
    this.subjectList = this.form.getByRole('list', { name: 'Deine Fächer' })
    this.grades = this.form.getByRole('group', { name: 'Klassenstufen' })
    this.save = this.form.getByRole('button', { name: 'Speichern' })
    this.status = this.form.getByRole('status')
    this.errors = this.form.getByRole('alert')
  }

  /** Opens /profile and waits until the saved profile (or the empty form) is there. */
  async open(): Promise<void> {
    await this.page.goto('/profile')
    await expect(this.save).toBeVisible()
  }

  grade(grade: string): Locator {
    return this.grades.getByRole('checkbox', { name: grade, exact: true })
  }

  removeButton(subject: string): Locator {
    return this.form.getByRole('button', { name: `${subject} entfernen`, exact: true })
  }

  async addSubject(subject: string): Promise<void> {
    await this.subjectInput.fill(subject)
    await this.addSubjectButton.click()
  }

  /** The subject chips, in order. */
  async subjects(): Promise<string[]> {
    if (!(await this.subjectList.isVisible())) return []
    return this.subjectList.locator('.profile-chip__text').allTextContents()
  }

  /** The checked grades, in order. */
  async checkedGrades(): Promise<string[]> {
    return this.grades
      .locator('input:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
  }

  /** Fills the given fields (subjects are added to those already there, grades are checked). */
  async fill(input: ProfileInput): Promise<void> {
    if (input.displayName !== undefined) await this.displayName.fill(input.displayName)
    if (input.bundesland !== undefined) await this.bundesland.selectOption(input.bundesland)
    if (input.schoolType !== undefined) await this.schoolType.selectOption(input.schoolType)
    for (const subject of input.subjects ?? []) await this.addSubject(subject)
    for (const grade of input.grades ?? []) await this.grade(grade).check()
  }

  /** Saves and waits for the confirmation in the live region. */
  async saveAndConfirm(): Promise<void> {
    await this.save.click()
    await expect(this.status).toHaveText('Gespeichert')
  }

  /** What the form shows now, in the shape the profile is stored. */
  async values(): Promise<Required<ProfileInput>> {
    return {
      displayName: await this.displayName.inputValue(),
      bundesland: await this.bundesland.inputValue(),
      schoolType: await this.schoolType.inputValue(),
      subjects: await this.subjects(),
      grades: await this.checkedGrades(),
    }
  }

  /** Horizontal overflow of the page and of <main> in px (0 when nothing scrolls sideways). */
  sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => {
      const root = document.documentElement
      const main = document.getElementById('main')
      return Math.max(root.scrollWidth - root.clientWidth, main ? main.scrollWidth - main.clientWidth : 0)
    })
  }
}
