import { memo, useState } from 'react'
import { LIMITS } from '../../../shared/schema'
import { usePerspective } from '../../hooks/usePerspective'
import { useT } from '../../i18n/useT'
import { noteActivity, requestFocus } from '../../store'
import { useRenderProbe } from '../../ui/renderProbe'
import { VoteDots } from '../vote/VoteDots'
import { AddCardButtons } from './AddCardButtons'
import { CardList } from './CardList'
import { CollaborativeField } from './CollaborativeField'
import { PerspectiveTools } from './PerspectiveTools'

interface Props {
  id: string
  themeId: string
  number: number
  count: number
  editable: boolean
}

/** One numbered perspective: its co-edited title and details, its cards, and the buttons to add more. */
export const PerspectiveColumn = memo(function PerspectiveColumn({
  id,
  themeId,
  number,
  count,
  editable,
}: Props) {
  useRenderProbe('perspective', id)
  const t = useT()
  const perspective = usePerspective(id)
  const [showDetails, setShowDetails] = useState(false)
  if (!perspective) return null
  const titleId = `perspective-title-${id}`
  const hasDetails = perspective.description.trim() !== ''

  return (
    <li className="perspective" aria-labelledby={titleId}>
      <div className="perspective__head">
        <span className="perspective__number" aria-hidden="true">
          {number}
        </span>
        <h3 id={titleId} className="perspective__title">
          <span className="visually-hidden">{number}.</span>{' '}
          {editable ? (
            <CollaborativeField
              textRef={{ kind: 'perspective', id, field: 'title' }}
              focusId={id}
              label={t('board.perspectiveTitle', { n: number })}
              placeholder={t('board.perspectiveTitlePlaceholder')}
              maxLength={LIMITS.perspectiveTitleLength}
              singleLine
              onLocalChange={noteActivity}
            />
          ) : (
            perspective.title.trim() || t('board.untitled')
          )}
        </h3>
        {editable ? (
          <PerspectiveTools
            id={id}
            number={number}
            count={count}
            hasDetails={hasDetails || showDetails}
            onAddDetails={() => {
              setShowDetails(true)
              requestFocus(`${id}:details`)
            }}
          />
        ) : null}
      </div>
      <VoteDots item={{ kind: 'perspective', id, themeId }} label={perspective.title} />
      {editable && (hasDetails || showDetails) ? (
        <CollaborativeField
          textRef={{ kind: 'perspective', id, field: 'description' }}
          focusId={`${id}:details`}
          label={t('board.perspectiveDescription', { n: number })}
          placeholder={t('board.descriptionPlaceholder')}
          maxLength={LIMITS.descriptionLength}
          className="perspective__details"
          onLocalChange={noteActivity}
        />
      ) : null}
      {!editable && hasDetails ? <p className="perspective__details">{perspective.description}</p> : null}
      <CardList
        themeId={themeId}
        perspectiveId={id}
        editable={editable}
        label={t('board.perspective', { n: number })}
      />
      {editable ? <AddCardButtons themeId={themeId} perspectiveId={id} number={number} /> : null}
    </li>
  )
})
