import type { IndicatorFigure, Phase, Role } from '../schema'
import type { RoundStatus, VoteSettings } from '../voting'

/**
 * The whole workshop as plain data: what the JSON export holds (docs/export-format.md) and what every other
 * format is rendered from. Order is array order; where a card sits is where it is nested. Credentials never
 * appear here: the document holds none.
 */

export const EXPORT_FORMAT = 'loupe-workshop'
export const EXPORT_VERSION = 1

export interface WorkshopExport {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  /** ISO 8601 instant of the export. */
  exportedAt: string
  meta: ExportMeta
  themes: ExportTheme[]
  control: ExportControl
  roster: ExportPerson[]
  /** The observatory's figures: each board's data cards in order, then those pinned to no board. */
  indicators: ExportIndicator[]
}

export interface ExportMeta {
  title: string
  /** As typed when the workshop was created; the web app sends YYYY-MM-DD. */
  date: string
  place: string
  organiser: string
  /** Epoch milliseconds. */
  createdAt: number
  /** The document schema the workshop was written with. */
  schemaVersion: number
}

export interface ExportTheme {
  id: string
  name: string
  questions: string[]
  /** Participants may not change this board. */
  locked: boolean
  perspectives: ExportPerspective[]
  /** Ideas not yet sorted into a perspective. */
  unsorted: ExportCard[]
}

export interface ExportPerspective {
  id: string
  title: string
  description: string
  cards: ExportCard[]
}

export interface ExportCard {
  id: string
  text: string
  /** An example quoted under its perspective, rather than an action line. */
  example: boolean
  /** Hidden by the facilitator: kept, but left out of the synthesis and of votes. */
  hidden: boolean
  /** The roster id of whoever wrote it ('' when unknown). */
  author: string
}

export interface ExportControl {
  phase: Phase
  /** Every vote round, oldest first; at most one is `current`. */
  rounds: ExportRound[]
}

export interface ExportRound {
  id: string
  number: number
  status: RoundStatus
  /** The round the workshop is in now (the others were replaced by a newer one). */
  current: boolean
  settings: VoteSettings
  /** Item id -> dots, once the round was revealed; null before. */
  totals: Record<string, number> | null
  /** In a revealed named round: item id -> roster ids of those who voted for it. */
  votersByItem: Record<string, string[]> | null
  /** The current round's participation (participants with a dot, out of those who may vote). */
  voters: number | null
  eligible: number | null
  /** Epoch milliseconds when a newer round replaced this one; null for the current round. */
  closedAt: number | null
}

export interface ExportPerson {
  id: string
  name: string
  centre: string
  role: Role
  joinedAt: number
  removed: boolean
}

/** One of the observatory's figures, as imported from its file; a data card on the board it is pinned to. */
export interface ExportIndicator extends IndicatorFigure {
  id: string
  /** The `themes` id of the board it is pinned to, or null. */
  themeId: string | null
  /** Its place among the data cards of that board (or among the unpinned ones), from 0. */
  order: number
}
