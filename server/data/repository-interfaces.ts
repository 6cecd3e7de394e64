// What the services may ask of storage, over the domain types: the SQLite repositories implement it, and so must any other database.
import type { AuditEntry, NewAuditEntry } from '../domain/audit-entry.js'
import type { Invitation } from '../domain/invitation.js'
import type { NewPractice, Practice } from '../domain/practice.js'
import type { NewProgramme, Programme } from '../domain/programme.js'
import type { InvitationCount, SubmittedCount } from '../domain/response-counts.js'
import type { NewResponse, PageSave, RoleChange, StoredAnswer, SurveyResponse } from '../domain/response.js'
import type { NewStaffAccount, StaffAccount, StaffRole, StaffScope } from '../domain/staff-user.js'
import type { NewWave, Wave, WaveStatus } from '../domain/wave.js'
import type { ResponseAnswerRow } from '../exports/response-rows.js'
import type { Respondent } from '../scoring/respondent.js'

export interface ProgrammeRepository {
  findBySlug(slug: string): Programme | undefined
  findById(id: number): Programme | undefined
  /** In name order. */
  list(): Programme[]
  count(): number
  create(programme: NewProgramme): Programme
}

export interface PracticeRepository {
  /** Practice codes are unique across programmes. */
  findByCode(code: string): Practice | undefined
  findById(id: number): Practice | undefined
  /** In code order. */
  listByProgramme(programmeId: number): Practice[]
  create(practice: NewPractice): Practice
}

export interface WaveRepository {
  findById(id: number): Wave | undefined
  findBySlug(programmeId: number, slug: string): Wave | undefined
  /** In position order. */
  listByProgramme(programmeId: number): Wave[]
  /** After the programme's other waves; the wave and its questionnaires, or nothing. */
  create(wave: NewWave): Wave
  setStatus(id: number, status: WaveStatus): void
}

export interface InvitationRepository {
  findByToken(token: string): Invitation | undefined
  findById(id: number): Invitation | undefined
  /** The earliest invitation of a practice's wave that nobody has used and that presets no role. */
  findUnused(waveId: number, practiceId: number): Invitation | undefined
  /** One invitation per token: all of them, or none. */
  createMany(waveId: number, practiceId: number, tokens: string[], presetRole: string | null): void
  /** Only the first use counts. */
  markUsed(id: number, at: string): void
}

export interface ResponseRepository {
  findById(id: number): SurveyResponse | undefined
  findByResumeToken(token: string): SurveyResponse | undefined
  findByInvitation(invitationId: number): SurveyResponse | undefined
  create(response: NewResponse): SurveyResponse
  /** In the order they were saved. */
  answers(responseId: number): StoredAnswer[]
  /** Keys of the pages saved as finished. */
  savedPages(responseId: number): Set<string>
  /** Saves one page of answers atomically: all of it, or none of it. */
  savePage(save: PageSave): void
  /** Sets role and setting; answers the new setting no longer sees are removed, with the pages that held them. Atomic. */
  saveRole(change: RoleChange): void
  /** Returns false when the response was already submitted. */
  submit(responseId: number, at: string): boolean
}

export interface StoredQuestionnaireVersion {
  questionnaireId: string
  version: number
  contentHash: string
}

export interface QuestionnaireVersionRepository {
  find(questionnaireId: string, version: number): StoredQuestionnaireVersion | undefined
  hasAnswers(questionnaireId: string, version: number): boolean
  /** Adds the version, or replaces its hash and definition. */
  save(questionnaireId: string, version: number, contentHash: string, definitionJson: string): void
}

/** One row of the answers export. */
export interface AnswerExportRow {
  response_id: number
  practice_code: string
  wave: string
  questionnaire: string
  questionnaire_version: number
  role: string | null
  setting: string | null
  item: string
  value: string
}

/**
 * The rows are read as they are iterated, from a snapshot taken at the first row, so an export never holds a whole wave in
 * memory and never stops respondents saving. A reader that stops early calls return() to let go of the snapshot.
 */
export interface ExportRepository {
  /** In response order. */
  answerRows(waveId: number, includePartial: boolean): Generator<AnswerExportRow>
  /** Rows in response order; a response with no answers has one row with questionnaire, item and value null. */
  responseAnswerRows(waveId: number, includePartial: boolean): Generator<ResponseAnswerRow>
  /** Stored definitions of a questionnaire other than `currentVersion`, newest first. */
  olderVersions(questionnaireId: string, currentVersion: number): { version: number; definitionJson: string }[]
  waveHasAnswersTo(waveId: number, questionnaireId: string, version: number, includePartial: boolean): boolean
}

