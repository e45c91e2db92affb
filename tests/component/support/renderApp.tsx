import { render } from '@testing-library/react'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { App } from '../../../client/app/App'

/** Renders the whole app at `path`; the returned location records where it navigates next. */
export function renderAppAt(path: string) {
  const location = memoryLocation({ path, record: true })
  render(
    <Router hook={location.hook}>
      <App />
    </Router>,
  )
  return location
}
