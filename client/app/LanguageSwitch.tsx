import { LANGUAGES, setLanguage } from '../i18n'
import { useLanguage, useT } from '../i18n/useT'

/** Buttons to switch the interface language; the choice is remembered on this device. */
export function LanguageSwitch() {
  const t = useT()
  const current = useLanguage()
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map(({ code, label }) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-label={label}
          aria-pressed={code === current}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
