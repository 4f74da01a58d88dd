// Each EGS's chain as the simulator has seen it (zatca.md §6): ICVs from 1 (or from where a test said the
// chain stands), each PIH the hash of the document with the previous ICV, whatever that one's fate. Documents
// may arrive out of order; what the simulator refuses is what no honest till can produce:
//   fork  another document already took this ICV; or this PIH is not the hash of the known previous document;
//         or the known next document's PIH is not this document's hash;
//   gap   the previous ICV has not arrived (refused unless `outOfOrder`: a queue that retries one document
//         later while sending the next is honest, and ZATCA itself only investigates gaps afterwards).
// The codes below are the simulator's conventions ([simulator]): ZATCA publishes no error codes for these.
import type { DocumentFacts } from './inspect';
import type { DocumentFate, FaultMessage, ReceivedDocument } from './types';

export const CHAIN_ERRORS = {
  icvMissing: { code: 'BR-KSA-33', category: 'KSA', message: 'Each invoice must have an invoice counter value (ICV).' },
  icvDigits: { code: 'BR-KSA-34', category: 'KSA', message: 'The invoice counter value (ICV) contains only digits.' },
  pihMissing: { code: 'BR-KSA-26', category: 'KSA', message: 'The invoice must contain the previous invoice hash (PIH).' },
  reused: { code: 'invoice-counter-reused', category: 'CHAIN' },
  pih: { code: 'previous-invoice-hash-mismatch', category: 'CHAIN' },
  gap: { code: 'invoice-counter-gap', category: 'CHAIN' },
} as const;

export type ChainVerdict =
  | { kind: 'ok' }
  /** This exact document (same ICV, same hash) arrived before. */
  | { kind: 'duplicate'; document: ReceivedDocument }
  | { kind: 'broken'; error: FaultMessage };

interface Chain {
  /** The ICV before the first document this simulator may see, and its hash (the seed PIH for a new unit). */
  start: { icv: number; hash: string };
  byIcv: Map<number, ReceivedDocument>;
}

export function createChainBook(options: { seedPih: string; outOfOrder: boolean }) {
  const chains = new Map<string, Chain>();
  const chainOf = (egs: string): Chain => {
    let c = chains.get(egs);
    if (!c) {
      c = { start: { icv: 0, hash: options.seedPih }, byIcv: new Map() };
      chains.set(egs, c);
    }
    return c;
  };

  const previous = (c: Chain, icv: number): { hash: string } | undefined => (icv - 1 === c.start.icv ? c.start : c.byIcv.get(icv - 1));

  return {
    check(egs: string, facts: DocumentFacts): ChainVerdict {
      if (facts.icvText === null) return { kind: 'broken', error: { ...CHAIN_ERRORS.icvMissing } };
      if (facts.icv === null) return { kind: 'broken', error: { ...CHAIN_ERRORS.icvDigits } };
      if (!facts.pih) return { kind: 'broken', error: { ...CHAIN_ERRORS.pihMissing } };
      const c = chainOf(egs);
      const icv = facts.icv;
      const same = c.byIcv.get(icv);
      if (same) {
        if (same.hash === facts.hash) return { kind: 'duplicate', document: structuredClone(same) };
        return { kind: 'broken', error: { ...CHAIN_ERRORS.reused, message: `ICV ${icv} was already used by another document (UUID ${same.uuid}): the chain forks.` } };
      }
      if (icv <= c.start.icv) {
        return { kind: 'broken', error: { ...CHAIN_ERRORS.reused, message: `ICV ${icv} is not after the chain's last known document (ICV ${c.start.icv}).` } };
      }
      const before = previous(c, icv);
      if (before && before.hash !== facts.pih) {
        return { kind: 'broken', error: { ...CHAIN_ERRORS.pih, message: `The PIH is not the hash of the document with ICV ${icv - 1}: the chain forks.` } };
      }
      if (!before && !options.outOfOrder) {
        return { kind: 'broken', error: { ...CHAIN_ERRORS.gap, message: `ICV ${icv} arrived, but ICV ${icv - 1} never did: the counter has a gap.` } };
      }
      const after = c.byIcv.get(icv + 1);
      if (after && after.pih !== facts.hash) {
        return { kind: 'broken', error: { ...CHAIN_ERRORS.pih, message: `The document with ICV ${icv + 1} names another PIH than this document's hash: the chain forks.` } };
      }
      return { kind: 'ok' };
    },

    /** Enters a document (any fate but a broken chain) or updates the one already there. */
    record(egs: string, facts: DocumentFacts, fate: DocumentFate, errors: string[]): ReceivedDocument {
      const c = chainOf(egs);
      const icv = facts.icv!;
      const existing = c.byIcv.get(icv);
      const doc: ReceivedDocument = existing
        ? { ...existing, fate: existing.fate === 'rejected' ? fate : existing.fate, received: existing.received + 1, errors: fate === 'rejected' ? errors : existing.errors }
        : { icv, uuid: facts.uuid ?? '', hash: facts.hash, pih: facts.pih ?? '', profile: facts.profile, typeCode: facts.typeCode ?? '', fate, received: 1, errors };
      c.byIcv.set(icv, doc);
      return structuredClone(doc);
    },

    /** The chain of `egs` continues after a document the simulator never saw (a test's fixture, a restarted simulator). */
    continueFrom(egs: string, icv: number, hash: string): void {
      chainOf(egs).start = { icv, hash };
    },

    documents(egs: string): ReceivedDocument[] {
      return [...(chains.get(egs)?.byIcv.values() ?? [])].sort((a, b) => a.icv - b.icv).map((d) => structuredClone(d));
    },

    all(): Record<string, ReceivedDocument[]> {
      const out: Record<string, ReceivedDocument[]> = {};
      for (const egs of chains.keys()) out[egs] = this.documents(egs);
      return out;
    },
  };
}
export type ChainBook = ReturnType<typeof createChainBook>;
