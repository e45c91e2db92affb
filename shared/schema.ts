import type { FollowTarget } from './commands'
import type { TimerState } from './timer'
import type { RoundStatus, VoteSettings } from './voting'

/**
 * How a workshop lives in a Y.Doc. Every collection is a flat Y.Map keyed by id; order is a fractional key on
 * each record, and a card's placement is one atomic value, so concurrent moves never duplicate or lose an item.
 *
 *   meta          Y.Map   schemaVersion, title, date, place, organiser, createdAt        (server writes)
 *   control       Y.Map   one plain JSON value per key, each replaced whole              (server writes)
 *                   phase         Phase
 *                   lockedThemes  string[]            boards participants may not change
 *                   timer         TimerState          in the server's clock
 *                   follow        FollowTarget        what the projector shows
 *                   hiddenCards   string[]            cards the facilitator hid (not votable)
 *                   round         RoundState | null   the current vote round: counts only, never ballots
 *                   results       RoundResults | null the current round's totals, written once it is revealed
 *                   rounds        PastRound[]         earlier rounds, oldest first
 *   roster        Y.Map   participantId -> { name, centre, role, joinedAt, removed? }   (server writes)
 *   themes        Y.Map   themeId -> Y.Map { key, name: Y.Text, questions: Y.Array<Y.Text> }
 *   perspectives  Y.Map   perspectiveId -> Y.Map { themeId, key, title: Y.Text, description: Y.Text, createdAt }
 *   cards         Y.Map   cardId -> Y.Map { text: Y.Text, place: CardPlace, example, author, createdAt }
 *   indicators    Y.Map   indicatorId -> IndicatorValue, one plain JSON value replaced whole   (server writes)
 */
export const SCHEMA_VERSION = 1

export const ROOTS = {
  meta: 'meta',
  control: 'control',
  roster: 'roster',
  themes: 'themes',
  perspectives: 'perspectives',
  cards: 'cards',
  indicators: 'indicators',
} as const
export type RootName = (typeof ROOTS)[keyof typeof ROOTS]

/** Roots only the server may write; a client update touching them is refused. */
export const SERVER_ROOTS: ReadonlySet<string> = new Set([
  ROOTS.meta,
  ROOTS.control,
  ROOTS.roster,
  ROOTS.indicators,
])
/** Roots participants co-edit, subject to phase and lock rules. */
export const BOARD_ROOTS: ReadonlySet<string> = new Set([ROOTS.themes, ROOTS.perspectives, ROOTS.cards])

export const PHASES = ['collecte', 'regroupement', 'vote', 'resultats'] as const
export type Phase = (typeof PHASES)[number]

export type Role = 'facilitator' | 'participant' | 'projector'

export const LIMITS = {
  titleLength: 120,
  nameLength: 60,
  centreLength: 80,
  metaFieldLength: 120,
  cardTextLength: 1000,
  perspectiveTitleLength: 200,
  descriptionLength: 1000,
  themeNameLength: 120,
  questionLength: 300,
  questionsPerTheme: 12,
  cardsPerBoard: 500,
  themesPerWorkshop: 12,
} as const

/** A card sits either in a perspective or, with perspectiveId null, among its theme's ideas still to sort. */
export interface CardPlace {
  themeId: string
  perspectiveId: string | null
  key: string
}

export interface WorkshopMeta {
  schemaVersion: number
  title: string
  date: string
  place: string
  organiser: string
  createdAt: number
}

export interface RosterEntry {
  name: string
  centre: string
  role: Role
  joinedAt: number
  /** Set once the facilitator removed this person: their credential no longer opens the workshop. */
  removed?: boolean
}

/**
 * The current vote round as everyone sees it. Ballots stay on the server: until the reveal, the document holds
 * only how many took part (`voters`: participants with at least one dot, out of `eligible`: roster participants
 * not removed).
 */
export interface RoundState {
  id: string
  /** 1 for the workshop's first round, then 2, 3… */
  number: number
  status: RoundStatus
  settings: VoteSettings
  voters: number
  eligible: number
}

/** A revealed round's totals (item id -> dots); named rounds also list who voted for each item (participant ids). */
export interface RoundResults {
  roundId: string
  totals: Record<string, number>
  voters?: Record<string, string[]>
}

/** A round that a newer one replaced; `totals` only if it had been revealed. */
export interface PastRound {
  id: string
  number: number
  settings: VoteSettings
  totals: Record<string, number> | null
  closedAt: number
}

export interface ControlState {
  phase: Phase
  lockedThemes: string[]
  timer: TimerState
  follow: FollowTarget
  hiddenCards: string[]
  round: RoundState | null
  results: RoundResults | null
  rounds: PastRound[]
}

/** Plain, immutable projections of the document, as the UI and the exports read them. */
export interface ThemeRecord {
  id: string
  key: string
  name: string
  questions: string[]
}

export interface PerspectiveRecord {
  id: string
  themeId: string
  key: string
  title: string
  description: string
  createdAt: number
}

export interface CardRecord {
  id: string
  text: string
  place: CardPlace
  example: boolean
  author: string
  createdAt: number
}

/**
 * An observatory indicator imported by the facilitator (docs/indicateurs.md), as the document stores it. Pinned to a
 * board (`themeId`) it shows there as a data card, in `key` order; `theme` is the label the file gave.
 */
export interface IndicatorValue extends IndicatorFigure {
  themeId: string | null
  key: string
}

/** An indicator as its file gives it: what the document, the import and the exports all carry. */
export interface IndicatorFigure {
  theme: string
  indicator: string
  value: number
  unit: string
  comparison: number | null
  comparisonLabel: string
  source: string
  year: number | null
}

export interface IndicatorRecord extends IndicatorValue {
  id: string
}
