import { useMemo } from 'react'
import { matchBoard, type CsvIssue, type IndicatorFile } from '../../../shared/indicators'
import { useThemes } from '../../hooks/useThemes'
import { useLanguage, useT } from '../../i18n/useT'
import { figureParts, figureText } from './figures'
import { issueText, problemText } from './issueText'

/** What the file holds, row by row, before anything is sent: each broken line says what is wrong with it. */
export function ImportPreview({ file, name }: { file: IndicatorFile; name: string }) {
  const t = useT()
  const locale = useLanguage()
  const themes = useThemes()
  const boardName = useMemo(() => new Map(themes.map((theme) => [theme.id, theme.name])), [themes])
  const rowLines = new Set(file.lines.map((line) => line.line))
  // Problems of the file itself (its header, its size, an unclosed quote) have no row of their own.
  const fileIssues = file.issues.filter((issue: CsvIssue) => !rowLines.has(issue.line))
  return (
    <div className="data-preview">
      {fileIssues.length > 0 ? (
        <ul className="data-preview__issues">
          {fileIssues.map((issue, index) => (
            <li key={index}>{issueText(t, issue)}</li>
          ))}
        </ul>
      ) : null}
      {file.lines.length > 0 ? (
        <div className="data-preview__scroll" tabIndex={0} role="region" aria-label={t('data.preview.caption', { file: name })}>
          <table className="data-preview__table">
            <caption className="visually-hidden">{t('data.preview.caption', { file: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.preview.line')}</th>
                <th scope="col">{t('data.preview.theme')}</th>
                <th scope="col">{t('data.preview.indicator')}</th>
                <th scope="col">{t('data.preview.value')}</th>
                <th scope="col">{t('data.preview.comparison')}</th>
                <th scope="col">{t('data.preview.board')}</th>
                <th scope="col">{t('data.preview.status')}</th>
              </tr>
            </thead>
            <tbody>
              {file.lines.map(({ line, indicator, issues, raw }) => {
                const board = indicator ? matchBoard(indicator.theme, themes) : null
                // A broken row shows its cells as written, so the facilitator recognises the line to fix.
                const figure = (value: number | null | undefined, written: string | undefined) =>
                  indicator ? (value == null ? '' : figureText(figureParts(value, indicator.unit, locale))) : (written ?? '')
                return (
                  <tr key={line} className={issues.length > 0 ? 'data-preview__row--broken' : undefined}>
                    <th scope="row">{line}</th>
                    <td>{indicator?.theme ?? raw.theme ?? ''}</td>
                    <td>{indicator?.indicator ?? raw.indicator ?? ''}</td>
                    <td className="data-preview__number">{figure(indicator?.value, raw.value)}</td>
                    <td className="data-preview__number">{figure(indicator?.comparison, raw.comparison)}</td>
                    <td>{indicator ? (board ? boardName.get(board) : t('data.preview.noBoard')) : ''}</td>
                    <td className="data-preview__status">
                      {issues.length === 0 ? (
                        t('data.preview.ok')
                      ) : (
                        <ul className="data-preview__row-issues">
                          {issues.map((issue, index) => (
                            <li key={index}>{problemText(t, issue)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