/** Small values the app keeps for itself, such as the generated session secret. */
export interface SettingRepository {
  get(key: string): string | undefined
  /** Stores the value unless one is already there; returns whichever is stored. */
  getOrCreate(key: string, create: () => string): string
}

/** Session data by session id; times are milliseconds since the epoch. */
export interface SessionRepository {
  /** Unless it has expired by `now`. */
  find(sid: string, now: number): string | undefined
  save(sid: string, data: string, expiresAt: number): void
  extend(sid: string, expiresAt: number): void
  remove(sid: string): void
  /** Removes the sessions expired by `now`; returns how many. */
  prune(now: number): number
}

export interface StaffUserRepository {
  /** E-mail addresses match without regard to case. */
  findByEmail(email: string): StaffAccount | undefined
  findById(id: number): StaffAccount | undefined
  /** The account with its scope, or (when a scope fails) nothing. */
  create(account: NewStaffAccount): StaffAccount
  scope(userId: number): StaffScope
  /** False when there is no such account. */
  /** Sets a new password hash and raises the session generation, so sessions signed in under the old password end. */
  setPasswordHash(id: number, passwordHash: string): boolean
  /** Accounts of a role that can sign in. */
  countActive(role: StaffRole): number
}

/** Wrong passwords in a row for one e-mail address, and the lock they lead to. */
export interface SignInFailures {
  failures: number
  lockedUntil: string | null
}

export interface SignInFailureRepository {
  find(email: string): SignInFailures | undefined
  /** Counts one more failure at `at` and, on reaching `maxFailures`, locks until `lockUntil`. Atomic, so concurrent tries all count. */
  recordFailure(email: string, at: string, maxFailures: number, lockUntil: string): SignInFailures & { lockedNow: boolean }
  clear(email: string): void
  /** Forgets counts whose last failure was before `at`, unless they hold a lock that runs past it; returns how many. */
  pruneBefore(at: string): number
}

export interface AuditLogRepository {
  /** Returns the new entry's id. */
  add(entry: NewAuditEntry): number
  /** Newest first. */
  page(limit: number, offset: number): AuditEntry[]
  count(): number
}

/** The submitted answers of a wave in the shape the scoring functions take. */
export interface ScoringRepository {
  /** Submitted respondents of a wave with their answers to one questionnaire (one value per item; multi items are not scored). */
  respondents(waveId: number, questionnaireId: string): Respondent[]
  /** The questionnaire versions that submitted answers in this wave were given to. */
  answeredVersions(waveId: number, questionnaireId: string): number[]
  /** The definition as stored when that version was first loaded. */
  definitionJson(questionnaireId: string, version: number): string | undefined
}

export interface TextAnswer {
  itemId: string
  value: string
}

/** Counts and free text for the practice scorecard: who responded, who was invited, what they wrote. */
export interface ReportRepository {
  /** Submitted responses (with a setting, as scored) per wave of a programme; waves without any give 0. */
  submittedByWave(programmeId: number): Map<number, number>
  submittedCounts(waveId: number, practiceId: number): SubmittedCount[]
  invitationCounts(waveId: number, practiceId: number): InvitationCount[]
  /** Submitted answers to free-text items of one questionnaire, sorted by item and text, so the order says nothing about who wrote them or when. */
  textAnswers(waveId: number, practiceId: number, questionnaireId: string, itemIds: readonly string[]): TextAnswer[]
}

/** Every repository over one database, and what only the whole database can do. */
export interface Repositories {
  programmes: ProgrammeRepository
  practices: PracticeRepository
  waves: WaveRepository
  invitations: InvitationRepository
  responses: ResponseRepository
  questionnaireVersions: QuestionnaireVersionRepository
  exports: ExportRepository
  settings: SettingRepository
  sessions: SessionRepository
  staffUsers: StaffUserRepository
  signInFailures: SignInFailureRepository
  auditLog: AuditLogRepository
  scoring: ScoringRepository
  reports: ReportRepository
  /** Runs `work` in one transaction: everything it writes is kept or, when it throws, nothing is. */
  transaction<T>(work: () => T): T
  /** Nothing can be read or written after. */
  close(): void
}
