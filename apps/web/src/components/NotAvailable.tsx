/**
 * Says plainly that a screen cannot work yet because the server lacks its endpoints (nothing is
 * faked). Lists them, and the issue that will add them.
 */
export function NotAvailable({ feature, missing, issue }: { feature: string; missing: readonly string[]; issue: string }) {
  return (
    <section className="notice" aria-labelledby="na-title" data-testid="not-available">
      <h2 id="na-title">{feature} is not available on this server yet</h2>
      <p>This screen needs these API endpoints, which this server does not have yet ({issue}):</p>
      <ul>
        {missing.map((m) => (
          <li key={m}>
            <code>{m}</code>
          </li>
        ))}
      </ul>
      <p>It will work as soon as the server provides them; nothing on this screen is simulated.</p>
    </section>
  );
}
