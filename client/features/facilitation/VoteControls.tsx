import { useState } from 'react'
import { useRound } from '../../hooks/useRound'
import { useT } from '../../i18n/useT'
import { closeVoteRound, reopenVoteRound, resetVoteRound, revealVoteRound } from '../../store'
import { PastRounds } from './PastRounds'
import { Popover } from './Popover'
import { VoteSettingsForm } from './VoteSettingsForm'

/** The vote rounds: the current one's state and actions, the settings of a new one, the rounds before. */
export function VoteControls() {
  const t = useT()
  const round = useRound()
  const summary = round
    ? t('facilitation.roundSummary', {
        n: round.number,
        status: t(`facilitation.status.${round.status}`),
        voters: round.voters,
        eligible: round.eligible,
      })
    : null
  return (
    <Popover
      label={
        <>
          {t('facilitation.vote')} <span className="visually-hidden">{t('facilitation.voteMore')}</span>
        </>
      }
      summary={summary}
      panelClassName="vote-panel"
    >
      {(close) => (
        <div className="panel-stack">
          <CurrentRound />
          <VoteSettingsForm onOpened={close} />
          <PastRounds />
        </div>
      )}
    </Popover>
  )
}

function CurrentRound() {
  const t = useT()
  const round = useRound()
  const [confirmReset, setConfirmReset] = useState(false)
  if (!round) return <p className="muted">{t('facilitation.noRoundYet')}</p>
  const { status } = round
  return (
    <section className="current-round" aria-label={t('facilitation.currentRound')}>
      <p className="panel-title">
        {t('vote.round', { n: round.number })} — {t(`facilitation.status.${status}`)}
      </p>
      <p>{t('vote.progress', { voters: round.voters, eligible: round.eligible })}</p>
      <div className="button-row">
        {status === 'open' ? (
          <button type="button" className="button" onClick={() => void closeVoteRound()}>
            {t('facilitation.closeRound')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void reopenVoteRound()}>
            {t('facilitation.reopenRound')}
          </button>
        )}
        {status !== 'revealed' ? (
          <button type="button" className="button button--primary" onClick={() => void revealVoteRound()}>
            {t('facilitation.revealRound')}
          </button>
        ) : null}
        <button type="button" className="button button--danger-outline" onClick={() => setConfirmReset(true)}>
          {t('facilitation.resetRound')}
        </button>
      </div>
      {confirmReset ? (
        <div className="confirm" role="group" aria-label={t('facilitation.resetRound')}>
          <p>{t('facilitation.resetConfirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmReset(false)
                void resetVoteRound()
              }}
            >
              {t('facilitation.resetYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmReset(false)}>
              {t('board.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
