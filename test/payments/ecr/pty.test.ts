// Every command over a real serial line: socat links two pseudo-terminals, the simulator serves one end with
// serialport, the till opens the other with the serial transport. Killing socat is the pulled cable.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEcrSimulator, type EcrSimulator, type PtyPair } from '../../../main/sim/ecr-terminal';
import type { SkyBandConnector } from '../../../main/payments/ecr/connector';
import { createSerialTransport } from '../../../main/payments/transport/serial';
import { guardUnhandled, nextRef, sleep, stages } from '../../support/payment-harness';
import { connectorFor } from '../../support/ecr-rig';

guardUnhandled();

describe('SkyBand over a serial line (socat pty pair)', () => {
  let sim: EcrSimulator;
  let pty: PtyPair;
  let till: SkyBandConnector;

  beforeAll(async () => {
    sim = createEcrSimulator({ lrcMode: 'sdk-ascii-hex', ackNak: true, ackTimeoutMs: 300 });
    pty = await sim.servePty();
    till = connectorFor(createSerialTransport({ path: pty.tillPath, baudRate: 115_200 }), { lrcMode: 'sdk-ascii-hex', ackNak: true });
  });
  afterAll(async () => {
    await till.close();
    await sim.close();
  });
  afterEach(() => sim.terminal.clearScript());

  it('health, register, NO DATA inquiry (still in doubt)', async () => {
    expect(await till.health()).toEqual({ state: 'connected' });
    expect(await till.register()).toMatchObject({ ok: true });
    expect(await till.inquire(nextRef())).toMatchObject({ kind: 'unreachable' });
  });

  it('purchase, inquiry, refund, reversal, settlement', async () => {
    const ref = nextRef();
    const s = stages();
    const bought = await till.purchase({ reference: ref, amountHalalas: 12_345 }, { onStage: s.onStage });
    expect(s.list).toEqual(['connecting', 'sent', 'awaiting_result']);
    expect(bought).toMatchObject({ kind: 'approved', record: { reference: ref, amountHalalas: 12_345 } });
    expect(await till.inquire(ref)).toEqual({ kind: 'found', outcome: bought });
    if (bought.kind !== 'approved') return;
    const refund = await till.refund({ reference: nextRef(), amountHalalas: 345, originalRrn: bought.record.rrn, originalAt: bought.record.at });
    expect(refund).toMatchObject({ kind: 'approved', record: { amountHalalas: 345 } });
    const revRef = nextRef();
    expect(await till.reverse({ reference: revRef, originalReference: refund.kind === 'approved' ? refund.record.reference : '' })).toMatchObject({
      kind: 'approved',
      record: { responseCode: '400' },
    });
    // Another reference: repeat-last shows the reversal, check-status agrees → explicit not_found (C2 + C3).
    expect(await till.inquire(nextRef())).toEqual({ kind: 'not_found' });
    const totals = await till.settle();
    expect(totals).toMatchObject({ responseCode: '500', inBalance: true, schemes: [{ scheme: 'mada', purchaseCount: 1, purchaseHalalas: 12_345, refundCount: 0, refundHalalas: 0 }] });
    expect(sim.terminal.purchaseFrames(ref)).toBe(1);
  });

  it('bad LRC once → NAK → retransmission; request NAKed → same frame again; garbage + dribbles', async () => {
    sim.terminal.script({ corruptLrc: 'once' }, { nakRequest: 1 }, { garbage: true, chunked: true });
    const refs = [nextRef(), nextRef(), nextRef()];
    for (const reference of refs) expect(await till.purchase({ reference, amountHalalas: 50 })).toMatchObject({ kind: 'approved' });
    for (const ref of refs) expect(sim.terminal.purchaseFrames(ref)).toBe(1);
  });

  it('bad LRC always → unknown corrupt → inquiry approved', async () => {
    const ref = nextRef();
    sim.terminal.script({ corruptLrc: 'always' });
    expect(await till.purchase({ reference: ref, amountHalalas: 60 })).toMatchObject({ kind: 'unknown', why: 'corrupt' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
  });

  it('late answer: unknown timeout; once the terminal has finished, inquiry finds the approval', async () => {
    const ref = nextRef();
    sim.terminal.script({ delayMs: 1800 });
    expect(await till.purchase({ reference: ref, amountHalalas: 70 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    await sleep(500);
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 70 } } });
  });

  it('drop after approval on a serial line = silence → unknown timeout → inquiry approved', async () => {
    const ref = nextRef();
    sim.terminal.script({ drop: 'after-approve' });
    expect(await till.purchase({ reference: ref, amountHalalas: 80 })).toMatchObject({ kind: 'unknown', why: 'timeout' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'found', outcome: { kind: 'approved' } });
  });

  it('pulled cable (socat killed) while waiting → unknown disconnected; afterwards NOT_SENT and unreachable', async () => {
    const ref = nextRef();
    sim.terminal.script({ delayMs: 1000 });
    const pending = till.purchase({ reference: ref, amountHalalas: 90 });
    await sleep(200);
    pty.socat.kill('SIGKILL');
    expect(await pending).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    expect(await till.purchase({ reference: nextRef(), amountHalalas: 1 })).toMatchObject({ kind: 'declined', responseCode: 'NOT_SENT' });
    expect(await till.inquire(ref)).toMatchObject({ kind: 'unreachable' });
    expect(await till.health()).toMatchObject({ state: 'disconnected' });
    await sleep(900); // the terminal finishes on its side: the truth is in its record
    expect(sim.terminal.find(ref)?.status).toBe('approved');
  });
});
