// What the services may ask of storage, over the domain types: the Kysely repositories implement it on SQLite and PostgreSQL alike.
import type { AuditEntry, NewAuditEntry } from '../domain/audit-entry.js'
import type { Language } from '../i18n/languages.js'
import type { StartAndSend } from '../domain/completion-time.js'
import type { DayCount, PracticeFieldwork } from '../domain/fieldwork.js'
import type { Invitation, InvitationListing, NewInvitation } from '../domain/invitation.js'
import type { AddressCounts, AddressedInvitation } from '../domain/invitation-address.js'
import type { ImplementationStage, NewPractice, Practice, PracticeDetails } from '../domain/practice.js'
import type { NewProgramme, Programme, ProgrammeDetails } from '../domain/programme.js'
import type { InvitationCount, SubmittedCount } from '../domain/response-counts.js'
import type { ExclusionCriteria, ExclusionPreview, NewResponseExclusion, ResponseExclusion } from '../domain/response-exclusion.js'
import type { ActionChange, ActionPriority, PracticeAction, PracticeActionExportRow } from '../domain/practice-action.js'
import type { NewResponse, PageSave, RoleChange, StoredAnswer, SurveyResponse } from '../domain/response.js'
import type { NewStaffAccount, StaffAccount, StaffRole, StaffScope } from '../domain/staff-user.js'
import type { NewWave, Wave, WaveActivity, WaveChange, WaveStatus } from '../domain/wave.js'
import type { ResponseAnswerRow } from '../exports/response-rows.js'
import type { Respondent } from '../scoring/respondent.js'
import type { OpenLinkStart } from '../domain/start-bursts.js'

export interface ProgrammeRepository {
  findBySlug(slug: string): Promise<Programme | undefined>
  findById(id: number): Promise<Programme | undefined>
  /** In name order, archived ones included. */
  list(): Promise<Programme[]>
  count(): Promise<number>
  create(programme: NewProgramme): Promise<Programme>
  update(id: number, details: ProgrammeDetails): Promise<void>
  /** Archives the programme at `at`, or brings it back into use with null. */
  setArchivedAt(id: number, at: string | null): Promise<void>
}

export interface PracticeRepository {
  /** Practice codes are unique across programmes. */
  findByCode(code: string): Promise<Practice | undefined>
  findById(id: number): Promise<Practice | undefined>
  /** In code order. */
  listByProgramme(programmeId: number): Promise<Practice[]>
  create(practice: NewPractice): Promise<Practice>
  /** Everything but the code, which open links carry. */
  update(id: number, details: Omit<PracticeDetails, 'code'>): Promise<void>
  /** The implementation stages recorded for a programme's practices, by practice and wave. */
  stages(programmeId: number): Promise<{ practiceId: number; waveId: number; stage: ImplementationStage }[]>
  /** Records the stage at a wave; null forgets it. */
  setStage(practiceId: number, waveId: number, stage: ImplementationStage | null): Promise<void>
  /** Submitted responses that no exclusion in force sets aside, per practice and wave of a programme; none, no row. */
  submittedCounts(programmeId: number): Promise<{ practiceId: number; waveId: number; n: number }[]>
  /** Every response of the practice, in any wave, sent or not, set aside or not. */
  responseCount(practiceId: number): Promise<number>
  /** With its invitations, stages, steering scopes, exclusions and actions; only for a practice without responses. Atomic. */
  remove(id: number): Promise<void>
}

export interface WaveRepository {
  findById(id: number): Promise<Wave | undefined>
  findBySlug(programmeId: number, slug: string): Promise<Wave | undefined>
  /** In position order. */
  listByProgramme(programmeId: number): Promise<Wave[]>
  /** After the programme's other waves; the wave and its questionnaires, or nothing. */
  create(wave: NewWave): Promise<Wave>
  setStatus(id: number, status: WaveStatus): Promise<void>
  /** Sets title, dates and questionnaires (in their new order) at once. */
  update(id: number, change: WaveChange): Promise<void>
  /** Per wave of a programme; waves with nothing yet are left out. */
  activity(programmeId: number): Promise<Map<number, WaveActivity>>
  /** When each sent response of a programme's waves was started and sent, per wave: people's only (not synthetic), none set aside. */
  startsAndSends(programmeId: number): Promise<Map<number, StartAndSend[]>>
}

