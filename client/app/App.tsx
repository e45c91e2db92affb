import { lazy, Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { useT } from '../i18n/useT'
import { NotFoundPage } from './NotFoundPage'

// Each page is its own chunk: a participant never downloads the workshop creation form, and the home page
// never downloads Yjs.
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })))
const JoinPage = lazy(() => import('../features/join/JoinPage').then((m) => ({ default: m.JoinPage })))
const WorkshopPage = lazy(() =>
  import('../features/board/WorkshopPage').then((m) => ({ default: m.WorkshopPage })),
)
// The projector (and its QR code drawing) is its own chunk: no one else downloads it.
const ProjectorPage = lazy(() => import('../features/projector/ProjectorPage'))

function Loading() {
  const t = useT()
  return (
    <p className="page-loading" role="status">
      {t('app.loading')}
    </p>
  )
}

/** The routes of the web app. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/rejoindre/:code">{(params) => <JoinPage code={params.code} />}</Route>
        <Route path="/atelier/:id/projection">
          {(params) => <ProjectorPage key={`s-${params.id}`} workshopId={params.id} />}
        </Route>
        <Route path="/atelier/:id/animer">
          {(params) => <WorkshopPage key={`f-${params.id}`} workshopId={params.id} role="facilitator" />}
        </Route>
        <Route path="/atelier/:id">
          {(params) => <WorkshopPage key={`p-${params.id}`} workshopId={params.id} role="participant" />}
        </Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  )
}
