import { Link } from 'wouter'
import { forgetCredential } from '../../api/credentials'
import { MessagePage } from '../../app/MessagePage'
import { useSession } from '../../hooks/useSession'
import { useT } from '../../i18n/useT'

/** The server will not let this credential back in: say why and offer the way back. */
export function ConnectionEnded({ status }: { status: 'unauthorized' | 'removed' }) {
  const t = useT()
  const session = useSession()
  const rejoin = session?.role === 'participant' && session.joinCode
  return (
    <MessagePage title={t(`connection.${status}`)}>
      {rejoin ? (
        <Link
          href={`/rejoindre/${session.joinCode}`}
          className="button button--primary"
          onClick={() => forgetCredential('participant', session.workshopId)}
        >
          {t('connection.rejoin')}
        </Link>
      ) : (
        <Link href="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      )}
    </MessagePage>
  )
}
