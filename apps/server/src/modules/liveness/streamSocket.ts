/**
 * The part of a `ws` WebSocket the liveness stream uses. `ws` ships no type declarations in this
 * workspace, so the socket @fastify/websocket hands over is checked at runtime and narrowed to this.
 */
export interface StreamSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): void;
  on(event: 'close', listener: () => void): void;
}

/** Type guard for {@link StreamSocket}. */
export function isStreamSocket(x: unknown): x is StreamSocket {
  return typeof x === 'object' && x !== null && 'send' in x && typeof x.send === 'function' && 'close' in x && typeof x.close === 'function' && 'on' in x && typeof x.on === 'function' && 'readyState' in x && typeof x.readyState === 'number';
}

/** The bytes of a `ws` message (Buffer, ArrayBuffer or fragments). */
export function messageBytes(data: unknown): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data.filter((d): d is Buffer => Buffer.isBuffer(d))));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(0);
}
