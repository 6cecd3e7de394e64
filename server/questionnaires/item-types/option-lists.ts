// What single- and multi-choice items share: a list of coded options with their own labels.
import { z } from 'zod'
import { option } from '../definition-parts.js'
import { codeLabels } from './coded-answers.js'
import type { DefinitionIssue, ValueLabel, Wording } from './item-type-module.js'

export const optionList = () => z.array(option).min(2)

interface WithOptions {
  options: { code: string; label: string }[]
}

export function duplicateOptionIssues(item: WithOptions): DefinitionIssue[] {
  const codes = item.options.map((o) => o.code)
  return new Set(codes).size === codes.length ? [] : [{ path: ['options'], message: 'two options share a code' }]
}

export const optionCodes = (item: WithOptions): string[] => item.options.map((o) => o.code)

export const optionLabels = (item: WithOptions): ValueLabel[] => item.options.map((o) => ({ code: o.code, label: o.label }))

export function optionAnswerText(item: WithOptions, values: readonly string[], wording: Wording): string[] {
  return codeLabels(values, wording, (code) => wording.fill(item.options.find((o) => o.code === code)?.label ?? code))
}
