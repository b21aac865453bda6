/** The city's signed word that it applied a bundle: what the ward keeps to prove what was sent. */
import { z } from 'zod';
import { signDocument, verifyDocument } from '../keys/documents';

export const receiptSchema = z.object({
  type: z.literal('wardplan-receipt'),
  v: z.literal(1),
  cityCode: z.string(),
  cityKeyId: z.string(),
  wardCode: z.string(),
  bundleId: z.string(),
  manifestSha256: z.string(),
  origin: z.string(),
  seqFrom: z.number().int(),
  seqTo: z.number().int(),
  changes: z.number().int(),
  appliedAt: z.string(),
  signature: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export function signReceipt(cityKey: { privateKeyPem: string }, fields: Omit<Receipt, 'type' | 'v' | 'signature'>): Receipt {
  return signDocument(cityKey, { type: 'wardplan-receipt' as const, v: 1 as const, ...fields }) as Receipt;
}

export function verifyReceipt(obj: unknown, cityPublicKey: string): Receipt | null {
  const r = receiptSchema.safeParse(obj);
  if (!r.success) return null;
  return verifyDocument(obj, cityPublicKey) ? r.data : null;
}
