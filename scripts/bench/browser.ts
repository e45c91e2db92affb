import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { readBoard } from '../../shared/read'
import { addCard, resolveText, spliceText, type TextRef } from '../../shared/ops'
import { LIMITS } from '../../shared/schema'
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/protocol'
import { CHROMIUM_PATH, launchBrowser } from '../../tests/helpers/browser'
import { connect, until, type BenchClient } from './client'
import { REPO_ROOT, startServer } from './servers'
import { postJson } from './workshops'
import { readKeystrokeTasks, type KeystrokeTask } from './browserTrace'
import { percentiles } from './stats'

/**
 * The web app in headless Chromium, against Loupe's build on loopback, on a board of 500 cards: how long a person
 * waits on their first join, and how long the page spends applying someone else's keystroke.
 */

export type BrowserReport =
  | {
      measured: true
      cards: number
      /** Join link opened -> form ready, then "Entrer" pressed -> board interactive (typing in the form excluded). */
      join: JoinTiming
      first_join_ms: number
      /** The same first join on a workshop just created (its boards still empty), as at the start of the day. */
      new_workshop_join_ms: number
      /**
       * Remote keystroke: websocket message received -> its text in the card's field and the store's changes rendered
       * (the message's handler and the microtasks it queued: Yjs, the store, React).
       */
      apply_p50_ms: number
      apply_max_ms: number
      /** The same, to the start of the next task: a frame the browser lays out and paints in between counts too. */
      next_task_p50_ms: number
      next_task_max_ms: number
      keystrokes: number
      /** Each keystroke's apply time, in the order typed: tells a cold first keystroke from a pause mid-way. */
      apply_ms: number[]
      /** With BENCH_BROWSER_TRACE: the slowest keystroke's task, wall and CPU time (the rest: waiting for a core). */
      slowest_traced?: KeystrokeTask
    }
  | { measured: false; reason: string }

const KEYSTROKES = 30

/**
 * Installed in the page before the app, timing on the page's own clock (no test tool in between): each websocket
 * message from its arrival to the end of its task; when the join form is there (from navigation start); from the
 * form's submission to the board on screen (its add button and first card), then to all its cards; and every task
 * of 50 ms or more (Long Tasks API), since a board that is on screen but frozen is not interactive yet.
 */
const timingScript = (cards: number) => `(() => {
  window.__loupeJoin = { longTasks: [] }
  const join = window.__loupeJoin
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) join.longTasks.push([task.startTime, task.duration])
  }).observe({ type: 'longtask', buffered: true })
  const watch = new MutationObserver(() => {
    const now = performance.now()
    if (join.formReady === undefined && document.querySelector('input[autocomplete="name"]')) join.formReady = now
    if (join.submitted === undefined || !document.querySelector('.add-link')) return
    const shown = document.querySelectorAll('[data-card-id] textarea').length
    if (join.boardShown === undefined && shown >= Math.min(1, ${cards})) join.boardShown = now
    if (shown >= ${cards}) {
      join.allCards = now
      // Done: it must not weigh on the keystrokes measured next.
      watch.disconnect()
    }
  })
  watch.observe(document, { childList: true, subtree: true })
  document.addEventListener('submit', () => { join.submitted = performance.now() }, true)
  const Native = window.WebSocket
  window.__loupeApply = []
  const watched = () => {
    const field = window.__loupeWatch ? document.querySelector(window.__loupeWatch) : null
    return field ? field.value : null
  }
  window.WebSocket = class extends Native {
    // The provider sets onmessage: its handler is wrapped, so the clock runs from the message's arrival to the end
    // of its handling and of the microtasks it queued (React renders the store's changes in one); then, for
    // comparison, to the start of the next task (the browser may lay out and paint a frame in between).
    set onmessage(handler) {
      super.onmessage = handler && ((event) => {
        const start = performance.now()
        handler.call(this, event)
        queueMicrotask(() => {
          const end = performance.now()
          const sample = { ms: end - start, value: watched(), taskMs: null }
          if (sample.value !== null) performance.measure('apply', { start, end })
          window.__loupeApply.push(sample)
          const channel = new MessageChannel()
          channel.port1.onmessage = () => {
            sample.taskMs = performance.now() - start
            window.__loupeSampled?.(sample)
          }
          channel.port2.postMessage(0)
        })
      })
    }
    get onmessage() {
      return super.onmessage
    }
  }
})()`

