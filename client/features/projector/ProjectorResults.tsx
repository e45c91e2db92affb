import { useRevealedResults } from '../../hooks/useRevealedResults'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { ResultsList } from '../results/ResultsList'
import { useRankedResults } from '../results/useRankedResults'

/** How many ranked items fit on a projected screen, large enough to read from the back. */
const SHOWN = 7

/** The revealed vote as a ranked bar chart; bars move as totals change (a merge, a late correction). */
export function ProjectorResults() {
  const t = useT()
  const revealed = useRevealedResults()
  const scope = revealed?.round.settings.scope
  const themeId = scope?.kind === 'theme' ? scope.themeId : null
  const theme = useTheme(themeId ?? '')
  const ranked = useRankedResults(themeId)
  if (!revealed || !ranked) return null
  return (
    <section className="projector-results" aria-labelledby="projector-results-title">
      <h2 id="projector-results-title" className="projector-results__title">
        {t('results.title', { n: revealed.round.number })}
        {theme ? (
          <span className="projector-results__theme"> · {theme.name || t('board.untitledTheme')}</span>
        ) : null}
      </h2>
      <ResultsList
        ranked={ranked}
        withTheme={themeId === null}
        limit={SHOWN}
        className="results-list--projector"
      />
    </section>
  )
}
