// A list of e-mail addresses as a coordinator pastes or uploads it: one a line, or several on a line with commas or
// semicolons between. Each is checked, and the first mistake is named by its line.

export type AddressProblem =
  | { kind: 'empty' }
  | { kind: 'tooMany'; count: number; most: number }
  | { kind: 'notAnAddress'; line: number; text: string }
  | { kind: 'duplicate'; line: number; text: string; firstLine: number }

export interface ListedAddress {
  line: number
  /** Trimmed, in lower case: two spellings of one mailbox are one address. */
  address: string
}

/** Loose on purpose: one @, no spaces, a dot in the domain. The SMTP server is the judge of the rest. */
const ADDRESS = /^[^\s@,;<>"()[\]]+@[^\s@,;<>"()[\]]+\.[^\s@,;<>"()[\].]+$/

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text)
}

/** The addresses in the order given, or the first problem with them. */
export function parseAddressList(text: string, most: number): { addresses: ListedAddress[] } | { problem: AddressProblem } {
  const listed: ListedAddress[] = []
  const firstSeen = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  for (const [index, content] of lines.entries()) {
    const line = index + 1
    for (const part of content.split(/[,;]/)) {
      const trimmed = part.trim()
      if (trimmed === '') continue
      if (!isEmailAddress(trimmed)) return { problem: { kind: 'notAnAddress', line, text: trimmed } }
      const address = trimmed.toLowerCase()
      const firstLine = firstSeen.get(address)
      if (firstLine !== undefined) return { problem: { kind: 'duplicate', line, text: trimmed, firstLine } }
      firstSeen.set(address, line)
      listed.push({ line, address })
    }
  }
  if (listed.length === 0) return { problem: { kind: 'empty' } }
  if (listed.length > most) return { problem: { kind: 'tooMany', count: listed.length, most } }
  return { addresses: listed }
}
