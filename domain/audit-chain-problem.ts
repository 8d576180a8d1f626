/**
 * What the audit-chain check found wrong (domain/audit-chain.ts `verifyAuditChain`). A file of its
 * own, without node:crypto, so the web app can word each finding.
 */
export type ChainProblem =
  /** The event's content no longer matches its hash. */
  | { readonly kind: 'edited'; readonly seq: number }
  /** Events are missing in the middle or at the end (deleted): the first and last missing seq. */
  | { readonly kind: 'missing'; readonly from: number; readonly to: number }
  /** The event does not link to the one before it (re-hashed after an edit, or spliced in). */
  | { readonly kind: 'broken_link'; readonly seq: number }
  /** An audit item with no place in the chain (no seq or hashes, or a key that disagrees with its seq). */
  | { readonly kind: 'unchained'; readonly sk: string }
  /** An event past the head on the case item: written without moving the head. */
  | { readonly kind: 'beyond_head'; readonly seq: number }
  /** The last event's hash is not the head on the case item. */
  | { readonly kind: 'head_mismatch'; readonly seq: number }
  /** Audit events whose case item is gone: their tail cannot be checked against a head. */
  | { readonly kind: 'no_head' };
