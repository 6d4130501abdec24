// fast-check generators shared by the core's property tests.
import fc from "fast-check";
import type { PaymentTerms } from "../../src/core/paymentTerms";

/** Any payment terms the grammar can express. */
export const termsArb: fc.Arbitrary<PaymentTerms> = fc.oneof(
  fc.constant<PaymentTerms>({ kind: "immediate" }),
  fc.integer({ min: 0, max: 3650 }).map((days): PaymentTerms => ({ kind: "net", days })),
  fc.integer({ min: 0, max: 3650 }).map((days): PaymentTerms => ({ kind: "endOfMonthA", days })),
  fc
    .tuple(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 31 }))
    .map(([days, thenDay]): PaymentTerms => ({ kind: "endOfMonthA", days, thenDay })),
  fc.integer({ min: 0, max: 3650 }).map((days): PaymentTerms => ({ kind: "endOfMonthB", days })),
  fc.integer({ min: 1, max: 31 }).map((day): PaymentTerms => ({ kind: "dayOfNextMonth", day })),
);
