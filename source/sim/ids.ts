// Ids (holder identities, pod names, event ids) from nanoid's customRandom, fed by the state's PRNG.
import { customRandom } from 'nanoid';
import type { State } from './types.js';
import { step } from './rng.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function generator(s: State, size: number): () => string {
  return customRandom(ALPHABET, size, (bytes) => {
    const out = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) out[i] = step(s.rng) & 0xff;
    return out;
  });
}

/** A short random id drawn from the simulation's PRNG. */
export function newId(s: State, size = 6): string {
  return generator(s, size)();
}

/** client-go's holderIdentity: `<hostname>_<random>`; a new one on every process start. */
export function holderIdentity(s: State, host: string): string {
  return `${host}_${newId(s, 6)}`;
}

/** A pod name in the style of a Deployment's ReplicaSet: `<deploy>-<rs hash>-<5 chars>`. */
export function podName(s: State, deployment: string, rsHash: string): string {
  return `${deployment}-${rsHash}-${newId(s, 5)}`;
}