export async function measureBrowser(): Promise<BrowserReport> {
  if (!existsSync(CHROMIUM_PATH)) return { measured: false, reason: `no Chromium at ${CHROMIUM_PATH}` }
  if (!existsSync(join(REPO_ROOT, 'dist/client/index.html')))
    return { measured: false, reason: 'the web app is not built (npm run build)' }
  const server = await startServer('loupe')
  let browser: Browser | null = null
  const clients: BenchClient[] = []
  try {
    const workshop = await postJson<CreateWorkshopResponse>(`${server.httpUrl}/api/workshops`, {
      title: 'Atelier de mesure',
      template: 'participation-partenariats',
    })
    const facilitator = await connect(
      server.wsUrl,
      workshop.id,
      { token: workshop.facilitatorKey },
      { id: 'facilitator-1', name: 'Animation', centre: '' },
    )
    clients.push(facilitator)
    const board = fillFirstBoard(facilitator)
    await until(
      () => readBoard(facilitator.doc).cards.length >= board.count,
      10_000,
      'the cards to be stored',
    )

    const fresh = await postJson<CreateWorkshopResponse>(`${server.httpUrl}/api/workshops`, {
      title: 'Atelier du matin',
      template: 'participation-partenariats',
    })

    browser = await launchBrowser()
    // A person's browser is already running when they open the link: start this one once, then measure.
    const warmUp = await browser.newContext()
    await (await warmUp.newPage()).goto(`${server.httpUrl}/healthz`)
    await warmUp.close()
    const first = await firstJoin(await newPage(browser, 0), `${server.httpUrl}/rejoindre/${fresh.joinCode}`)
    const page = await newPage(browser, board.count)
    const join = await firstJoin(page, `${server.httpUrl}/rejoindre/${workshop.joinCode}`)

    const typist = await joinOverHttp(server, workshop)
    clients.push(typist)
    const trace = process.env.BENCH_BROWSER_TRACE
    if (trace)
      await browser.startTracing(page, {
        path: trace,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'v8.gc',
          'blink.user_timing',
        ],
      })
    const apply = await remoteTyping(page, typist, board.targetId)
    if (trace) await browser.stopTracing()
    const traced = trace ? readKeystrokeTasks(trace) : []
    return {
      measured: true,
      cards: board.count,
      join,
      first_join_ms: round(join.join_page_ms + join.join_to_board_ms),
      new_workshop_join_ms: round(first.join_page_ms + first.join_to_board_ms),
      apply_p50_ms: round(percentiles(Float64Array.from(apply.map((a) => a.ms))).p50),
      apply_max_ms: round(Math.max(...apply.map((a) => a.ms))),
      next_task_p50_ms: round(percentiles(Float64Array.from(apply.map((a) => a.taskMs))).p50),
      next_task_max_ms: round(Math.max(...apply.map((a) => a.taskMs))),
      keystrokes: apply.length,
      apply_ms: apply.map((a) => round(a.ms)),
      ...(traced.length > 0
        ? { slowest_traced: traced.reduce((a, b) => (b.apply_ms > a.apply_ms ? b : a)) }
        : {}),
    }
  } catch (error) {
    return { measured: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    for (const client of clients) client.destroy()
    await browser?.close()
    await server.stop()
  }
}

/** A fresh browser context (nothing cached), timed by the page itself; `cards` is what the board must show. */
async function newPage(browser: Browser, cards: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' })
  await context.addInitScript(timingScript(cards))
  return context.newPage()
}

/** Fills the first board (as the participant sees it first) to its limit; returns a card in the middle. */
function fillFirstBoard(facilitator: BenchClient): { count: number; targetId: string } {
  const doc = facilitator.doc
  const themeId = readBoard(doc).themes[0]?.id
  if (!themeId) throw new Error('the workshop has no board')
  const ids: string[] = []
  doc.transact(() => {
    for (let i = 0; i < LIMITS.cardsPerBoard; i++) {
      const id = addCard(doc, {
        themeId,
        perspectiveId: null,
        text: `Idée ${i + 1}`,
        author: 'facilitator-1',
      })
      if (id) ids.push(id)
    }
  })
  return { count: ids.length, targetId: ids[Math.floor(ids.length / 2)] ?? '' }
}

/** After the last card is in, how long to keep watching for a long task that still freezes the board. */
const SETTLE_MS = 500

interface JoinTimes {
  formReady?: number
  submitted?: number
  boardShown?: number
  allCards?: number
  longTasks: Array<[start: number, duration: number]>
}

