import { lazy, type ComponentType } from 'react'

/**
 * A page in a chunk of its own that can be fetched before it is shown. Once fetched it renders at once: React
 * would otherwise suspend on it and, having shown the loading text, hold the page back for a further 300 ms.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<{ default: ComponentType<P> }> | null = null
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component
      return { default: component }
    }))
  const Lazy = lazy(preload)
  function Page(props: P) {
    const Component = loaded ?? Lazy
    return <Component {...props} />
  }
  return { Page, preload }
}
