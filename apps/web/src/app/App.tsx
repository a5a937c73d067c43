import { Suspense, useEffect, useRef } from 'react';
import { useAppState } from './AppState.tsx';
import { Link } from './Link.tsx';
import { matchRoute } from './matchRoute.ts';
import { routes } from './routes.ts';
import { useLocationPath } from './useLocationPath.ts';

function findRoute(path: string) {
  for (const r of routes) {
    const params = matchRoute(r.path, path);
    if (params !== null) return { route: r, params };
  }
  return null;
}

/** The shell: skip link, header with navigation, and the current page (lazy-loaded). */
export function App() {
  const path = useLocationPath();
  const found = findRoute(path);
  const { person, setPerson, operator, bank, tenantId } = useAppState();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = found?.route.title ?? 'Page not found';
  const area = found?.route.area ?? 'person';

  useEffect(() => {
    document.title = `${title} · Authloop`;
  }, [title]);
  // Move focus to the new page's heading after client-side navigation, so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [path]);

  const navFor = (a: 'person' | 'admin' | 'bank') =>
    routes
      .filter((r) => r.area === a && r.nav !== undefined)
      .map((r) => (
        <li key={r.path}>
          <Link href={r.path} aria-current={found?.route.path === r.path ? 'page' : undefined}>
            {r.nav}
          </Link>
        </li>
      ));

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Authloop
        </Link>
        <nav aria-label="Main">
          <ul>{area === 'admin' ? navFor('admin') : navFor('person')}</ul>
        </nav>
        <nav aria-label="Areas" className="areas">
          <ul>
            <li>
              <Link href={area === 'admin' ? '/' : '/admin'}>{area === 'admin' ? 'Personal' : 'Admin portal'}</Link>
            </li>
            <li>
              <Link href="/connect">Bank console</Link>
            </li>
            {area === 'admin' ? (
              <li>
                <Link href="/admin/sign-in" aria-current={found?.route.path === '/admin/sign-in' ? 'page' : undefined}>
                  {operator === null ? 'Operator sign-in' : operator.email}
                </Link>
              </li>
            ) : null}
            {person === null ? null : (
              <li>
                <button type="button" className="link" onClick={() => setPerson(null)}>
                  Sign out
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {found === null ? (
          <p>
            There is no page at <code>{path}</code>. <Link href="/">Go to sign-in</Link>.
          </p>
        ) : (
          <Suspense fallback={<p aria-busy="true">Loading…</p>}>
            {/* Admin pages load with the caller's identity: a different operator (or bank client)
                remounts the page, so nothing loaded for the previous one stays on screen. */}
            <found.route.page key={area === 'admin' ? `${tenantId}:${operator?.email ?? ''}:${bank?.clientId ?? ''}` : 'page'} params={found.params} />
          </Suspense>
        )}
      </main>
    </>
  );
}
