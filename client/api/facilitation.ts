import type { AddFacilitatorResponse } from '../../shared/protocol'
import { requestJson, type ApiResult } from './http'

export type ExportFormat = 'md' | 'html' | 'json' | 'csv'

export type ExportDownload =
  | { ok: true; blob: Blob; filename: string }
  | { ok: false; reason: 'unavailable' | 'unauthorized' | 'network' | 'failed' }

const workshopPath = (id: string) => `/api/workshops/${encodeURIComponent(id)}`

/** Adds a co-facilitator (a new facilitator key) with the facilitator's own key; the answer holds their link. */
export function addCoFacilitator(
  workshopId: string,
  facilitatorKey: string,
  name: string,
): Promise<ApiResult<AddFacilitatorResponse>> {
  return requestJson(`${workshopPath(workshopId)}/facilitators`, {
    method: 'POST',
    credential: facilitatorKey,
    body: name.trim() ? { name: name.trim() } : {},
  })
}

/** The file name the server proposes (Content-Disposition), else one built from the workshop and the format. */
function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? ''
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/i.exec(header)
  const raw = match?.[1] ?? match?.[2]
  if (!raw) return fallback
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** Fetches an export of the workshop (the key travels in the Authorization header only). */
export async function fetchExport(
  workshopId: string,
  facilitatorKey: string,
  format: ExportFormat,
): Promise<ExportDownload> {
  let response: Response
  try {
    response = await fetch(`${workshopPath(workshopId)}/export?format=${format}`, {
      headers: { Authorization: `Bearer ${facilitatorKey}` },
    })
  } catch {
    return { ok: false, reason: 'network' }
  }
  if (response.status === 404) return { ok: false, reason: 'unavailable' }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'unauthorized' }
  if (!response.ok) return { ok: false, reason: 'failed' }
  return { ok: true, blob: await response.blob(), filename: filenameOf(response, `atelier.${format}`) }
}

/** Hands a fetched file to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the file by the next tick; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
