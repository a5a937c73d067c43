import { z } from 'zod';
import { serverMessage } from '../../src/modules/liveness/streamMessages.ts';
import type { ServerMessage } from '../../src/modules/liveness/streamMessages.ts';

/** The part of a `ws` client socket the tests use, checked at runtime (`ws` has no type declarations here). */
interface ClientSocket {
  send(data: Uint8Array | string): void;
  close(): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  on(event: 'close', listener: () => void): void;
}

function isClientSocket(x: unknown): x is ClientSocket {
  return typeof x === 'object' && x !== null && 'send' in x && typeof x.send === 'function' && 'on' in x && typeof x.on === 'function' && 'close' in x && typeof x.close === 'function';
}

/** A liveness stream client: sends frames, collects the server's typed messages. */
export interface StreamClient {
  readonly messages: ServerMessage[];
  send(data: Uint8Array | string): void;
  /** Resolves with the first message (from now on, or already received after `from`) matching `pred`. */
  next<T extends ServerMessage>(pred: (m: ServerMessage) => m is T, from?: number, timeoutMs?: number): Promise<T>;
  /** Like {@link next} with a plain predicate. */
  wait(pred: (m: ServerMessage) => boolean, from?: number, timeoutMs?: number): Promise<ServerMessage>;
  readonly closed: Promise<void>;
  close(): void;
}

/** Wraps the socket `injectWS` returns. */
export function streamClient(raw: unknown): StreamClient {
  if (!isClientSocket(raw)) throw new Error('not a WebSocket');
  const socket = raw;
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => { resolveClosed = r; });
  socket.on('message', (data) => {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    messages.push(serverMessage.parse(z.unknown().parse(JSON.parse(text))));
    for (const w of waiters) w();
  });
  socket.on('close', () => {
    resolveClosed();
    for (const w of waiters) w();
  });
  return {
    messages,
    send: (d) => socket.send(d),
    close: () => socket.close(),
    closed,
    async next<T extends ServerMessage>(pred: (m: ServerMessage) => m is T, from = 0, timeoutMs = 60_000): Promise<T> {
      const m = await this.wait(pred, from, timeoutMs);
      if (!pred(m)) throw new Error('unreachable');
      return m;
    },
    wait(pred, from = 0, timeoutMs = 60_000) {
      return new Promise<ServerMessage>((resolve, reject) => {
        const check = (): boolean => {
          const hit = messages.slice(from).find(pred);
          if (hit !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message in ${timeoutMs} ms; got ${messages.map((m) => m.type).join(',')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
  };
}

export const isType = <K extends ServerMessage['type']>(type: K) => (m: ServerMessage): m is Extract<ServerMessage, { type: K }> => m.type === type;
