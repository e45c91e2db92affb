import { useMemo } from 'react'
import { useSession } from '../../hooks/useSession'
import { plural } from '../../i18n/plural'
import { useLanguage, useT } from '../../i18n/useT'
import { useLoupeStore } from '../../store'
import { QrCode } from './QrCode'

const SHOWN_NAMES = 24

/** Everyone who joined as a participant (not removed), in the order they arrived. */
function useJoined(): Array<{ id: string; name: string; centre: string }> {
  const roster = useLoupeStore((s) => s.roster)
  return useMemo(
    () =>
      Object.entries(roster)
        .filter(([, entry]) => entry.role === 'participant' && entry.removed !== true)
        .sort(([, a], [, b]) => a.joinedAt - b.joinedAt)
        .map(([id, entry]) => ({ id, name: entry.name, centre: entry.centre })),
    [roster],
  )
}

/** How to join, readable from the back of the room: the address, the code in huge letters, a QR code, who is in. */
export function JoinScreen() {
  const t = useT()
  const language = useLanguage()
  const session = useSession()
  const joined = useJoined()
  const code = session?.joinCode ?? ''
  const url = `${location.origin}/rejoindre/${code}`
  const shown = joined.slice(0, SHOWN_NAMES)
  return (
    <div className="join-screen">
      <section className="join-screen__how" aria-labelledby="join-title">
        <h2 id="join-title" className="join-screen__title">
          {t('projector.joinTitle')}
        </h2>
        <p className="join-screen__step">{t('projector.joinAt')}</p>
        <p className="join-screen__url">
          {location.host}
          <wbr />
          /rejoindre/{code}
        </p>
        <p className="join-screen__step">{t('projector.joinCode')}</p>
        <p
          className="join-screen__code"
          aria-label={t('board.joinCodeLabel', { code: code.split('').join(' ') })}
        >
          {code}
        </p>
      </section>
      <figure className="join-screen__qr">
        <QrCode value={url} label={t('projector.qrLabel', { url })} className="join-screen__qr-code" />
        <figcaption>{t('projector.qrCaption')}</figcaption>
      </figure>
      <section className="join-screen__people" aria-labelledby="joined-title">
        <h2 id="joined-title" className="join-screen__count">
          {joined.length === 0
            ? t('projector.nobodyYet')
            : plural(
                t,
                language,
                { one: 'projector.joined.one', other: 'projector.joined.other' },
                joined.length,
              )}
        </h2>
        {shown.length > 0 ? (
          <ul className="join-screen__names">
            {shown.map((person) => (
              <li key={person.id} className="join-screen__name">
                <strong>{person.name}</strong>
                {person.centre ? <span> · {person.centre}</span> : null}
              </li>
            ))}
            {joined.length > shown.length ? (
              <li className="join-screen__name join-screen__name--more">+{joined.length - shown.length}</li>
            ) : null}
          </ul>
        ) : null}
      </section>
    </div>
  )
}