async function firstJoin(page: Page, url: string): Promise<JoinTiming> {
  await page.goto(url)
  await page.getByLabel('Votre prénom (et nom si vous le souhaitez)').fill('Awa Diallo')
  await page.getByLabel('Votre centre social ou structure').fill('Centre social des Tilleuls')
  await page.getByRole('button', { name: 'Entrer dans l’atelier' }).click()
  const deadline = Date.now() + 30_000
  for (;;) {
    const join = await page.evaluate(() => (window as unknown as { __loupeJoin: JoinTimes }).__loupeJoin)
    const { formReady, submitted, boardShown, allCards } = join
    if (
      formReady !== undefined &&
      submitted !== undefined &&
      boardShown !== undefined &&
      allCards !== undefined
    ) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
      const { longTasks } = await page.evaluate(
        () => (window as unknown as { __loupeJoin: JoinTimes }).__loupeJoin,
      )
      return joinTiming({ formReady, submitted, boardShown, allCards, longTasks })
    }
    if (Date.now() > deadline) throw new Error('the board never showed all its cards')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export interface JoinTiming {
  join_page_ms: number
  /** "Entrer" pressed -> the board on screen (add button and first card). */
  board_shown_ms: number
  /** "Entrer" pressed -> every card in the page. */
  all_cards_ms: number
  /** "Entrer" pressed -> the board on screen and no task of 50 ms or more after it (while the cards come in). */
  join_to_board_ms: number
  /** The longest task once the board was on screen (0: none reached 50 ms). */
  longest_task_after_shown_ms: number
}

/** The board is interactive once it is on screen and the last long task that held it has ended. */
export function joinTiming(times: Required<JoinTimes>): JoinTiming {
  const { formReady, submitted, boardShown, allCards, longTasks } = times
  let interactive = boardShown
  let longest = 0
  for (const [start, duration] of longTasks) {
    if (start + duration <= boardShown || start > allCards + SETTLE_MS) continue
    interactive = Math.max(interactive, start + duration)
    longest = Math.max(longest, duration)
  }
  return {
    join_page_ms: round(formReady),
    board_shown_ms: round(boardShown - submitted),
    all_cards_ms: round(allCards - submitted),
    join_to_board_ms: round(interactive - submitted),
    longest_task_after_shown_ms: round(longest),
  }
}

interface ApplySample {
  ms: number
  taskMs: number
}

/** Another participant types into one card, a keystroke at a time; returns the page's times for each. */
async function remoteTyping(page: Page, typist: BenchClient, cardId: string): Promise<ApplySample[]> {
  const selector = `[data-card-id="${cardId}"] textarea`
  await page.locator(selector).waitFor()
  await page.evaluate((watch) => {
    const w = window as unknown as { __loupeWatch: string; __loupeApply: unknown[] }
    w.__loupeWatch = watch
    w.__loupeApply = []
  }, selector)
  const ref: TextRef = { kind: 'card', id: cardId, field: 'text' }
  const text = resolveText(typist.doc, ref)
  if (!text) throw new Error('no card text to type in')
  const times: ApplySample[] = []
  for (let i = 0; i < KEYSTROKES; i++) {
    spliceText(typist.doc, ref, text.length, 0, 'x')
    times.push(await waitForSample(page, text.toString()))
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return times
}

/**
 * The times of the first message after which the watched field showed `value`. The page answers once it has them
 * (one round trip): polling it would put the test tool's own work on the main thread being measured.
 */
async function waitForSample(page: Page, value: string): Promise<ApplySample> {
  // A string, not a function: the bench's TypeScript loader would name the function's inner closures with a
  // helper the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const wanted = ${JSON.stringify(value)}
    const done = (s) => {
      if (s.value !== wanted || s.taskMs === null) return false
      clearTimeout(timer)
      window.__loupeSampled = undefined
      resolve({ ms: s.ms, taskMs: s.taskMs })
      return true
    }
    const timer = setTimeout(() => reject(new Error('the page never showed "' + wanted + '"')), 5000)
    if (!window.__loupeApply.some(done)) window.__loupeSampled = done
  })`)
}

async function joinOverHttp(
  server: { httpUrl: string; wsUrl: string },
  workshop: CreateWorkshopResponse,
): Promise<BenchClient> {
  const joined = await postJson<JoinResponse>(`${server.httpUrl}/api/workshops/${workshop.id}/join`, {
    joinCode: workshop.joinCode,
    name: 'Léo Martin',
    centre: 'Maison de quartier',
  })
  return connect(
    server.wsUrl,
    workshop.id,
    { token: joined.token },
    { id: joined.participantId, name: 'Léo Martin', centre: 'Maison de quartier' },
  )
}

const round = (n: number) => Number(n.toFixed(1))
