import { useCanShape } from '../../hooks/useThemeAccess'
import { DataCards } from './DataCards'
import { DataManager } from './DataManager'
import './data.css'

/** The observatory's figures on a board: its data cards for everyone, and for the facilitator, import and pinning. */
export function ThemeData({ themeId }: { themeId: string }) {
  const canShape = useCanShape()
  return (
    <>
      <DataCards themeId={themeId} />
      {canShape ? <DataManager themeId={themeId} /> : null}
    </>
  )
}