export interface InvitationRepository {
  findByToken(token: string): Promise<Invitation | undefined>
  findById(id: number): Promise<Invitation | undefined>
  /** The earliest invitation of a practice's wave that nobody has used and that presets no role. */
  findUnused(waveId: number, practiceId: number): Promise<Invitation | undefined>
  /** Typed at /code: the invitation with this short code (normalised, see survey/short-codes.ts). */
  findByShortCode(shortCode: string): Promise<Invitation | undefined>
  /** All of them, or none; a short code already taken fails the whole batch as a unique violation. */
  createMany(waveId: number, practiceId: number, invitations: readonly NewInvitation[], presetRole: string | null): Promise<void>
  /** A wave's invitations for its mail-merge list, by practice code then in the order they were made. */
  listByWave(waveId: number): Promise<InvitationListing[]>
  /** Gives an invitation made before short codes its own; false when another has it already. */
  assignShortCode(id: number, shortCode: string): Promise<boolean>
  /** Only the first use counts. */
  markUsed(id: number, at: string): Promise<void>
}

/** The addresses of e-mailed invitations: read only to send and remind, never beside an answer, gone when the wave closes. */
export interface InvitationAddressRepository {
  /** Those of `addresses` the wave holds already. */
  alreadyHeld(waveId: number, addresses: readonly string[]): Promise<string[]>
  /** One address for each invitation, found by its token (the invitations are made first, in the same transaction). */
  addMany(waveId: number, rows: readonly { token: string; address: string }[]): Promise<AddressedInvitation[]>
  /** A message went through: a failure before is forgotten. */
  markSent(id: number, at: string): Promise<void>
  /** The SMTP server refused the message. */
  markBounced(id: number, at: string): Promise<void>
  markReminded(id: number, at: string): Promise<void>
  /** The wave's addresses whose invitation has no submitted response, not reminded since `remindedBefore` (never reminded included). */
  dueForReminder(waveId: number, remindedBefore: string): Promise<AddressedInvitation[]>
  /** Per practice with addresses, counts only. */
  counts(waveId: number): Promise<AddressCounts[]>
  /** Whether the invitation was e-mailed and its address is still held. */
  isHeldFor(invitationId: number): Promise<boolean>
  /** Returns how many were deleted. */
  removeByWave(waveId: number): Promise<number>
}

export interface FieldworkRepository {
  /** Every practice of the wave with an invitation or a response; responses set aside are not counted. */
  byPractice(waveId: number): Promise<PracticeFieldwork[]>
  /** Responses sent, by UTC day, oldest first; days with none are left out. */
  submittedByDay(waveId: number): Promise<DayCount[]>
  /** Each practice's sent responses and invitations in the scorecard's groups (setting, preset role, how they came in). */
  countsByPractice(waveId: number): Promise<Map<number, { submitted: SubmittedCount[]; invitations: InvitationCount[] }>>
}

export interface ResponseRepository {
  findById(id: number): Promise<SurveyResponse | undefined>
  findByResumeToken(token: string): Promise<SurveyResponse | undefined>
  findByInvitation(invitationId: number): Promise<SurveyResponse | undefined>
  create(response: NewResponse): Promise<SurveyResponse>
  /** In the order they were saved. */
  answers(responseId: number): Promise<StoredAnswer[]>
  /** Keys of the pages saved as finished. */
  savedPages(responseId: number): Promise<Set<string>>
  /** Saves one page of answers atomically: all of it, or none of it. */
  savePage(save: PageSave): Promise<void>
  /** Sets role and setting; answers the new setting no longer sees are removed, with the pages that held them. Atomic. */
  saveRole(change: RoleChange): Promise<void>
  /** Returns false when the response was already submitted. */
  submit(responseId: number, at: string): Promise<boolean>
}

export interface StoredQuestionnaireVersion {
  questionnaireId: string
  version: number
  contentHash: string
}

/** One wording of a questionnaire version in one language: a changed wording is a new revision. */
export interface StoredQuestionnaireTranslation {
  questionnaireId: string
  version: number
  language: string
  revision: number
  contentHash: string
}

export interface QuestionnaireVersionRepository {
  find(questionnaireId: string, version: number): Promise<StoredQuestionnaireVersion | undefined>
  hasAnswers(questionnaireId: string, version: number): Promise<boolean>
  /** Adds the version, or replaces its hash and definition. */
  save(questionnaireId: string, version: number, contentHash: string, definitionJson: string): Promise<void>
  findTranslation(questionnaireId: string, version: number, language: string, revision: number): Promise<StoredQuestionnaireTranslation | undefined>
  /** Whether responses given in the language have answers to the version (a response records its language, not a revision). */
  hasAnswersInLanguage(questionnaireId: string, version: number, language: string): Promise<boolean>
  /** Adds the revision, or replaces its hash and text; when it was first loaded stays. Its version must be saved first. */
  saveTranslation(translation: StoredQuestionnaireTranslation & { translationJson: string }): Promise<void>
}

