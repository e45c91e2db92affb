import { Link } from 'wouter'
import { useT } from '../i18n/useT'
import { MessagePage } from './MessagePage'

/** Any address the app does not know. */
export function NotFoundPage() {
  const t = useT()
  return (
    <MessagePage title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link href="/" className="button button--primary">
        {t('notFound.home')}
      </Link>
    </MessagePage>
  )
}
