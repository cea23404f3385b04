// The contact form's proof of work in ALTCHA's format, solved here rather than with the altcha widget, so
// the strict Content-Security-Policy needs no exception (a Web Worker would need a Trusted Types policy:
// new Worker(url) is a TrustedScriptURL sink). The browser finds the number n from 0 to maxnumber with SHA-256(salt + n) = challenge, with Web
// Crypto in batches, and sends base64(JSON {algorithm, challenge, number, salt, signature}) as `altcha`.
import { request } from './api.js';

const CHALLENGE_API = '/api/v1/contacts/challenge';
const BATCH = 500;
const encoder = new TextEncoder();

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Seconds since the epoch when the challenge's salt says it expires (Infinity if it does not say). */
function expiresAt(salt) {
  const match = /[?&]expires=(\d+)/.exec(salt);
  return match ? Number(match[1]) : Infinity;
}

async function solve(challenge) {
  const started = performance.now();
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    const end = Math.min(start + BATCH, challenge.maxnumber + 1);
    const digests = [];
    for (let n = start; n < end; n++) {
      digests.push(crypto.subtle.digest('SHA-256', encoder.encode(`${challenge.salt}${n}`)));
    }
    const found = (await Promise.all(digests)).findIndex((d) => hex(d) === challenge.challenge);
    if (found >= 0) {
      return {
        payload: btoa(JSON.stringify({
          algorithm: challenge.algorithm,
          challenge: challenge.challenge,
          number: start + found,
          salt: challenge.salt,
          signature: challenge.signature,
          took: Math.round(performance.now() - started),
        })),
        expires: expiresAt(challenge.salt),
      };
    }
  }
  throw new Error('The challenge has no solution.');
}

async function fetchAndSolve() {
  const challenge = await request(CHALLENGE_API);
  if (challenge?.algorithm !== 'SHA-256') throw new Error('Unsupported challenge.');
  return solve(challenge);
}

let pending = null;

/** Starts solving a challenge in the background, so one is ready when the person sends the form. */
export function prepareProofOfWork() {
  if (!pending) {
    const attempt = fetchAndSolve();
    pending = attempt;
    attempt.catch(() => {
      if (pending === attempt) pending = null; // fetched again when it is needed
    });
  }
}

/**
 * A solved payload for one submission (each one counts once at the server): the prepared one if it is
 * still good for a minute, else a new one. The next one is prepared at once.
 */
export async function takeProofOfWork() {
  prepareProofOfWork();
  let solution = await pending;
  pending = null;
  if (solution.expires - Date.now() / 1000 < 60) solution = await fetchAndSolve();
  prepareProofOfWork();
  return solution.payload;
}
