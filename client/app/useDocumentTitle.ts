import { useEffect } from 'react'
import { useT } from '../i18n/useT'

/** Sets the tab title: the workshop's title when there is one, otherwise the app's name and tagline. */
export function useDocumentTitle(title = ''): void {
  const t = useT()
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : `${t('app.name')} · ${t('app.tagline')}`
  }, [title, t])
}
