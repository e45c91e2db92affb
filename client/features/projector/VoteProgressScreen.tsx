import type { CSSProperties } from 'react'
import { useRound } from '../../hooks/useRound'
import { useSession } from '../../hooks/useSession'
import { useT } from '../../i18n/useT'
import { useRulesText } from '../vote/useRulesText'
import type { RoundState } from '../../../shared/schema'

/** While people vote: how many have voted, as a figure and a bar, the round's rules, and how to join late. */
export function VoteProgressScreen() {
  const round = useRound()
  return round ? <VoteProgress round={round} /> : null
}

function VoteProgress({ round }: { round: RoundState }) {
  const t = useT()
  const session = useSession()
  const rules = useRulesText(round.settings)
  const share = round.eligible > 0 ? Math.min(1, round.voters / round.eligible) : 0
  return (
    <section className="vote-screen" aria-labelledby="vote-screen-title">
      <h2 id="vote-screen-title" className="vote-screen__title">
        {t(round.status === 'open' ? 'projector.voteOpen' : 'projector.voteClosed', { n: round.number })}
      </h2>
      <p className="vote-screen__count">
        <span className="vote-screen__voters">{round.voters}</span>
        <span className="vote-screen__eligible"> / {round.eligible}</span>
      </p>
      <p className="vote-screen__label">{t('projector.votedLabel')}</p>
      <div className="vote-screen__bar" aria-hidden="true">
        <span className="vote-screen__fill" style={{ '--share': share } as CSSProperties} />
      </div>
      <p className="vote-screen__rules">
        {t('projector.budget', { n: round.settings.budget })} · {rules}
      </p>
      {session?.joinCode ? (
        <p className="vote-screen__join">
          {t('projector.lateJoin', { url: `${location.host}/rejoindre`, code: session.joinCode })}
        </p>
      ) : null}
    </section>
  )
}
