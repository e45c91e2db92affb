import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useT } from '../../i18n/useT'

/** A live region that tells screen reader users when the connection drops or comes back. */
export function ConnectionAnnouncer() {
  const t = useT()
  const status = useConnectionStatus()
  const message =
    status === 'offline'
      ? t('connection.offline')
      : status === 'synced'
        ? t('connection.synced')
        : status === 'connecting'
          ? t('connection.connecting')
          : ''
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  )
}
