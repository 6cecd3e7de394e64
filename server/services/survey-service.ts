// The respondent's journey: finding the survey behind a link, saving pages, submitting.
import type { Clock } from '../clock.js'
import type { Repositories } from '../data/repository-interfaces.js'
import type { Practice } from '../domain/practice.js'
import { defaultLanguage, interventionIn, languageFor, type Programme } from '../domain/programme.js'
import type { SurveyResponse } from '../domain/response.js'
import type { Wave } from '../domain/wave.js'
import { ConflictError, NotFoundError, SurveyClosedError } from '../errors.js'
import type { Language } from '../i18n/languages.js'
import { translator, type Message } from '../i18n/translate.js'
import type { Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { ABOUT_YOU, firstUnsavedPage, journeyPages, type JourneyPage } from '../survey/journey-pages.js'
import { itemWording } from '../survey/item-fields.js'
import { findRole } from '../survey/roles.js'
import { parsePageAnswers, type FormBody, type PageAnswers } from '../survey/page-answers.js'
import { isTakingResponses } from '../survey/wave-availability.js'
import type { AuditService } from './audit-service.js'
import type { QuestionnaireCatalogue } from './questionnaire-catalogue.js'
import { newToken, TOKEN_PATTERN } from './tokens.js'

export interface SurveyLink {
  programme: Programme
  practice: Practice
  wave: Wave
  /** The language the survey is shown in: one the programme offers (or, for a response, the response's own). */
  language: Language
  /** The intervention's name in that language. */
  intervention: string
  /** The wave's questionnaires in that language. */
  questionnaires: Questionnaire[]
}

export interface SurveyContext extends SurveyLink {
  response: SurveyResponse
  askAboutYou: boolean
  pages: JourneyPage[]
}

export function createSurveyService(
  repos: Pick<Repositories, 'programmes' | 'practices' | 'waves' | 'invitations' | 'responses' | 'invitationAddresses'>,
  catalogue: QuestionnaireCatalogue,
  clock: Clock,
  audit: Pick<AuditService, 'audit'>,
) {
  const nowIso = () => clock.now().toISOString()
  const today = () => nowIso().slice(0, 10)

  const LINK_NOT_RECOGNISED: Message = { key: 'survey:errors.linkNotRecognised' }
  const alreadySubmitted = () => new ConflictError({ key: 'survey:errors.alreadySubmitted.title' }, { key: 'survey:errors.alreadySubmitted.message' })

  async function link(practice: Practice, wave: Wave, language?: Language): Promise<SurveyLink> {
    const programme = (await repos.programmes.findById(practice.programmeId))!
    return inLanguage({ programme, practice, wave }, language ?? defaultLanguage(programme))
  }

  function inLanguage(l: Pick<SurveyLink, 'programme' | 'practice' | 'wave'>, language: Language): SurveyLink {
    return {
      programme: l.programme,
      practice: l.practice,
      wave: l.wave,
      language,
      intervention: interventionIn(l.programme, language),
      questionnaires: l.wave.questionnaireIds.map((id) => catalogue.get(id, language)),
    }
  }

  function requireOpen(wave: Wave): void {
    if (!isTakingResponses(wave, today())) throw new SurveyClosedError(wave.title)
  }

  async function findInvitation(token: string) {
    const invitation = TOKEN_PATTERN.test(token) ? await repos.invitations.findByToken(token) : undefined
    if (!invitation) throw new NotFoundError({ key: 'survey:errors.invitationNotRecognised' })
    return invitation
  }

  function createResponse(l: SurveyLink, invitationId: number | null, presetRole: string | null): Promise<SurveyResponse> {
    const role = presetRole ? findRole(presetRole) : undefined
    return repos.responses.create({
      invitationId,
      practiceId: l.practice.id,
      waveId: l.wave.id,
      resumeToken: newToken(),
      source: invitationId ? 'invitation' : 'open_link',
      role: role?.code ?? null,
      setting: role?.setting ?? null,
      at: nowIso(),
      language: l.language,
    })
  }

  return {
    /**
     * The survey behind a personal invitation, in the programme's default language, and the response already started
     * from it, if any. Whether it takes responses is for the caller to ask (requireOpen), once the page speaks the
     * language the survey is shown in. `emailed` when it was sent to an address that is still held.
     */
    async invitation(token: string): Promise<SurveyLink & { response?: SurveyResponse; emailed: boolean }> {
      const invitation = await findInvitation(token)
      const practice = (await repos.practices.findById(invitation.practiceId))!
      const l = await link(practice, (await repos.waves.findById(invitation.waveId))!)
      const response = await repos.responses.findByInvitation(invitation.id)
      const emailed = await repos.invitationAddresses.isHeldFor(invitation.id)
      return response ? { ...l, response, emailed } : { ...l, emailed }
    },

    /** Refuses a survey whose wave is not taking responses. */
    requireOpen(l: Pick<SurveyLink, 'wave'>): void {
      requireOpen(l.wave)
    },

    /** The same survey in another of the programme's languages (its default when the programme does not offer it). */
    inLanguage(l: SurveyLink, language: Language): SurveyLink {
      return inLanguage(l, languageFor(l.programme, language))
    },

    /** Starts the invitation's response in `language` (one the programme offers, else its default); once only. */
    async startFromInvitation(token: string, language: Language): Promise<SurveyResponse> {
      const invitation = await findInvitation(token)
      const existing = await repos.responses.findByInvitation(invitation.id)
      if (existing) return existing
      const practice = (await repos.practices.findById(invitation.practiceId))!
      const programme = (await repos.programmes.findById(practice.programmeId))!
      const l = await link(practice, (await repos.waves.findById(invitation.waveId))!, languageFor(programme, language))
      requireOpen(l.wave)
      const response = await createResponse(l, invitation.id, invitation.presetRole)
      await repos.invitations.markUsed(invitation.id, nowIso())
      return response
    },

    /** The survey behind an open practice link, in the programme's default language; see requireOpen. */
    async openLink(practiceCode: string, waveSlug: string): Promise<SurveyLink> {
      const practice = await repos.practices.findByCode(practiceCode)
      const wave = practice && (await repos.waves.findBySlug(practice.programmeId, waveSlug))
      if (!practice || !wave) throw new NotFoundError(LINK_NOT_RECOGNISED)
      return link(practice, wave)
    },

    /** The audit entry for the first start an open link refused in a window: a flood, or a team larger than the limits. */
    async openLinkLimited(practiceCode: string, waveSlug: string, limit: 'perAddress' | 'perLink'): Promise<void> {
      const reason = limit === 'perAddress' ? 'too many starts from one address' : 'too many starts through this link'
      await audit.audit({ kind: 'open link' }, 'open link limited', { practice: practiceCode, wave: waveSlug, reason })
    },

    /** Starts a response in the link's language. */
    startFromOpenLink(l: SurveyLink): Promise<SurveyResponse> {
      requireOpen(l.wave)
      return createResponse(l, null, null)
    },

    async findByResumeToken(token: string): Promise<SurveyResponse | undefined> {
      return TOKEN_PATTERN.test(token) ? repos.responses.findByResumeToken(token) : undefined
    },

    /** The response behind a resume link; refuses one not recognised. */
    async response(resumeToken: string): Promise<SurveyResponse> {
      const response = TOKEN_PATTERN.test(resumeToken) ? await repos.responses.findByResumeToken(resumeToken) : undefined
      if (!response) throw new NotFoundError(LINK_NOT_RECOGNISED)
      return response
    },

    /**
     * Everything a journey page needs, in the response's language; refuses (unless allowed) submitted responses and
     * closed waves.
     */
    async context(response: SurveyResponse, { allowSubmitted = false } = {}): Promise<SurveyContext> {
      const l = await link((await repos.practices.findById(response.practiceId))!, (await repos.waves.findById(response.waveId))!, response.language)
      if (response.status === 'submitted' && !allowSubmitted) throw alreadySubmitted()
      if (response.status !== 'submitted') requireOpen(l.wave)
      const invitation = response.invitationId ? await repos.invitations.findById(response.invitationId) : undefined
      const askAboutYou = !invitation?.presetRole
      return {
        ...l,
        response,
        askAboutYou,
        pages: journeyPages(l.questionnaires, response.setting, askAboutYou),
      }
    },

    answers: (ctx: SurveyContext) => repos.responses.answers(ctx.response.id),

    /**
     * The page to continue on: the first one not yet saved, or undefined when only "Check your answers" is left. Which
     * pages are saved is read here, not with the context: a section page and its save, the pages most asked for, never
     * need it, and after a save it is what has changed since the context was read.
     */
    async nextPage(ctx: SurveyContext): Promise<JourneyPage | undefined> {
      if (ctx.askAboutYou && !ctx.response.setting) return ctx.pages[0]
      return firstUnsavedPage(ctx.pages, await repos.responses.savedPages(ctx.response.id))
    },

    async saveAboutYou(ctx: SurveyContext, role: string, setting: Setting): Promise<void> {
      const before = new Map(ctx.pages.map((p) => [p.key, p]))
      const after = journeyPages(ctx.questionnaires, setting, ctx.askAboutYou)
      const afterItems = new Map(after.map((p) => [p.key, p.kind === 'section' ? p.section.items.map((i) => i.id).join(',') : '']))
      const shownAfter = new Set(after.flatMap((p) => (p.kind === 'section' ? p.section.items.map((i) => `${p.questionnaire.id}/${i.id}`) : [])))
      const hiddenItems = ctx.questionnaires.flatMap((q) =>
        q.sections.flatMap((s) => s.items.filter((i) => !shownAfter.has(`${q.id}/${i.id}`)).map((i) => ({ questionnaireId: q.id, itemId: i.id }))),
      )
      const pagesToForget = [...before.values()]
        .filter((p) => p.kind === 'section' && afterItems.get(p.key) !== p.section.items.map((i) => i.id).join(','))
        .map((p) => p.key)
      await repos.responses.saveRole({ responseId: ctx.response.id, role, setting, pageKey: ABOUT_YOU, at: nowIso(), hiddenItems, pagesToForget })
    },

    /** Checks and saves one page in one transaction. With errors, nothing is stored. */
    async savePage(
      ctx: SurveyContext,
      page: Extract<JourneyPage, { kind: 'section' }>,
      body: FormBody,
      { finished }: { finished: boolean },
    ): Promise<PageAnswers> {
      const parsed = parsePageAnswers(page.section.items, body, itemWording(ctx.intervention, translator(ctx.language)))
      const blocking = finished ? parsed.errors : parsed.errors.filter((e) => e.kind === 'invalid')
      if (blocking.length > 0) return { ...parsed, errors: blocking }
      await repos.responses.savePage({
        responseId: ctx.response.id,
        pageKey: page.key,
        questionnaireId: page.questionnaire.id,
        questionnaireVersion: page.questionnaire.version,
        itemIds: page.section.items.map((item) => item.id),
        answers: [...parsed.values].flatMap(([itemId, values]) => values.map((value) => ({ itemId, value }))),
        complete: finished,
        at: nowIso(),
      })
      // Saved for later, questions still to answer are not errors: they are asked again when the person comes back.
      return { ...parsed, errors: blocking }
    },

    async submit(ctx: SurveyContext): Promise<void> {
      if (!(await repos.responses.submit(ctx.response.id, nowIso()))) throw alreadySubmitted()
    },
  }
}

export type SurveyService = ReturnType<typeof createSurveyService>
