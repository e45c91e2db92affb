import { useLoupeStore } from '../../store'
import { plural } from '../../i18n/plural'
import { useLanguage, useT } from '../../i18n/useT'

/** Earlier rounds, newest first: when they ended, their settings and, if revealed, how many dots they counted. */
export function PastRounds() {
  const t = useT()
  const language = useLanguage()
  const rounds = useLoupeStore((s) => s.control.rounds)
  if (rounds.length === 0) return null
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })
  return (
    <section className="past-rounds" aria-label={t('facilitation.pastRounds')}>
      <p className="panel-title">{t('facilitation.pastRounds')}</p>
      <ul className="past-rounds__list">
        {[...rounds].reverse().map((round) => {
          const dots = round.totals ? Object.values(round.totals).reduce((sum, n) => sum + n, 0) : null
          return (
            <li key={round.id} className="past-rounds__item">
              <strong>{t('vote.round', { n: round.number })}</strong> · {time.format(round.closedAt)} ·{' '}
              {t(`vote.targets.${round.settings.targets}`)} ·{' '}
              {plural(
                t,
                language,
                { one: 'facilitation.budgetOf.one', other: 'facilitation.budgetOf.other' },
                round.settings.budget,
              )}{' '}
              ·{' '}
              {dots === null
                ? t('facilitation.notRevealed')
                : plural(t, language, { one: 'results.points.one', other: 'results.points.other' }, dots)}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
