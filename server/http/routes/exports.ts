import type { ServerResponse } from 'node:http'
import {
  EXPORT_FORMATS,
  isExportFormat,
  renderExport,
  type CsvSeparator,
  type ExportFile,
} from '../../../shared/export'
import { bearerToken, identify } from '../../auth'
import type { WorkshopServices } from '../../workshops'
import { exportLiveWorkshop, importWorkshop } from '../../workshopFiles'
import { readJsonObject } from '../body'
import { HttpError, sendJson } from '../respond'
import type { Router } from '../router'

/** An exported workshop may be far larger than the API's other bodies. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

const SEPARATORS: Record<string, CsvSeparator> = { ',': ',', comma: ',', ';': ';', semicolon: ';' }

function sendFile(res: ServerResponse, file: ExportFile): void {
  res.statusCode = 200
  res.setHeader('Content-Type', file.contentType)
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`)
  res.setHeader('Content-Length', Buffer.byteLength(file.body))
  res.setHeader('Cache-Control', 'no-store')
  res.end(file.body)
}

/** Exports (synthesis, whole workshop, votes) for the facilitator, and import of an exported workshop. */
export function addExportRoutes(router: Router, services: WorkshopServices): void {
  router.add('GET', '/api/workshops/:id/export', async ({ req, res, params, url }) => {
    const identity = await identify(services.registry, params.id ?? '', bearerToken(req))
    if (!identity.ok) throw new HttpError(401, 'unauthorized', 'This credential does not open this workshop.')
    if (identity.role !== 'facilitator') {
      throw new HttpError(403, 'unauthorized', "Only this workshop's facilitator key may export it.")
    }
    const format = url.searchParams.get('format') ?? 'md'
    if (!isExportFormat(format)) {
      throw new HttpError(400, 'invalid_input', `The format must be one of ${EXPORT_FORMATS.join(', ')}.`)
    }
    const separator = SEPARATORS[url.searchParams.get('sep') ?? ',']
    if (!separator) throw new HttpError(400, 'invalid_input', 'The CSV separator (sep) must be "," or ";".')
    const workshop = await exportLiveWorkshop(services.rooms, identity.credential.workshop.id)
    sendFile(res, renderExport(workshop, format, { separator }))
  })

  router.add('POST', '/api/workshops/import', async ({ req, res }) => {
    const body = await readJsonObject(req, MAX_IMPORT_BYTES)
    const outcome = await importWorkshop(services, body)
    if (!outcome.ok) {
      sendJson(res, 400, {
        error: 'invalid_input',
        message: `Not an importable workshop: ${outcome.error}.`,
        path: outcome.path,
      })
      return
    }
    sendJson(res, 201, outcome.created)
  })
}
