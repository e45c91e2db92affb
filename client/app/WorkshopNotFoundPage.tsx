import { Link } from 'wouter'
import { useT } from '../i18n/useT'
import { MessagePage } from './MessagePage'

/** Shown for a workshop id that leads nowhere. */
export function WorkshopNotFoundPage() {
  const t = useT()
  return (
    <MessagePage title={t('workshopNotFound.title')}>
      <p>{t('workshopNotFound.body')}</p>
      <Link href="/" className="button button--primary">
        {t('notFound.home')}
      </Link>
    </MessagePage>
  )
}
