import { normalizeJoinCode } from '../../../shared/ids'
import type { WorkshopSummary } from '../../../shared/protocol'
import { DEFAULT_TEMPLATE, isTemplateId } from '../../../shared/templates'
import { bearerToken, identify } from '../../auth'
import type { WorkshopRow } from '../../persistence/types'
import { addFacilitator, createWorkshop, joinWorkshop, type WorkshopServices } from '../../workshops'
import { readJsonObject, readOptionalJsonObject } from '../body'
import type { RequestLimits } from '../requestLimits'
import { centreField, metaField, nameField, titleField } from '../fields'
import { HttpError, sendJson } from '../respond'
import type { Router } from '../router'

const summary = (w: WorkshopRow): WorkshopSummary => ({ id: w.id, title: w.title, joinCode: w.joinCode })

const notFound = () => new HttpError(404, 'not_found', 'No workshop matches.')

/** The workshop API: create, look up (by id or join code), join, and who-am-I. */
export function addWorkshopRoutes(router: Router, services: WorkshopServices, limits: RequestLimits): void {
  const { registry } = services

  async function workshopOr404(id: string | undefined): Promise<WorkshopRow> {
    const workshop = id ? await registry.findWorkshop(id) : null
    if (!workshop) throw notFound()
    return workshop
  }

  router.add('POST', '/api/workshops', async ({ req, res }) => {
    const body = await readJsonObject(req)
    const title = titleField(body.title)
    const template = body.template ?? DEFAULT_TEMPLATE
    if (!isTemplateId(template))
      throw new HttpError(400, 'unknown_template', 'There is no such workshop template.')
    const created = await createWorkshop(services, {
      title,
      template,
      date: metaField(body.date, 'The date'),
      place: metaField(body.place, 'The place'),
      organiser: metaField(body.organiser, 'The organiser'),
    })
    sendJson(res, 201, created)
  })

  router.add('GET', '/api/workshops/:id', async ({ res, params }) => {
    sendJson(res, 200, summary(await workshopOr404(params.id)))
  })

  router.add('GET', '/api/codes/:code', async (ctx) => {
    const { res, params } = ctx
    limits.checkGuesser(ctx)
    const code = normalizeJoinCode(params.code ?? '')
    const workshop = code ? await registry.findWorkshopByCode(code) : null
    if (!workshop) {
      limits.wrongCode(ctx)
      throw notFound()
    }
    sendJson(res, 200, summary(workshop))
  })

  router.add('POST', '/api/workshops/:id/join', async (ctx) => {
    const { req, res, params } = ctx
    limits.checkGuesser(ctx)
    const body = await readJsonObject(req)
    const workshop = await workshopOr404(params.id)
    limits.checkGuesser(ctx, workshop.id)
    const code = typeof body.joinCode === 'string' ? normalizeJoinCode(body.joinCode) : null
    if (code !== workshop.joinCode) {
      limits.wrongCode(ctx, workshop.id)
      throw new HttpError(403, 'wrong_code', 'The join code does not match this workshop.')
    }
    const person = { name: nameField(body.name), centre: centreField(body.centre) }
    sendJson(res, 200, await joinWorkshop(services, workshop, person))
  })

  router.add('POST', '/api/workshops/:id/facilitators', async ({ req, res, params }) => {
    const identity = await identify(registry, params.id ?? '', bearerToken(req))
    // A participant's token is not a credential for this: same answer as no credential at all.
    if (!identity.ok || identity.role !== 'facilitator') {
      throw new HttpError(401, 'unauthorized', "Only this workshop's facilitator key may add a facilitator.")
    }
    const body = await readOptionalJsonObject(req)
    const name = body.name === undefined ? '' : nameField(body.name)
    sendJson(res, 201, await addFacilitator(services, identity.credential.workshop, name))
  })

  router.add('GET', '/api/workshops/:id/session', async ({ req, res, params }) => {
    const identity = await identify(registry, params.id ?? '', bearerToken(req))
    if (!identity.ok) throw new HttpError(401, 'unauthorized', 'This credential does not open this workshop.')
    const { participant, workshop } = identity.credential
    sendJson(res, 200, {
      role: identity.role,
      participantId: participant.id,
      name: participant.name,
      centre: participant.centre,
      workshopId: workshop.id,
      title: workshop.title,
      joinCode: workshop.joinCode,
    })
  })
}
