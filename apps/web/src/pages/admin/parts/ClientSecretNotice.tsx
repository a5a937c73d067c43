import type { CreatedApiClient } from '@authloop/sdk';
import { useEffect, useRef, useState } from 'react';

/**
 * A new client's id and secret, shown once in a prominent box with copy buttons and a warning. Focus
 * moves to the box so screen readers announce it; "Done" forgets the secret.
 */
export function ClientSecretNotice({ client, onDone }: { client: CreatedApiClient; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => heading.current?.focus(), [client.id]);

  const copy = (what: string, text: string) => {
    void navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied to the clipboard.`),
      () => setCopied(`Could not copy: select the ${what.toLowerCase()} and copy it yourself.`),
    );
  };

  return (
    <section className="secret-box" aria-labelledby="secret-h" data-testid="client-secret-notice">
      <h2 id="secret-h" ref={heading} tabIndex={-1}>
        Client &ldquo;{client.name}&rdquo; created: copy its secret now
      </h2>
      <p className="secret-warning">
        <strong>This secret will not be shown again.</strong> Authloop keeps only a hash of it. Store it in your secret manager before you leave this page; if it is lost, disable this client and create a
        new one.
      </p>
      <div className="field">
        <label htmlFor="new-client-id">Client id</label>
        <div className="copy-row">
          <input id="new-client-id" className="field-input code" readOnly value={client.id} onFocus={(e) => e.currentTarget.select()} data-testid="new-client-id" />
          <button type="button" className="secondary" onClick={() => copy('Client id', client.id)} aria-label="Copy client id">
            Copy
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor="new-client-secret">Client secret</label>
        <div className="copy-row">
          <input id="new-client-secret" className="field-input code" readOnly value={client.clientSecret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} autoComplete="off" data-testid="client-secret" />
          <button type="button" onClick={() => copy('Client secret', client.clientSecret)} aria-label="Copy client secret">
            Copy
          </button>
        </div>
      </div>
      <p role="status" className="ok">
        {copied}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        I have stored the secret
      </button>
    </section>
  );
}
