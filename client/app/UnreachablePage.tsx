import { useT } from '../i18n/useT'
import { MessagePage } from './MessagePage'

/** Shown when the server could not be reached while opening a workshop: trying again is all one can do. */
export function UnreachablePage() {
  const t = useT()
  return (
    <MessagePage title={t('connection.short.offline')}>
      <p>{t('error.network')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('app.retry')}
      </button>
    </MessagePage>
  )
}
