// One person's response to a wave, and the answers it holds.
import type { Language } from '../i18n/languages.js'
import type { Setting } from '../questionnaires/definition-schema.js'

export type ResponseStatus = 'in_progress' | 'submitted'
export type ResponseSource = 'invitation' | 'open_link' | 'synthetic'

export interface SurveyResponse {
  id: number
  invitationId: number | null
  practiceId: number
  waveId: number
  resumeToken: string
  source: ResponseSource
  role: string | null
  setting: Setting | null
  status: ResponseStatus
  startedAt: string
  updatedAt: string
  submittedAt: string | null
  /** The language the response is given in: every page of it speaks this, whatever the browser asks. */
  language: Language
}

export interface NewResponse {
  invitationId: number | null
  practiceId: number
  waveId: number
  resumeToken: string
  source: ResponseSource
  role: string | null
  setting: Setting | null
  at: string
  /** English (the column's default) when not given, as for synthetic responses. */
  language?: Language
}

export interface StoredAnswer {
  questionnaireId: string
  itemId: string
  value: string
}

export interface PageSave {
  responseId: number
  pageKey: string
  questionnaireId: string
  questionnaireVersion: number
  /** Every item on the page: their old answers are replaced by `answers` (an item left blank is cleared). */
  itemIds: string[]
  answers: { itemId: string; value: string }[]
  /** False for "Save and come back later" on a page that is not finished: the person resumes on it. */
  complete: boolean
  at: string
}

/** A new role and setting; the answers and pages the new setting does not see go. */
export interface RoleChange {
  responseId: number
  role: string
  setting: Setting
  pageKey: string
  at: string
  hiddenItems: { questionnaireId: string; itemId: string }[]
  pagesToForget: string[]
}
