// The tables as both databases hold them (see migrations/sqlite and migrations/postgres): every query is checked against this.
import type { ColumnType, Generated } from 'kysely'

/** Filled in by the database when not given. */
type Defaulted<T> = ColumnType<T, T | undefined, T>

export interface ProgrammeTable {
  id: Generated<number>
  slug: string
  name: string
  intervention: Defaulted<string>
  /** 0 or 1 on both databases (a CHECK keeps it so); the repository turns it into a boolean. */
  is_demo: Defaulted<number>
  min_practice_n: Defaulted<number>
  min_breakdown_n: Defaulted<number>
  created_at: Defaulted<string>
  organisation: Defaulted<string | null>
  contact: Defaulted<string | null>
  study_information: Defaulted<string | null>
  /** ISO-8601 UTC; null while the programme is in use. */
  archived_at: Defaulted<string | null>
  approval_reference: Defaulted<string | null>
  retention: Defaulted<string | null>
  /** Space-separated language tags, the default first, e.g. "en-GB nl". */
  languages: Defaulted<string>
  /** JSON: the intervention's name by language, for languages other than the default. */
  intervention_translations: Defaulted<string>
}

export interface PracticeTable {
  id: Generated<number>
  programme_id: number
  code: string
  name: string
  list_size: number | null
  deprivation_quintile: number | null
  rurality: 'urban' | 'rural' | null
  sp_model: string | null
}

export interface PracticeStageTable {
  practice_id: number
  wave_id: number
  stage: 'not_started' | 'piloting' | 'implementing' | 'embedding' | 'embedded'
}

export interface WaveTable {
  id: Generated<number>
  programme_id: number
  slug: string
  title: string
  opens_on: string | null
  closes_on: string | null
  status: Defaulted<'draft' | 'open' | 'closed'>
  position: Defaulted<number>
}

export interface WaveQuestionnaireTable {
  wave_id: number
  questionnaire_id: string
  position: number
}

export interface QuestionnaireVersionTable {
  questionnaire_id: string
  version: number
  content_hash: string
  definition_json: string
  first_loaded_at: Defaulted<string>
}

export interface QuestionnaireTranslationTable {
  questionnaire_id: string
  version: number
  language: string
  revision: number
  content_hash: string
  translation_json: string
  first_loaded_at: Defaulted<string>
}

export interface InvitationTable {
  id: Generated<number>
  wave_id: number
  practice_id: number
  token: string
  preset_role: string | null
  created_at: Defaulted<string>
  used_at: string | null
  /** Eight letters to type at /code (migration 015); null for an invitation made before, until its list is downloaded. */
  short_code: string | null
}

/** An e-mailed invitation's address (migration 016): read only by invitation-address-repository.ts, never beside answers. */
export interface InvitationAddressTable {
  id: Generated<number>
  invitation_id: number
  wave_id: number
  email_address: string
  sent_at: string | null
  bounced_at: string | null
  last_reminded_at: string | null
  reminder_count: Defaulted<number>
}

export interface ResponseTable {
  id: Generated<number>
  invitation_id: number | null
  practice_id: number
  wave_id: number
  resume_token: string
  source: 'invitation' | 'open_link' | 'synthetic'
  role: string | null
  setting: 'general_practice' | 'link_worker' | 'community' | null
  status: Defaulted<'in_progress' | 'submitted'>
  started_at: string
  updated_at: string
  submitted_at: string | null
  /** The language tag the response was given in, e.g. "nl". */
  language: Defaulted<string>
}

export interface SavedPageTable {
  response_id: number
  page_key: string
  saved_at: string
}

export interface AnswerTable {
  /** Rises as answers are saved: "in the order they were saved" is this order. */
  id: Generated<number>
  response_id: number
  questionnaire_id: string
  questionnaire_version: number
  item_id: string
  value: string
}

export interface SettingTable {
  key: string
  value: string
}

export interface SessionTable {
  sid: string
  data: string
  /** Milliseconds since the epoch. */
  expires_at: number
  /** A staff member's session: whose, its handle, when they signed in and when it was last used (ms); null for respondents. */
  user_id: Defaulted<number | null>
  handle: Defaulted<string | null>
  signed_in_at: Defaulted<number | null>
  last_active_at: Defaulted<number | null>
}

