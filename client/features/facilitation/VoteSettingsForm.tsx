import { useId, useState, type FormEvent } from 'react'
import {
  BUDGET_RANGE,
  DEFAULT_VOTE_SETTINGS,
  parseVoteSettings,
  type VoteSettings,
  type VoteTargets,
} from '../../../shared/voting'
import { useSelectedThemeId } from '../../hooks/useSelectedThemeId'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { openVoteRound, useLoupeStore } from '../../store'

const TARGETS: VoteTargets[] = ['perspectives', 'cards', 'both']

/** The settings a new round would take: the current round's, else the last one's, else the defaults. */
function useStartingSettings(): VoteSettings {
  return useLoupeStore(
    (s) => s.control.round?.settings ?? s.control.rounds.at(-1)?.settings ?? DEFAULT_VOTE_SETTINGS,
  )
}

/** The settings of a new vote round (dots, limit per item, what, where, named or not) and the button opening it. */
export function VoteSettingsForm({ onOpened }: { onOpened?: () => void }) {
  const t = useT()
  const id = useId()
  const start = useStartingSettings()
  const selectedThemeId = useSelectedThemeId()
  const selectedTheme = useTheme(selectedThemeId ?? '')
  const [budget, setBudget] = useState(String(start.budget))
  const [maxPerItem, setMaxPerItem] = useState(String(start.maxPerItem))
  const [targets, setTargets] = useState<VoteTargets>(start.targets)
  const [wholeWorkshop, setWholeWorkshop] = useState(start.scope.kind === 'workshop')
  const [anonymous, setAnonymous] = useState(start.anonymous)
  const hasRound = useLoupeStore((s) => s.control.round !== null)

  const settings = parseVoteSettings({
    budget: Number(budget),
    maxPerItem: Number(maxPerItem),
    targets,
    scope:
      wholeWorkshop || !selectedThemeId ? { kind: 'workshop' } : { kind: 'theme', themeId: selectedThemeId },
    anonymous,
  })
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (settings && (await openVoteRound(settings))) onOpened?.()
  }
  const themeName = selectedTheme?.name || t('board.untitledTheme')
  return (
    <form
      className="vote-settings"
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={`${id}-title`}
    >
      <p id={`${id}-title`} className="panel-title">
        {t(hasRound ? 'facilitation.newRound' : 'facilitation.firstRound')}
      </p>
      <div className="vote-settings__numbers">
        <label className="inline-form__label">
          {t('facilitation.budget')}
          <input
            className="field__input inline-form__input"
            type="number"
            min={BUDGET_RANGE.min}
            max={BUDGET_RANGE.max}
            value={budget}
            onChange={(event) => setBudget(event.target.value)}
          />
        </label>
        <label className="inline-form__label">
          {t('facilitation.maxPerItem')}
          <input
            className="field__input inline-form__input"
            type="number"
            min={1}
            max={Math.max(1, Number(budget) || 1)}
            value={maxPerItem}
            onChange={(event) => setMaxPerItem(event.target.value)}
          />
        </label>
      </div>
      <div className="vote-settings__choices">
        <fieldset className="choice">
          <legend>{t('facilitation.targets')}</legend>
          {TARGETS.map((value) => (
            <label key={value} className="choice__option">
              <input
                type="radio"
                name={`${id}-targets`}
                checked={targets === value}
                onChange={() => setTargets(value)}
              />
              {t(`facilitation.targets.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice">
          <legend>{t('facilitation.scope')}</legend>
          <label className="choice__option">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={wholeWorkshop}
              onChange={() => setWholeWorkshop(true)}
            />
            {t('facilitation.scopeWorkshop')}
          </label>
          <label className="choice__option">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={!wholeWorkshop}
              disabled={!selectedThemeId}
              onChange={() => setWholeWorkshop(false)}
            />
            {t('facilitation.scopeTheme', { theme: themeName })}
          </label>
        </fieldset>
        <fieldset className="choice">
          <legend>{t('facilitation.visibility')}</legend>
          <label className="choice__option">
            <input
              type="radio"
              name={`${id}-anonymous`}
              checked={anonymous}
              onChange={() => setAnonymous(true)}
            />
            {t('facilitation.anonymous')}
          </label>
          <label className="choice__option">
            <input
              type="radio"
              name={`${id}-anonymous`}
              checked={!anonymous}
              onChange={() => setAnonymous(false)}
            />
            {t('facilitation.named')}
          </label>
        </fieldset>
      </div>
      {settings ? null : (
        <p className="field__error" role="alert">
          {t('facilitation.settingsInvalid', { max: BUDGET_RANGE.max })}
        </p>
      )}
      <button type="submit" className={`button${hasRound ? '' : ' button--primary'}`} disabled={!settings}>
        {t(hasRound ? 'facilitation.openNewRound' : 'facilitation.openRound')}
      </button>
      {hasRound ? <p className="field__hint">{t('facilitation.newRoundHint')}</p> : null}
    </form>
  )
}
