import { LIMITS } from '../../../shared/schema'
import { useCanShape } from '../../hooks/useThemeAccess'
import { useTheme } from '../../hooks/useTheme'
import { useT } from '../../i18n/useT'
import { addQuestionTo, removeQuestion } from '../../store'
import { CollaborativeField } from './CollaborativeField'

/** The questions that guide the discussion on this board; the facilitator edits them, others read them. */
export function GuidingQuestions({ themeId }: { themeId: string }) {
  const t = useT()
  const theme = useTheme(themeId)
  const canShape = useCanShape()
  if (!theme || (theme.questions.length === 0 && !canShape)) return null
  const headingId = `questions-${themeId}`
  const count = theme.questions.length
  return (
    <section className="questions" aria-labelledby={headingId}>
      <h3 id={headingId} className="questions__title">
        {t('board.questions')}
      </h3>
      <ul className="questions__list">
        {theme.questions.map((question, index) => (
          // Indexes shift when a question is removed: the count in the key rebinds every field to its new text.
          <li key={`${index}/${count}`} className="questions__item">
            {canShape ? (
              <>
                <CollaborativeField
                  textRef={{ kind: 'question', id: themeId, index }}
                  focusId={`${themeId}/q${index}`}
                  label={t('board.question', { n: index + 1 })}
                  maxLength={LIMITS.questionLength}
                  singleLine
                />
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={t('board.deleteQuestion', { n: index + 1 })}
                  title={t('board.deleteQuestion', { n: index + 1 })}
                  onClick={() => removeQuestion(themeId, index)}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </>
            ) : (
              question
            )}
          </li>
        ))}
      </ul>
      {canShape && count < LIMITS.questionsPerTheme ? (
        <button type="button" className="link-button" onClick={() => addQuestionTo(themeId)}>
          <span aria-hidden="true">+ </span>
          {t('board.addQuestion')}
        </button>
      ) : null}
    </section>
  )
}
