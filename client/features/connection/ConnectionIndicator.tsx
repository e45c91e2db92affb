import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useT } from '../../i18n/useT'
import './connection.css'

/** A small chip in the header: online, offline or connecting, in words and with a distinct shape. */
export function ConnectionIndicator() {
  const t = useT()
  const status = useConnectionStatus()
  const state =
    status === 'synced' || status === 'connected'
      ? 'online'
      : status === 'connecting'
        ? 'connecting'
        : 'offline'
  return (
    <p className={`connection-chip connection-chip--${state}`}>
      <span className="connection-chip__dot" aria-hidden="true" />
      {t(`connection.short.${state}`)}
    </p>
  )
}
