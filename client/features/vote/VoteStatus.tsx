import { useDotsLeft } from '../../hooks/useDotsLeft'
import { usePhase } from '../../hooks/usePhase'
import { useRole } from '../../hooks/useRole'
import { useRound } from '../../hooks/useRound'
import { plural } from '../../i18n/plural'
import { useLanguage, useT } from '../../i18n/useT'
import type { RoundState } from '../../../shared/schema'
import { isVotingStep } from '../../store'
import { useRulesText } from './useRulesText'
import './vote.css'

/** During the vote step: dots left for this person, how many have voted, and the round's rules in words. */
export function VoteStatus() {
  const phase = usePhase()
  const round = useRound()
  if (!isVotingStep(phase) || !round || round.status === 'revealed') return null
  return <VoteStatusBar round={round} />
}

function VoteStatusBar({ round }: { round: RoundState }) {
  const t = useT()
  const language = useLanguage()
  const role = useRole()
  const { left, budget } = useDotsLeft()
  const rules = useRulesText(round.settings)
  const open = round.status === 'open'
  return (
    <section
      className={`vote-status${open ? '' : ' vote-status--closed'}`}
      aria-label={t('vote.statusLabel', { n: round.number })}
    >
      <p className="vote-status__title">
        <span className="vote-status__round">{t('vote.round', { n: round.number })}</span>
        {open ? null : <span className="vote-status__closed">{t('vote.closed')}</span>}
      </p>
      {open && role !== 'projector' ? (
        <p className="vote-status__left">
          <span className="vote-status__pips" aria-hidden="true">
            {Array.from({ length: budget }, (_, i) => (
              <span key={i} className={`vote-status__pip${i < left ? ' vote-status__pip--left' : ''}`} />
            ))}
          </span>
          <strong>
            {plural(t, language, { one: 'vote.left.one', other: 'vote.left.other' }, left, { budget })}
          </strong>
        </p>
      ) : null}
      <p className="vote-status__progress">
        {t('vote.progress', { voters: round.voters, eligible: round.eligible })}
      </p>
      {open ? (
        <p className="vote-status__rules">{rules}</p>
      ) : (
        <p className="vote-status__rules">{t('vote.closedHint')}</p>
      )}
    </section>
  )
}
