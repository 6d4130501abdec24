// A customer's open invoices: number, due date, balance, days late and status (level due, hold,
// broken promise, announced payment not received). Every value is rendered as text by React.
import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { dayToFrench, dayToIso } from "../../src/core/day";
import { formatEuros } from "../../src/core/money";
import type { PlannedInvoice } from "../../src/core/plan";
import { usePane, useText } from "./paneContext";
import type { TextKey } from "../shared/i18n";

const useStyles = makeStyles({
  table: { marginInlineStart: tokens.spacingHorizontalXXL, width: "auto" },
  amount: { textAlign: "end" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

const HOLD_TEXT: Record<string, TextKey> = {
  dispute: "today.holdDispute",
  promise: "today.holdPromise",
  payment_announced: "today.holdPaymentAnnounced",
  awaiting_acceptance: "today.holdAcceptance",
};

export function InvoiceTable({ invoices, label }: { readonly invoices: readonly PlannedInvoice[]; readonly label: string }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const date = host.language === "fr" ? dayToFrench : dayToIso;
  return (
    <Table size="extra-small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("today.invoice")}</TableHeaderCell>
          <TableHeaderCell>{t("today.dueDate")}</TableHeaderCell>
          <TableHeaderCell className={styles.amount}>{t("today.balance")}</TableHeaderCell>
          <TableHeaderCell>{t("today.daysOverdue")}</TableHeaderCell>
          <TableHeaderCell>{t("today.status")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((p) => (
          <TableRow key={`${p.record.sheet}:${p.record.row}`} data-testid="invoice-row">
            <TableCell>{p.record.number}</TableCell>
            <TableCell>{date(p.record.dueDate)}</TableCell>
            <TableCell className={styles.amount}>{formatEuros(p.balance, host.language)}</TableCell>
            <TableCell>{p.daysOverdue > 0 ? p.daysOverdue : ""}</TableCell>
            <TableCell>
              <span className={styles.badges}>
                {p.hold !== null && p.hold !== "paid" ? (
                  <Badge appearance="tint" color="warning">{HOLD_TEXT[p.hold] ? t(HOLD_TEXT[p.hold]!) : t("today.holdOther", { hold: p.hold })}</Badge>
                ) : p.nextLevel !== null ? (
                  <span>{t("today.statusDue", { level: p.nextLevel })}</span>
                ) : (
                  <span>{p.daysOverdue > 0 ? t("today.statusWaiting") : t("today.statusNotDue")}</span>
                )}
                {p.brokenPromise && <Badge appearance="tint" color="danger">{t("today.brokenPromise")}</Badge>}
                {p.paymentNotReceived && <Badge appearance="tint" color="danger">{t("today.paymentNotReceived")}</Badge>}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
