// Generates one synthetic respondent's answers from a practice's profile.
import type { Item, Questionnaire, Setting } from '../questionnaires/definition-schema.js'
import { sectionsShownTo } from '../questionnaires/questionnaire-model.js'
import type { AnswerProfile } from './demo-profiles.js'
import { DEMO_TEXT_ANSWERS } from './demo-profiles.js'
import type { SeededRandom } from './seeded-random.js'

export interface SyntheticPage {
  sectionId: string
  itemIds: string[]
  answers: { itemId: string; value: string }[]
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export function syntheticPages(questionnaire: Questionnaire, setting: Setting, profile: AnswerProfile, random: SeededRandom): SyntheticPage[] {
  const respondentShift = random.normal(0, profile.spread)
  const level = (item: Item): number => {
    const top = item.type === 'likert5' && item.scale ? item.scale[0]! : ''
    return (profile.byScale[top] ?? profile.base) + respondentShift
  }
  return sectionsShownTo(questionnaire, setting).map((section) => ({
    sectionId: section.id,
    itemIds: section.items.map((i) => i.id),
    answers: section.items.flatMap((item) => answer(item, level(item), random).map((value) => ({ itemId: item.id, value }))),
  }))
}

function answer(item: Item, level: number, random: SeededRandom): string[] {
  switch (item.type) {
    case 'likert5': {
      if (item.notRelevant.length > 0 && random.chance(0.04)) return [random.pick(item.notRelevant)]
      if (random.chance(0.02)) return []
      const agreement = Math.round(clamp(level + random.normal(0, 0.55), 1, 5))
      return [String(item.reverse ? 6 - agreement : agreement)]
    }
    case 'scale0to10':
      return [String(Math.round(clamp(((level - 1) / 4) * 10 + random.normal(0, 1.2), 0, 10)))]
    case 'single':
      return [random.pick(item.options).code]
    case 'multi': {
      const chosen = item.options.filter(() => random.chance(0.35)).map((o) => o.code)
      return chosen.length ? chosen : [item.options[0]!.code]
    }
    case 'text': {
      if (random.chance(0.3)) return []
      const pool = /barrier|hinder|get_in_the_way|gets_in/.test(item.id)
        ? DEMO_TEXT_ANSWERS.hinders
        : /facilitat|help/.test(item.id)
          ? DEMO_TEXT_ANSWERS.helps
          : DEMO_TEXT_ANSWERS.other
      return [random.pick(pool)]
    }
  }
}
