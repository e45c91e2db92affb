import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { preloadPageFor } from './app/pages'
import './styles/base.css'

const root = document.getElementById('root')
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  // The page's chunk first: rendering before it arrives would show the loading text and then hold the page back.
  preloadPageFor(globalThis.location.pathname).then(render, render)
}
