import { useState } from 'react'
import { useT } from '../../i18n/useT'
import { removeParticipant } from '../../store'
import './moderation.css'

/** The facilitator's "Retirer" next to a participant, with a confirmation that says what it does. */
export function RemoveParticipantButton({ participantId, name }: { participantId: string; name: string }) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <button type="button" className="link-button presence-item__remove" onClick={() => setConfirming(true)}>
        {t('moderation.remove')} <span className="visually-hidden">{name}</span>
      </button>
    )
  }
  return (
    <div className="presence-item__confirm" role="group" aria-label={t('moderation.removeLabel', { name })}>
      <p>{t('moderation.removeConfirm', { name })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            setConfirming(false)
            void removeParticipant(participantId)
          }}
        >
          {t('moderation.removeYes')}
        </button>
        <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
          {t('board.cancel')}
        </button>
      </div>
    </div>
  )
}
