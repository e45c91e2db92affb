import { JoinPage as JoinForm } from '../features/join/JoinPage'
import { lazyPage } from './lazyPage'

// Each page is its own chunk: a participant never downloads the workshop creation form, and the home page
// never downloads Yjs. The projector (and its QR code drawing) is its own chunk: no one else downloads it.
// The join form is where participants arrive, from the link or the QR code: it comes with the app (a few KB), so
// that it shows without waiting for a second round trip.
const home = lazyPage(() => import('../features/home/HomePage').then((m) => m.HomePage))
const workshop = lazyPage(() => import('../features/board/WorkshopPage').then((m) => m.WorkshopPage))
const projector = lazyPage(() => import('../features/projector/ProjectorPage').then((m) => m.default))

export const HomePage = home.Page
export const JoinPage = JoinForm
export const WorkshopPage = workshop.Page
export const ProjectorPage = projector.Page

/** Fetches the workshop page while someone is still on the page that leads to it (joining, creating). */
export const preloadWorkshopPage = workshop.preload

/** Fetches the page a path shows, so that the first render does not wait on it. */
export function preloadPageFor(path: string): Promise<unknown> {
  if (path === '/' || path === '') return home.preload()
  if (/^\/atelier\/[^/]+\/projection\/?$/.test(path)) return projector.preload()
  if (path.startsWith('/atelier/')) return workshop.preload()
  return Promise.resolve()
}
