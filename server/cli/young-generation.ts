// V8's young generation held at the size it has, for a score export in a process of its own (the linkscore bin).
import { setFlagsFromString } from 'node:v8'

/**
 * A score export reads its wave practice by practice (export-service.ts, ExportScores), so what it keeps is small and
 * grows only with the programme's practices × scales; what it makes and drops is a wave's respondents. Left to itself V8
 * then doubles its young generation to 2 × 16 MB, a fifth of the process, for garbage it could collect as well in
 * the few MB start-up left it. A growth factor of 1 keeps that size (the flag is read at each growth, so it holds from
 * here on). It limits nothing else: the old generation grows as V8 decides, so a larger programme needs more memory and
 * never runs out because of this.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}
