import { PHASES, type Phase } from '../../../shared/schema'
import { usePhase } from '../../hooks/usePhase'
import { useT } from '../../i18n/useT'
import { setPhaseTo } from '../../store'

/** Collecte → Regroupement → Vote → Résultats: where the workshop is, one step back or forward, or any step. */
export function PhaseStepper() {
  const t = useT()
  const phase = usePhase()
  const index = PHASES.indexOf(phase)
  const previous: Phase | undefined = PHASES[index - 1]
  const next: Phase | undefined = PHASES[index + 1]
  return (
    <nav className="stepper" aria-label={t('facilitation.phases')}>
      <button
        type="button"
        className="stepper__arrow"
        disabled={!previous}
        aria-label={
          previous
            ? t('facilitation.previousPhase', { phase: t(`phase.${previous}`) })
            : t('facilitation.noPrevious')
        }
        title={previous ? t('facilitation.previousPhase', { phase: t(`phase.${previous}`) }) : undefined}
        onClick={() => previous && void setPhaseTo(previous)}
      >
        <span aria-hidden="true">←</span>
      </button>
      <ol className="stepper__steps">
        {PHASES.map((step, i) => (
          <li key={step}>
            <button
              type="button"
              className={`stepper__step${i < index ? ' stepper__step--done' : ''}`}
              aria-current={step === phase ? 'step' : undefined}
              onClick={() => step !== phase && void setPhaseTo(step)}
            >
              <span className="stepper__number" aria-hidden="true">
                {i + 1}
              </span>
              {t(`phase.${step}`)}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="stepper__arrow"
        disabled={!next}
        aria-label={
          next ? t('facilitation.nextPhase', { phase: t(`phase.${next}`) }) : t('facilitation.lastPhase')
        }
        title={next ? t('facilitation.nextPhase', { phase: t(`phase.${next}`) }) : undefined}
        onClick={() => next && void setPhaseTo(next)}
      >
        <span aria-hidden="true">→</span>
      </button>
    </nav>
  )
}
