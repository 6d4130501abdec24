// The worklist by level, virtualised (@tanstack/react-virtual): only the rows in view are in the
// page, so that 100,000 invoices paint as fast as a hundred. Each customer can be ticked, expanded
// to its invoices, and given a forced level.
import { Button, Checkbox, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { formatEuros } from "../../src/core/money";
import type { Plan } from "../../src/core/plan";
import { REMINDER_LEVELS, reminderLevelLabel, type ReminderLevel } from "../../src/core/reminderLevel";
import { InvoiceTable } from "./InvoiceTable";
import { usePane, useText } from "./paneContext";
import { heldCustomers, openInvoices, worklistRows, type WorklistRow } from "./worklistRows";

const useStyles = makeStyles({
  scroller: { height: "min(60vh, 560px)", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  inner: { position: "relative", width: "100%" },
  row: { position: "absolute", top: 0, left: 0, width: "100%", boxSizing: "border-box", paddingInline: tokens.spacingHorizontalS },
  heading: { margin: 0, paddingBlock: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase400, background: tokens.colorNeutralBackground3 },
  customer: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS, minHeight: "40px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  name: { flexGrow: 1, minWidth: "10em" },
  level: { width: "11em" },
});

export interface WorklistProps {
  readonly plan: Plan;
  /** The customers left out of the next action, by key (everyone else is ticked). */
  readonly unticked: ReadonlySet<string>;
  readonly forced: ReadonlyMap<string, ReminderLevel>;
  onToggle(key: string, ticked: boolean): void;
  onForce(key: string, level: ReminderLevel | undefined): void;
}

export function Worklist({ plan, unticked, forced, onToggle, onForce }: WorklistProps) {
  const styles = useStyles();
  const t = useText();
  const { host, revision } = usePane();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const held = useMemo(() => heldCustomers(plan), [plan]);
  const rows = useMemo(() => worklistRows(plan, held, expanded), [plan, held, expanded]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(rows[i]!),
    overscan: 8,
    getItemKey: (i) => rowKey(rows[i]!, i),
    initialRect: { width: 600, height: 560 },
  });
  const toggleExpanded = (key: string): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const renderRow = (row: WorklistRow) => {
    switch (row.kind) {
      case "level":
        return (
          // elementtiming: the benchmark reads when the worklist's first text is painted (Element Timing).
          <h4 className={styles.heading} {...{ elementtiming: "worklist" }}>
            {reminderLevelLabel(row.level, host.language)} · {t("today.customers", { count: row.customers })}
          </h4>
        );
      case "held":
        return (
          <h4 className={styles.heading} title={t("today.heldNote")}>
            {t("today.held")} · {t("today.customers", { count: row.customers })}
          </h4>
        );
      case "invoices":
        return <InvoiceTable invoices={row.invoices} label={row.name} />;
      case "heldCustomer":
        return (
          <div className={styles.customer} data-testid="held-customer">
            <Text className={styles.name}>{row.name}</Text>
            <Button size="small" appearance="subtle" aria-expanded={expanded.has(row.key)} aria-label={t("today.expand", { customer: row.name })} onClick={() => toggleExpanded(row.key)}>
              {expanded.has(row.key) ? "▾" : "▸"} {t("today.invoiceCount", { count: String(row.invoices.length) })}
            </Button>
          </div>
        );
      case "customer": {
        const { action } = row;
        const key = action.customerKey;
        const name = action.customer.name;
        const level = forced.get(key);
        return (
          <div className={styles.customer} data-testid="worklist-customer" data-customer={name} data-level={action.level}>
            <Checkbox
              className={styles.name}
              checked={!unticked.has(key)}
              onChange={(_e, data) => onToggle(key, data.checked === true)}
              label={`${name} — ${formatEuros(action.balance, host.language)}`}
            />
            <Select
              className={styles.level}
              size="small"
              aria-label={t("today.forceLevel", { customer: name })}
              value={level === undefined ? "" : String(level)}
              onChange={(_e, data) => onForce(key, data.value === "" ? undefined : (Number(data.value) as ReminderLevel))}
            >
              <option value="">{`${reminderLevelLabel(action.level, host.language)} (${t("today.planned")})`}</option>
              {REMINDER_LEVELS.map((l) => (
                <option key={l} value={String(l)}>{reminderLevelLabel(l, host.language)}</option>
              ))}
            </Select>
            <Button size="small" appearance="subtle" aria-expanded={expanded.has(key)} aria-label={t("today.expand", { customer: name })} onClick={() => toggleExpanded(key)}>
              {expanded.has(key) ? "▾" : "▸"} {t("today.invoiceCount", { count: String(openInvoices(action.account.invoices).length) })}
            </Button>
          </div>
        );
      }
    }
  };

  if (rows.length === 0) return <Text data-testid="worklist-empty">{t("today.worklistEmpty")}</Text>;
  return (
    <div ref={scroller} className={styles.scroller} data-testid="worklist" data-revision={revision} tabIndex={0} aria-label={t("today.worklist")} role="region">
      <div role="list" className={styles.inner} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={styles.row}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {renderRow(rows[item.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}

function estimate(row: WorklistRow): number {
  if (row.kind === "invoices") return 32 + 28 * row.invoices.length;
  return row.kind === "level" || row.kind === "held" ? 40 : 44;
}

function rowKey(row: WorklistRow, index: number): string {
  switch (row.kind) {
    case "level": return `level-${row.level}`;
    case "held": return "held";
    case "customer": return `c-${row.action.customerKey}`;
    case "heldCustomer": return `h-${row.key}`;
    case "invoices": return `i-${row.key}-${index}`;
  }
}
