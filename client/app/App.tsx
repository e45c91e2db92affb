import { Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { useT } from '../i18n/useT'
import { NotFoundPage } from './NotFoundPage'
import { HomePage, JoinPage, ProjectorPage, WorkshopPage } from './pages'

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
        <Route path="/">
          <HomePage />
        </Route>
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
