import { Icon } from '../../ui/Icon'
import { useState, type FormEvent } from 'react'
import { formatTimeLeft, TIMER_PRESETS_MIN } from '../../../shared/timer'
import { useCountdown } from '../../hooks/useCountdown'
import { useT } from '../../i18n/useT'
import {
  addCountdownMinute,
  pauseCountdown,
  resumeCountdown,
  startCountdown,
  stopCountdown,
} from '../../store'
import { Popover } from './Popover'

const PRESETS = TIMER_PRESETS_MIN.filter((minutes) => minutes <= 20)

/** The countdown's controls: presets, a custom length, pause and resume, one more minute, stop. */
export function TimerControls() {
  const t = useT()
  const { status, msLeft } = useCountdown()
  // Running, the time itself is the label (the word stays for screen readers).
  const label =
    status === 'idle' ? (
      t('facilitation.timer')
    ) : (
      <>
        <span className="visually-hidden">{t('facilitation.timer')}</span>{' '}
        <span className="facil-button__time">{formatTimeLeft(msLeft)}</span>
      </>
    )
  return (
    <Popover label={label} icon={<Icon name="clock" />} panelClassName="timer-panel">
      {() => <TimerPanel />}
    </Popover>
  )
}

function TimerPanel() {
  const t = useT()
  const { status } = useCountdown()
  const [minutes, setMinutes] = useState('7')
  const custom = Number(minutes.replace(',', '.'))
  const customValid = Number.isFinite(custom) && custom > 0 && custom <= 240
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (customValid) void startCountdown(custom)
  }
  return (
    <div className="panel-stack">
      <p className="panel-title">{t('facilitation.timerStart')}</p>
      <div className="preset-row" role="group" aria-label={t('facilitation.timerPresets')}>
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button preset"
            onClick={() => void startCountdown(preset)}
          >
            {t('facilitation.minutes', { n: preset })}
          </button>
        ))}
      </div>
      <form className="inline-form" onSubmit={onSubmit}>
        <label className="inline-form__label">
          {t('facilitation.customMinutes')}
          <input
            className="field__input inline-form__input"
            type="number"
            inputMode="decimal"
            min={1}
            max={240}
            step="any"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!customValid}>
          {t('facilitation.timerGo')}
        </button>
      </form>
      {status !== 'idle' ? (
        <div className="button-row">
          {status === 'running' ? (
            <button type="button" className="button" onClick={() => void pauseCountdown()}>
              {t('facilitation.pause')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void resumeCountdown()}>
              {t('facilitation.resume')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void addCountdownMinute()}>
            {t('facilitation.addMinute')}
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => void stopCountdown()}
          >
            {t('facilitation.stop')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
