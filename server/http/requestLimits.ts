import type { ServerLimits } from '../limits'
import type { Metrics } from '../metrics'
import { AttemptLimiter } from './attemptLimiter'
import type { AddressOf } from './clientAddress'
import { HttpError } from './respond'
import type { RouteContext, RouteHandler, Router } from './router'

/** The routes that create a workshop: each counts against the address's hourly allowance. */
const CREATING_ROUTES = ['/api/workshops', '/api/workshops/import'] as const

/** The HTTP API's limits: wrong join codes (per address and per workshop) and workshops created per address. */
export class RequestLimits {
  private readonly wrongCodesByAddress: AttemptLimiter
  private readonly wrongCodesByWorkshop: AttemptLimiter
  private readonly creations: AttemptLimiter

  constructor(
    limits: ServerLimits,
    private readonly metrics: Metrics,
    private readonly addressOf: AddressOf,
  ) {
    this.wrongCodesByAddress = new AttemptLimiter(limits.wrongCodesPerMinutePerAddress, 60_000)
    this.wrongCodesByWorkshop = new AttemptLimiter(limits.wrongCodesPerWorkshop, limits.wrongCodesWindowMs)
    this.creations = new AttemptLimiter(limits.workshopsPerHourPerAddress, 60 * 60_000)
  }

  /** Refuses an address that guessed too many codes, and guesses at a workshop that too many tried to guess. */
  checkGuesser({ req }: RouteContext, workshopId?: string): void {
    if (this.wrongCodesByAddress.blocked(this.addressOf(req))) {
      this.refuse('wrong_codes_address', 'Too many wrong codes from this address; wait a minute.')
    }
    // Guesses from many addresses at once: the workshop's code stops answering for a while, right or wrong.
    if (workshopId !== undefined && this.wrongCodesByWorkshop.blocked(workshopId)) {
      this.refuse(
        'wrong_codes_workshop',
        'Too many wrong codes were tried for this workshop; wait a few minutes.',
      )
    }
  }

  wrongCode({ req }: RouteContext, workshopId?: string): void {
    this.wrongCodesByAddress.record(this.addressOf(req))
    if (workshopId !== undefined) this.wrongCodesByWorkshop.record(workshopId)
  }

  /** Wraps every route that creates a workshop: refused past the allowance, counted when one was created. */
  limitCreations(router: Router): void {
    for (const pattern of CREATING_ROUTES) router.wrap('POST', pattern, (handler) => this.creating(handler))
  }

  private creating(handler: RouteHandler): RouteHandler {
    return async (ctx) => {
      const address = this.addressOf(ctx.req)
      if (this.creations.blocked(address)) {
        this.refuse(
          'workshop_creation',
          'Too many workshops created from this address; try again in an hour.',
        )
      }
      await handler(ctx)
      if (ctx.res.statusCode === 201) this.creations.record(address)
    }
  }

  private refuse(limit: string, message: string): never {
    this.metrics.limitedRequests.inc(limit)
    throw new HttpError(429, 'rate_limited', message)
  }
}
