/** A decoded CBOR value (the subset WebAuthn uses: integers, byte and text strings, arrays, maps, simple values). */
export type CborValue = number | bigint | Uint8Array | string | boolean | null | undefined | CborValue[] | Map<CborValue, CborValue>;

/** Raised for CBOR that is truncated, nested too deeply, or uses features WebAuthn does not. */
export class CborError extends Error {
  override readonly name = 'CborError';
}

const MAX_DEPTH = 16;

/**
 * Decodes one CBOR item (RFC 8949) from the start of `bytes` and returns it with the number of bytes it
 * took. Definite lengths only (WebAuthn's CTAP2 canonical form); throws {@link CborError} otherwise.
 */
export function decodeCbor(bytes: Uint8Array): { value: CborValue; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.length) throw new CborError('CBOR data is truncated.');
  };
  const readArg = (info: number): number | bigint => {
    if (info < 24) return info;
    switch (info) {
      case 24:
        need(1);
        return view.getUint8(pos++);
      case 25:
        need(2);
        pos += 2;
        return view.getUint16(pos - 2);
      case 26:
        need(4);
        pos += 4;
        return view.getUint32(pos - 4);
      case 27: {
        need(8);
        pos += 8;
        const big = view.getBigUint64(pos - 8);
        return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
      }
      default:
        throw new CborError(`CBOR additional information ${info} (indefinite length or reserved) is not supported.`);
    }
  };
  const length = (info: number): number => {
    const n = readArg(info);
    if (typeof n === 'bigint' || n > bytes.length) throw new CborError('CBOR length is larger than the data.');
    return n;
  };
  const item = (depth: number): CborValue => {
    if (depth > MAX_DEPTH) throw new CborError('CBOR is nested too deeply.');
    need(1);
    const initial = view.getUint8(pos++);
    const major = initial >> 5;
    const info = initial & 0x1f;
    switch (major) {
      case 0:
        return readArg(info);
      case 1: {
        const n = readArg(info);
        return typeof n === 'bigint' ? -1n - n : -1 - n;
      }
      case 2: {
        const n = length(info);
        need(n);
        pos += n;
        return bytes.slice(pos - n, pos);
      }
      case 3: {
        const n = length(info);
        need(n);
        pos += n;
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(pos - n, pos));
      }
      case 4: {
        const n = length(info);
        const out: CborValue[] = [];
        for (let i = 0; i < n; i++) out.push(item(depth + 1));
        return out;
      }
      case 5: {
        const n = length(info);
        const out = new Map<CborValue, CborValue>();
        for (let i = 0; i < n; i++) {
          const k = item(depth + 1);
          out.set(k, item(depth + 1));
        }
        return out;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        throw new CborError(`CBOR simple value or float ${info} is not supported.`);
      default:
        throw new CborError(`CBOR major type ${major} (tags) is not supported.`);
    }
  };
  try {
    const value = item(0);
    return { value, length: pos };
  } catch (error) {
    if (error instanceof CborError) throw error;
    throw new CborError('CBOR text is not valid UTF-8.');
  }
}
