import type { LanguagePack, Messages } from './types'
import { appEn } from './en/app'
import { homeEn } from './en/home'
import { boardEn } from './en/board'
import { dataEn } from './en/data'
import { facilitationEn } from './en/facilitation'
import { voteEn } from './en/vote'
import { projectorEn } from './en/projector'

/** English: one file per feature, as in French; a key missing here or unknown in French is a type error. */
const messages: Messages = {
  ...appEn,
  ...homeEn,
  ...boardEn,
  ...dataEn,
  ...facilitationEn,
  ...voteEn,
  ...projectorEn,
}

const pack: LanguagePack = { code: 'en', label: 'English', messages }
export default pack
