import type { CSSProperties } from 'react'
import { listNames } from '../../i18n'
import { plural } from '../../i18n/plural'
import { useLanguage, useT } from '../../i18n/useT'
import { useLoupeStore } from '../../store'
import type { RankedResults, ResultEntry } from './rankResults'
import './results.css'

/** Where an item sits, in words: "Perspective 2", "Carte de la perspective 2", "Idée à classer" (and its board). */
function useContextOf(): (entry: ResultEntry, withTheme: boolean) => string {
  const t = useT()
  const themesById = useLoupeStore((s) => s.themesById)
  return (entry, withTheme) => {
    const { item, perspectiveNumber: n } = entry
    const where =
      item.kind === 'perspective'
        ? t('board.perspective', { n: n ?? 0 })
        : n === null
          ? t('results.unsortedCard')
          : t('results.cardOf', { n })
    const theme = themesById[item.themeId]
    return withTheme && theme ? `${theme.name || t('board.untitledTheme')} · ${where}` : where
  }
}

/**
 * A ranking as bars: rank (ties said "ex æquo"), the item, a bar as long as its share of the top score, the count,
 * and in a named round who voted for it. Bars grow and shrink smoothly as totals change.
 */
export function ResultsList({
  ranked,
  withTheme,
  limit,
  className = '',
}: {
  ranked: RankedResults
  withTheme: boolean
  limit?: number
  className?: string
}) {
  const t = useT()
  const language = useLanguage()
  const contextOf = useContextOf()
  const shown = limit === undefined ? ranked.entries : ranked.entries.slice(0, limit)
  const rest = ranked.entries.length - shown.length
  if (ranked.entries.length === 0) return <p className={`results-empty ${className}`}>{t('results.none')}</p>
  return (
    <>
      <ol className={`results-list ${className}`} aria-label={t('results.ranking')}>
        {shown.map((entry) => {
          const share = ranked.top > 0 ? entry.votes / ranked.top : 0
          return (
            <li
              key={entry.item.id}
              className={`result${entry.rank === 1 ? ' result--first' : ''}`}
              data-item-id={entry.item.id}
            >
              <span className="result__rank">
                <span className="result__rank-number">{entry.rank}</span>
                {entry.tied ? <span className="result__tied">{t('results.tied')}</span> : null}
                <span className="visually-hidden">.</span>
              </span>
              <span className="result__body">
                <span className="result__context">{contextOf(entry, withTheme)}</span>
                <span className="result__text">{entry.text.trim() || t('board.untitled')}</span>
                <span className="result__bar" aria-hidden="true">
                  <span className="result__fill" style={{ '--share': share } as CSSProperties} />
                </span>
                {entry.voters.length > 0 ? (
                  <span className="result__voters">
                    {t('results.votersOf', { names: listNames(entry.voters) })}
                  </span>
                ) : null}
              </span>
              <span className="result__votes">
                {plural(
                  t,
                  language,
                  { one: 'results.points.one', other: 'results.points.other' },
                  entry.votes,
                )}
              </span>
            </li>
          )
        })}
      </ol>
      {rest > 0 || ranked.withoutVotes > 0 ? (
        <p className={`results-more ${className}`}>
          {[
            rest > 0
              ? plural(t, language, { one: 'results.more.one', other: 'results.more.other' }, rest)
              : '',
            ranked.withoutVotes > 0
              ? plural(
                  t,
                  language,
                  { one: 'results.noDots.one', other: 'results.noDots.other' },
                  ranked.withoutVotes,
                )
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
    </>
  )
}
