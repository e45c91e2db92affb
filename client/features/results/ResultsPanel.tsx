import { useState } from 'react'
import { useRevealedResults } from '../../hooks/useRevealedResults'
import { useThemes } from '../../hooks/useThemes'
import { useT } from '../../i18n/useT'
import { ResultsList } from './ResultsList'
import { useRankedResults } from './useRankedResults'

/** The revealed round on the board: the ranking for the whole workshop, or for one board at a time. */
export function ResultsPanel() {
  const t = useT()
  const revealed = useRevealedResults()
  const themes = useThemes()
  const scope = revealed?.round.settings.scope
  const scopedTheme = scope?.kind === 'theme' ? scope.themeId : null
  const [picked, setPicked] = useState<string | null>(null)
  const themeId =
    scopedTheme ?? (picked !== null && themes.some((theme) => theme.id === picked) ? picked : null)
  const ranked = useRankedResults(themeId)
  if (!revealed || !ranked) return null
  const { round } = revealed
  return (
    <section className="results" aria-labelledby="results-title">
      <div className="results__head">
        <h2 id="results-title" className="results__title">
          {t('results.title', { n: round.number })}
        </h2>
        <p className="results__summary">
          {t('vote.progress', { voters: round.voters, eligible: round.eligible })}
        </p>
      </div>
      {scopedTheme === null && themes.length > 1 ? (
        <div className="results__filter" role="group" aria-label={t('results.filter')}>
          <button
            type="button"
            className="chip"
            aria-pressed={themeId === null}
            onClick={() => setPicked(null)}
          >
            {t('results.overall')}
          </button>
          {themes.map((theme) => (
            <button
              key={theme.id}
              type="button"
              className="chip"
              aria-pressed={themeId === theme.id}
              onClick={() => setPicked(theme.id)}
            >
              {theme.name || t('board.untitledTheme')}
            </button>
          ))}
        </div>
      ) : null}
      <ResultsList ranked={ranked} withTheme={themeId === null && scopedTheme === null} />
    </section>
  )
}

export default ResultsPanel
