// A QR code as an SVG drawing, sized by the page: sharp at any print size, and no image file to serve.
import QRCode from 'qrcode'

/** `label` is what a screen reader says in its place. Error correction M survives a crease or a smudge on paper. */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  const escaped = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" class="ls-qr" `)
}
