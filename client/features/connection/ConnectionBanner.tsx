import { useEffect, useState } from 'react'
import { useConnectionStatus } from '../../hooks/useConnectionStatus'
import { useT } from '../../i18n/useT'
import { useLoupeStore } from '../../store'
import { Icon } from '../../ui/Icon'

const REFUSAL_NOTICE_MS = 12_000

/** Says plainly when the board is offline (edits are kept) or was just reloaded after a refused change. */
export function ConnectionBanner() {
  const t = useT()
  const status = useConnectionStatus()
  const resyncs = useLoupeStore((s) => s.resyncs)
  const [showRefusal, setShowRefusal] = useState(false)
  useEffect(() => {
    if (resyncs === 0) return
    setShowRefusal(true)
    const timer = setTimeout(() => setShowRefusal(false), REFUSAL_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [resyncs])
  if (status === 'offline') {
    return (
      <div className="banner banner--offline">
        <Icon name="alert" />
        {t('connection.offline')}
      </div>
    )
  }
  if (showRefusal) return <div className="banner banner--info">{t('connection.refused')}</div>
  return null
}