/**
 * A stored answer as the answers export reads it: its response's id, then its own cells in the export's order, as
 * values rather than an object (a wave of a million answers costs a third less to read this way).
 */
export type AnswerExportValues = [response_id: number, questionnaire: string, questionnaire_version: number, item: string, value: string]

/** A response as the answers export has it: the columns all its answers' rows share, and its answers. */
export interface AnswerExportResponse {
  response_id: number
  practice_code: string
  wave: string
  role: string | null
  setting: string | null
  /** 1 when an exclusion in force sets the response aside from scoring, else 0. */
  excluded: number
  /** The language the response was given in. */
  language: string
  answers: AnswerExportValues[]
}

/**
 * The rows are read as they are iterated, from a snapshot taken at the first row, so an export never holds a whole wave in
 * memory and never stops respondents saving. A reader that stops early calls return() to let go of the snapshot.
 */
export interface ExportRepository {
  /**
   * The wave's responses with their answers, in response order, a batch of responses at a time: a million answers are
   * read in a thousand turns, not a million. A response with no answers has an empty list.
   */
  answerBatches(waveId: number, includePartial: boolean): AsyncGenerator<AnswerExportResponse[]>
  /** Rows in response order; a response with no answers has one row with questionnaire, item and value null. */
  responseAnswerRows(waveId: number, includePartial: boolean): AsyncGenerator<ResponseAnswerRow>
  /** Stored definitions of a questionnaire other than `currentVersion`, newest first. */
  olderVersions(questionnaireId: string, currentVersion: number): Promise<{ version: number; definitionJson: string }[]>
  waveHasAnswersTo(waveId: number, questionnaireId: string, version: number, includePartial: boolean): Promise<boolean>
  /**
   * ScoringRepository.answeredResponses of the whole wave, a practice at a time in code order (code-point order, as
   * scoredPractices sorts them), each practice's in id order, all from one snapshot: a score export then holds one
   * practice's respondents at a time, not the wave's. A practice none of whose responses answered the questionnaire is left out.
   */
  answeredPractices(waveId: number, questionnaireId: string): AsyncGenerator<AnsweredPractice>
  /** ScoringRepository.answeredVersions, read as answeredPractices reads (on a connection of its own). */
  answeredVersions(waveId: number, questionnaireId: string): Promise<number[]>
}

/** One practice's answered responses to a questionnaire (ExportRepository.answeredPractices). */
export interface AnsweredPractice {
  practiceCode: string
  responses: AnsweredResponse[]
}

/** Small values the app keeps for itself, such as the generated session secret. */
export interface SettingRepository {
  get(key: string): Promise<string | undefined>
  /** Stores the value unless one is already there; returns whichever is stored. */
  getOrCreate(key: string, create: () => string): Promise<string>
}

/** Whose a staff session is, and the handle a page names it by in place of its id. */
export interface SessionOwner {
  userId: number
  handle: string
  signedInAt: number
}

/** A staff member's session as they are shown it. */
export interface StaffSessionRow {
  handle: string
  signedInAt: number
  lastActiveAt: number
}

/** Session data by session id; times are milliseconds since the epoch. */
export interface SessionRepository {
  /** Unless it has expired by `now`; with when it was last saved or extended. */
  find(sid: string, now: number): Promise<{ data: string; lastActiveAt: number } | undefined>
  /** `owner` is null for a session nobody is signed in to. */
  save(sid: string, session: { data: string; expiresAt: number; lastActiveAt: number; owner: SessionOwner | null }): Promise<void>
  extend(sid: string, expiresAt: number, lastActiveAt: number): Promise<void>
  remove(sid: string): Promise<void>
  /** A staff member's sessions that have not expired by `now`, most recently used first. */
  listByUser(userId: number, now: number): Promise<StaffSessionRow[]>
  /** Ends the user's sessions with one of these handles (all of them, with `handles` left out); returns how many. */
  removeByUser(userId: number, handles?: readonly string[]): Promise<number>
  /** Removes the sessions expired by `now`; returns how many. */
  prune(now: number): Promise<number>
}

