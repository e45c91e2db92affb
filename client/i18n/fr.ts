import type { LanguagePack } from './types'
import { appFr } from './fr/app'
import { homeFr } from './fr/home'
import { boardFr } from './fr/board'
import { dataFr } from './fr/data'
import { facilitationFr } from './fr/facilitation'
import { voteFr } from './fr/vote'
import { projectorFr } from './fr/projector'

/** French, the reference language: every other language provides exactly these keys. One file per feature. */
export const fr = {
  ...appFr,
  ...homeFr,
  ...boardFr,
  ...dataFr,
  ...facilitationFr,
  ...voteFr,
  ...projectorFr,
} as const

const pack: LanguagePack = { code: 'fr', label: 'Français', messages: fr }
export default pack