export interface StaffUserTable {
  id: Generated<number>
  email: string
  role: 'admin' | 'evaluator' | 'steering'
  password_hash: string
  created_at: string
  disabled_at: string | null
  session_generation: Defaulted<number>
  last_signed_in_at: string | null
  /** 1 while the password is one someone else was given (a new account, a reset). */
  must_change_password: Defaulted<number>
}

export interface StaffScopeTable {
  user_id: number
  programme_id: number | null
  practice_id: number | null
}

export interface SignInFailureTable {
  /** An e-mail address tried, in lower case, or `address:` and a hash of a client address. */
  key: string
  failures: number
  last_failed_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_user_id: number | null
  actor_email: string | null
  source: 'web' | 'command line' | 'start-up'
  action: string
  detail: string | null
}

export interface RateLimitTable {
  key: string
  hits: number
  /** Milliseconds since the epoch. */
  resets_at: number
}

export interface SchemaMigrationTable {
  name: string
  applied_at: string
}

export interface ResponseExclusionTable {
  id: Generated<number>
  wave_id: number
  practice_id: number | null
  /** UTC ISO-8601: from inclusive, to exclusive. */
  started_from: string
  started_to: string
  /** 0 or 1 on both databases. */
  open_link_only: number
  reason: string
  excluded_at: string
  excluded_by: number | null
  restored_at: string | null
  restored_by: number | null
}

export interface ExcludedResponseTable {
  exclusion_id: number
  response_id: number
}

/** What a wave's scores were computed from has changed `version` times (no row: never). */
export interface WaveScoresVersionTable {
  wave_id: number
  version: number
  /** The last version that changed the whole wave (its questionnaires), not only some responses; 0 when none has. */
  whole_since: Generated<number>
}

/** A response whose part in its wave's scores changed at `version` (see migration 020). */
export interface ScoresChangeTable {
  wave_id: number
  version: number
  response_id: number
}

export interface HiddenTextAnswerTable {
  response_id: number
  questionnaire_id: string
  item_id: string
  hidden_at: string
  hidden_by: number | null
}

export interface PracticeActionTable {
  id: Generated<number>
  practice_id: number
  wave_id: number
  questionnaire_id: string
  /** The scale's path joined with '/'. */
  scale: string
  action: string
  owner: string
  /** YYYY-MM-DD. */
  review_on: string
  recorded_at: string
  recorded_by: number | null
  changed_at: string
  changed_by: number | null
}

export interface Schema {
  programme: ProgrammeTable
  practice: PracticeTable
  wave: WaveTable
  wave_questionnaire: WaveQuestionnaireTable
  practice_stage: PracticeStageTable
  questionnaire_version: QuestionnaireVersionTable
  questionnaire_translation: QuestionnaireTranslationTable
  invitation: InvitationTable
  invitation_address: InvitationAddressTable
  response: ResponseTable
  saved_page: SavedPageTable
  answer: AnswerTable
  setting: SettingTable
  session: SessionTable
  staff_user: StaffUserTable
  staff_scope: StaffScopeTable
  sign_in_failure: SignInFailureTable
  audit_log: AuditLogTable
  rate_limit: RateLimitTable
  response_exclusion: ResponseExclusionTable
  excluded_response: ExcludedResponseTable
  practice_action: PracticeActionTable
  hidden_text_answer: HiddenTextAnswerTable
  wave_scores_version: WaveScoresVersionTable
  scores_change: ScoresChangeTable
  schema_migration: SchemaMigrationTable
}

/** The tables in an order that satisfies every foreign key: a copy inserts in this order. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'programme',
  'practice',
  'wave',
  'wave_questionnaire',
  'practice_stage',
  'questionnaire_version',
  'questionnaire_translation',
  'invitation',
  'invitation_address',
  'response',
  'saved_page',
  'answer',
  'setting',
  'session',
  'staff_user',
  'staff_scope',
  'sign_in_failure',
  'audit_log',
  'rate_limit',
  'response_exclusion',
  'excluded_response',
  'practice_action',
  'hidden_text_answer',
  'wave_scores_version',
  'scores_change',
] as const satisfies readonly (keyof Schema)[]
