// Journal: the last actions of the journal sheet, newest first, by customer or by invoice, filtered
// by a text, a level or a channel (SPEC section 4). Lines typed by hand show as the product's own.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { dayToFrench, dayToIso } from "../../../src/core/day";
import type { JournalEntry } from "../../../src/core/journalEntry";
import { parseReminderLevel, REMINDER_LEVELS, reminderLevelLabel } from "../../../src/core/reminderLevel";
import type { Channel } from "../../../src/core/reminderPolicy";
import { CHANNEL_EN } from "../../../src/core/senderCheck";
import { filterJournal, groupJournal, journalView, type JournalGroup } from "../../shared/journalView";
import { usePane, useText } from "../paneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "left", verticalAlign: "top" } },
  group: { marginBottom: tokens.spacingVerticalM },
  nowrap: { whiteSpace: "nowrap" },
});

const CHANNELS: readonly Channel[] = ["email", "courrier", "recommandé", "téléphone", "autre"];
/** Lines or groups shown before « show more »: a journal grows by thousands of lines a year. */
const PAGE = 100;

type Grouping = "lines" | "customer" | "invoice";

export function JournalScreen() {
  const styles = useStyles();
  const t = useText();
  const { host, sheets, revision } = usePane();
  const [text, setText] = useState("");
  const [level, setLevel] = useState("");
  const [channel, setChannel] = useState("");
  const [grouping, setGrouping] = useState<Grouping>("lines");
  const [shown, setShown] = useState(PAGE);
  const view = useMemo(() => journalView(sheets), [sheets, revision]);
  const entries = useMemo(
    () => filterJournal(view.entries, { text, level: level === "" ? undefined : parseReminderLevel(Number(level)), channel: channel === "" ? undefined : (channel as Channel) }),
    [view, text, level, channel],
  );
  const groups = useMemo(() => (grouping === "lines" ? [] : groupJournal(entries, grouping)), [entries, grouping]);
  const total = grouping === "lines" ? entries.length : groups.length;
  const channelLabel = (c: Channel): string => (host.language === "en" ? CHANNEL_EN[c] : c);

  return (
    <div className={styles.root}>
      <h2>{t("journal.heading")}</h2>
      {!view.found && (
        <MessageBar intent="info">
          <MessageBarBody>{t("journal.none")}</MessageBarBody>
        </MessageBar>
      )}
      {view.found && (
        <>
          <div className={styles.bar} role="search" aria-label={t("journal.filters")}>
            <Field label={t("journal.search")}>
              <Input value={text} onChange={(_e, data) => { setText(data.value); setShown(PAGE); }} data-testid="journal-search" />
            </Field>
            <Field label={t("today.level")}>
              <Select value={level} onChange={(_e, data) => { setLevel(data.value); setShown(PAGE); }}>
                <option value="">{t("journal.all")}</option>
                {REMINDER_LEVELS.map((l) => (
                  <option key={l} value={String(l)}>{reminderLevelLabel(l, host.language)}</option>
                ))}
              </Select>
            </Field>
            <Field label={t("journal.channel")}>
              <Select value={channel} onChange={(_e, data) => { setChannel(data.value); setShown(PAGE); }}>
                <option value="">{t("journal.all")}</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>{channelLabel(c)}</option>
                ))}
              </Select>
            </Field>
          </div>
          <TabList selectedValue={grouping} onTabSelect={(_e, data) => { setGrouping(data.value as Grouping); setShown(PAGE); }} aria-label={t("journal.grouping")}>
            <Tab value="lines">{t("journal.byDate")}</Tab>
            <Tab value="customer">{t("journal.byCustomer")}</Tab>
            <Tab value="invoice">{t("journal.byInvoice")}</Tab>
          </TabList>
          <Text role="status" data-testid="journal-count">
            {t(grouping === "lines" ? "journal.countLines" : "journal.countGroups", { shown: Math.min(shown, total), count: total, lines: entries.length })}
          </Text>
          {grouping === "lines" ? (
            <EntriesTable entries={entries.slice(0, shown)} caption={t("journal.byDate")} />
          ) : (
            groups.slice(0, shown).map((group) => <GroupSection key={group.key} group={group} by={grouping} />)
          )}
          {total > shown && (
            <Button onClick={() => setShown((n) => n + PAGE)}>{t("journal.more")}</Button>
          )}
          {view.rejected.length > 0 && (
            <details>
              <summary>{t("journal.rejected", { count: view.rejected.length })}</summary>
              <ul>
                {view.rejected.map((r) => (
                  <li key={`${r.row}-${r.column}`}>{t("journal.rejectedLine", { row: r.row, column: r.column, message: r.message })}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

function GroupSection({ group, by }: { readonly group: JournalGroup; readonly by: "customer" | "invoice" }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const id = `journal-group-${by}-${group.key.replace(/[^A-Za-z0-9]/g, "_")}`;
  const label = group.label === "" ? t("journal.noCustomer") : group.label;
  return (
    <section aria-labelledby={id} className={styles.group} data-testid="journal-group">
      <h3 id={id}>
        {by === "invoice" && group.customer !== undefined && group.customer !== "" ? `${label} — ${group.customer}` : label}
      </h3>
      <Text size={200}>
        {t("journal.groupSummary", {
          count: group.entries.length,
          date: host.language === "en" ? dayToIso(group.lastDate) : dayToFrench(group.lastDate),
          level: group.highestLevel === undefined ? "—" : reminderLevelLabel(group.highestLevel, host.language),
        })}
      </Text>
      <EntriesTable entries={group.entries} caption={label} hide={by} />
    </section>
  );
}

function EntriesTable({ entries, caption, hide }: { readonly entries: readonly JournalEntry[]; readonly caption: string; readonly hide?: "customer" | "invoice" }) {
  const styles = useStyles();
  const t = useText();
  const { host } = usePane();
  const en = host.language === "en";
  const day = (d: number | undefined): string => (d === undefined ? "" : en ? dayToIso(d) : dayToFrench(d));
  return (
    <table className={styles.table} data-testid="journal-lines">
      <caption style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("journal.date")}</th>
          {hide !== "customer" && <th scope="col">{t("journal.customer")}</th>}
          {hide !== "invoice" && <th scope="col">{t("today.invoice")}</th>}
          <th scope="col">{t("today.level")}</th>
          <th scope="col">{t("journal.channel")}</th>
          <th scope="col">{t("journal.details")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, i) => (
          <tr key={`${entry.row ?? i}`}>
            <td className={styles.nowrap}>{day(entry.date)}</td>
            {hide !== "customer" && <td>{entry.customer}</td>}
            {hide !== "invoice" && <td className={styles.nowrap}>{entry.invoice}</td>}
            <td>{entry.level === undefined ? "" : reminderLevelLabel(entry.level, host.language)}</td>
            <td>{entry.channel === undefined ? "" : en ? CHANNEL_EN[entry.channel] : entry.channel}</td>
            <td>
              {[
                entry.reference,
                entry.promiseDate === undefined ? undefined : t("journal.promise", { date: day(entry.promiseDate) }),
                entry.announcedPayment === undefined ? undefined : t("journal.announcedPayment", { date: day(entry.announcedPayment) }),
                entry.dispute === undefined ? undefined : t("journal.dispute", { state: entry.dispute }),
                entry.note,
                entry.user,
              ]
                .filter((part): part is string => part !== undefined && part !== "")
                .join(" · ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