export interface StaffUserRepository {
  /** E-mail addresses match without regard to case. */
  findByEmail(email: string): Promise<StaffAccount | undefined>
  findById(id: number): Promise<StaffAccount | undefined>
  /** Every account, in e-mail order. */
  list(): Promise<StaffAccount[]>
  /** The account with its scope, or (when a scope fails) nothing. */
  create(account: NewStaffAccount): Promise<StaffAccount>
  scope(userId: number): Promise<StaffScope>
  /**
   * Sets a new password hash (`mustChange` when it was handed out rather than chosen) and raises the session generation,
   * so sessions signed in under the old password end. False when there is no such account.
   */
  setPasswordHash(id: number, passwordHash: string, mustChange: boolean): Promise<boolean>
  /** Records a successful sign-in at `at`. */
  recordSignIn(id: number, at: string): Promise<void>
  /** Disables the account at `disabledAt` (null enables it again) and raises the session generation. False when there is no such account. */
  setDisabled(id: number, disabledAt: string | null): Promise<boolean>
  /** Gives the account a new role and scope in place of the old, and raises the session generation. Atomic. */
  setRole(id: number, role: StaffRole, scope: StaffScope): Promise<void>
  /** Accounts of a role that can sign in. */
  countActive(role: StaffRole): Promise<number>
}

/** Failed sign-ins in a row for one key (an e-mail address tried, or a client address), and when the last one was. */
export interface SignInFailures {
  failures: number
  lastFailedAt: string
}

export interface SignInFailureRepository {
  find(key: string): Promise<SignInFailures | undefined>
  /** Counts one more failure at `at`. Atomic, so concurrent tries (in any app process) all count. */
  recordFailure(key: string, at: string): Promise<SignInFailures>
  clear(key: string): Promise<void>
  /** Forgets counts whose last failure was before `at`; returns how many. */
  pruneBefore(at: string): Promise<number>
}

/** Requests counted per key (a limit and a client) in a fixed window, for every app process on the database. */
export interface RateLimitRepository {
  /** Counts one more request at `now`; a window that has ended starts again with this one. Atomic. */
  hit(key: string, now: number, windowMs: number): Promise<{ hits: number; resetsAt: number }>
  /** The count in the window that runs at `now`, if any. */
  find(key: string, now: number): Promise<{ hits: number; resetsAt: number } | undefined>
  /** Takes back one request (express-rate-limit's skipSuccessfulRequests). */
  takeBack(key: string): Promise<void>
  reset(key: string): Promise<void>
  /** Forgets windows ended by `now`; returns how many. */
  prune(now: number): Promise<number>
}

export interface AuditLogRepository {
  /** Returns the new entry's id. */
  add(entry: NewAuditEntry): Promise<number>
  /** Newest first. */
  page(limit: number, offset: number): Promise<AuditEntry[]>
  count(): Promise<number>
  /** Removes entries of these actions written before `at`; returns how many. */
  pruneBefore(actions: readonly string[], at: string): Promise<number>
}

/** What a write changed in a wave's scores: some responses (their answers, role, status or exclusion), or the whole wave. */
export type ScoresChange = { responseIds: readonly number[] } | 'whole wave'

/** A submitted response not set aside that answered a questionnaire: what a wave's kept respondents are made of. */
export interface AnsweredResponse {
  responseId: number
  /** The response as scored; null without a setting (then it is not scored, though its answers' versions count). */
  respondent: Respondent | null
  /** The questionnaire versions its answers were given to, ascending. */
  versions: number[]
}

/** The submitted answers of a wave in the shape the scoring functions take. */
export interface ScoringRepository {
  /** Submitted respondents of a wave with their answers to one questionnaire (one value per item; multi items are not scored). */
  respondents(waveId: number, questionnaireId: string): Promise<Respondent[]>
  /**
   * The wave's submitted responses not set aside that answered the questionnaire, in id order: all, or only those of
   * `responseIds` (a response among them that no longer counts is absent). respondents and answeredVersions in one read.
   */
  answeredResponses(waveId: number, questionnaireId: string, responseIds?: readonly number[]): Promise<AnsweredResponse[]>
  /** What changed in the wave's scores after `version` (see repositories/scores-version.ts). */
  scoresChangesSince(waveId: number, version: number): Promise<ScoresChange>
  /** The questionnaire versions that submitted answers in this wave were given to. */
  answeredVersions(waveId: number, questionnaireId: string): Promise<number[]>
  /** The definition as stored when that version was first loaded. */
  definitionJson(questionnaireId: string, version: number): Promise<string | undefined>
  /** Raised with every write that changes what the wave's scores are computed from (see repositories/scores-version.ts); 0 before the first. */
  scoresVersion(waveId: number): Promise<number>
  /** scoresVersion of each wave, in one read. */
  scoresVersions(waveIds: readonly number[]): Promise<Map<number, number>>
}

