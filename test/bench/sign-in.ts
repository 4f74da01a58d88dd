// "Sign-in to ready time" (issue 14's closing note): from the cashier's PIN sent (signIn) to the till answering
// ready as the screen needs it after the sign-in screen — the signed-in session (currentUser) and the open sale
// (getSale) — through the real dispatcher of a demo till in a temp folder. The PIN is found through the keyed PIN
// index and checked with that one user's scrypt hash (main/people/pin-index.ts), so the staff count should not
// matter: the demo has two users; `perUserMs` gives the slope from a till with ten (it was ~52 ms before the index).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTill } from '../../main/app';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { summarise } from './stats';

async function measure(extraUsers: number, runs: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-bench-signin-'));
  try {
    const till = await startTill({ host: 'browser', dataDir: dir });
    try {
      for (let i = 0; i < extraUsers; i += 1) {
        const added = await till.dispatch('addUser', { managerPin: DEMO_MANAGER.pin, nameAr: `موظف ${i}`, nameEn: `Staff ${i}`, role: 'cashier', pin: String(700_000 + i) });
        if (!added.ok) throw new Error(`adding a user failed: ${added.error.code}`);
      }
      const samples: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const out = await till.dispatch('signOut', {});
        if (!out.ok) throw new Error(`sign-out failed: ${out.error.code}`);
        const t0 = performance.now();
        const signedIn = await till.dispatch('signIn', { pin: DEMO_CASHIER.pin });
        const [session, sale] = await Promise.all([till.dispatch('currentUser', {}), till.dispatch('getSale', {})]);
        samples.push(performance.now() - t0);
        if (!signedIn.ok || !session.ok || !sale.ok) throw new Error('sign-in to ready failed');
        if ((session.value as { user: { id: string } | null }).user?.id !== DEMO_CASHIER.id) throw new Error('not signed in as the demo cashier');
      }
      return samples;
    } finally {
      await till.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function signInToReady(runs = 60) {
  const demo = await measure(0, runs);
  const ten = await measure(8, Math.ceil(runs / 2));
  const demoSummary = summarise(demo);
  const tenSummary = summarise(ten);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { demoTwoUsersMs: demoSummary, tenUsersMs: tenSummary, perUserMs: round((tenSummary.p50 - demoSummary.p50) / 8) };
}
