import { useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import type { CreateWorkshopResponse } from '../../../shared/protocol'
import { useT } from '../../i18n/useT'
import { CopyField } from '../../ui/CopyField'
import { Icon } from '../../ui/Icon'
import { JoinCode } from '../../ui/JoinCode'

/** What the facilitator needs once the workshop exists: both links, the code in big letters, the way in. */
export function WorkshopCreated({
  title,
  workshop,
  onAnother,
}: {
  title: string
  workshop: CreateWorkshopResponse
  onAnother: () => void
}) {
  const t = useT()
  const [, navigate] = useLocation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const origin = window.location.origin
  return (
    <section className="panel home__created" aria-labelledby="created-heading">
      <h2 id="created-heading" ref={headingRef} tabIndex={-1}>
        {t('home.created.heading', { title })}
      </h2>
      <div className="created__code">
        <p className="field__label">{t('home.created.code')}</p>
        <JoinCode code={workshop.joinCode} size="huge" />
        <p className="field__hint">{t('home.created.codeHint', { host: window.location.host })}</p>
      </div>
      <CopyField
        label={t('home.created.participantLink')}
        hint={t('home.created.participantHint')}
        value={`${origin}${workshop.participantPath}`}
        copyLabel={t('copy.participantLink')}
      />
      <div className="secret">
        <Icon name="lock" className="secret__icon" />
        <CopyField
          label={t('home.created.facilitatorLink')}
          hint={t('home.created.facilitatorHint')}
          value={`${origin}${workshop.facilitatorPath}`}
          copyLabel={t('copy.facilitatorLink')}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => navigate(`/atelier/${workshop.id}/animer`)}
        >
          {t('home.created.open')}
        </button>
        <button type="button" className="button button--ghost" onClick={onAnother}>
          {t('home.created.another')}
        </button>
      </div>
    </section>
  )
}