export interface TextAnswer {
  /** Which answer it is, for hiding it; never shown to a reader of the scorecard. */
  responseId: number
  itemId: string
  value: string
  /** The language of the response it was written in. */
  language: Language
  /** An evaluator hid it from the scorecard. */
  hidden: boolean
}

/** A free-text answer by its place: the response, questionnaire and item. */
export interface TextAnswerKey {
  responseId: number
  questionnaireId: string
  itemId: string
}

/** Counts and free text for the practice scorecard: who responded, who was invited, what they wrote. */
export interface ReportRepository {
  /** Submitted responses (with a setting, as scored) per wave of a programme; waves without any give 0. */
  submittedByWave(programmeId: number): Promise<Map<number, number>>
  submittedCounts(waveId: number, practiceId: number): Promise<SubmittedCount[]>
  invitationCounts(waveId: number, practiceId: number): Promise<InvitationCount[]>
  /** Submitted answers to free-text items of one questionnaire, sorted by item and text, so the order says nothing about who wrote them or when. */
  textAnswers(waveId: number, practiceId: number, questionnaireId: string, itemIds: readonly string[]): Promise<TextAnswer[]>
  /** Whether the key names a submitted free-text answer of this practice and wave. */
  hasTextAnswer(waveId: number, practiceId: number, key: TextAnswerKey): Promise<boolean>
  /** False when it was hidden already. */
  hideTextAnswer(key: TextAnswerKey, at: string, by: number | null): Promise<boolean>
  /** False when it was not hidden. */
  showTextAnswer(key: TextAnswerKey): Promise<boolean>
}

/** Every repository over one database, and what only the whole database can do. */
export interface ExclusionRepository {
  /** What excluding by these criteria would set aside now. */
  preview(criteria: ExclusionCriteria): Promise<ExclusionPreview>
  /** Records the exclusion and sets aside the responses it covers that are not set aside already. */
  exclude(exclusion: NewResponseExclusion): Promise<{ id: number; responses: number }>
  /** False when there is no such exclusion in force. */
  restore(id: number, at: string, byUserId: number | null): Promise<boolean>
  /** A programme's exclusions, newest first. */
  list(programmeId: number): Promise<ResponseExclusion[]>
  /** The open-link starts of a wave that are not set aside, in the order they were made. */
  openLinkStarts(waveId: number): Promise<OpenLinkStart[]>
}

/** The actions steering groups agreed for their scorecards' priorities: at most one per practice, wave, questionnaire and scale. */
export interface PracticeActionRepository {
  find(priority: ActionPriority): Promise<PracticeAction | undefined>
  /** A practice's actions for one wave, by questionnaire and scale. */
  listForWave(practiceId: number, waveId: number): Promise<PracticeAction[]>
  /** Every action of a programme's practices, by wave position, practice code, questionnaire and scale. */
  listByProgramme(programmeId: number): Promise<PracticeActionExportRow[]>
  /** Records a new action for the priority; a second for the same priority breaks the unique key. */
  add(priority: ActionPriority, change: ActionChange): Promise<PracticeAction>
  /** Changes the action's words; when and by whom it was first recorded stay. */
  update(id: number, change: ActionChange): Promise<void>
  /** False when there was none. */
  remove(id: number): Promise<boolean>
}

export interface Repositories {
  programmes: ProgrammeRepository
  practices: PracticeRepository
  waves: WaveRepository
  invitations: InvitationRepository
  invitationAddresses: InvitationAddressRepository
  responses: ResponseRepository
  questionnaireVersions: QuestionnaireVersionRepository
  exports: ExportRepository
  settings: SettingRepository
  sessions: SessionRepository
  staffUsers: StaffUserRepository
  signInFailures: SignInFailureRepository
  auditLog: AuditLogRepository
  rateLimits: RateLimitRepository
  scoring: ScoringRepository
  reports: ReportRepository
  fieldwork: FieldworkRepository
  exclusions: ExclusionRepository
  actions: PracticeActionRepository
  /**
   * Runs `work` in one transaction, over repositories that read and write inside it: everything it writes is kept or,
   * when it throws, nothing is. Inside a transaction already, it joins that one.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>
  /** Nothing can be read or written after. */
  close(): Promise<void>
}
