// A run carried out from its plan, host-free: the sender refusal before any document, the journal
// lines that name each document, the history first and nothing the journal holds already.
import { beforeAll, describe, expect, it } from "vitest";
import type { JournalEntry } from "../../src/core/journalEntry";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { MemoryDocumentSink } from "../../src/engine/memoryDocumentSink";
import { runDecision } from "../../src/engine/runDecision";
import { runJournalLines } from "../../src/engine/runJournalLines";
import { runPlan } from "../../src/engine/runPlan";
import type { TemplateStore } from "../../src/engine/templateStore";
import { emlDelivery } from "../../src/node/emlDelivery";
import { sampleReminders } from "../documents/sampleReminders";
import { shippedTemplates } from "./shippedTemplates";

let templates: TemplateStore;
beforeAll(async () => {
  templates = await shippedTemplates();
});

describe("the run's decision", () => {
  it("refuses a plan whose documents need settings the sender lacks, naming each", async () => {
    const { plan } = await sampleReminders();
    const decision = runDecision(plan, DEFAULT_SETTINGS);
    expect(decision.go).toBe(false);
    expect(decision.go === false && decision.missing.map((m) => m.key)).toContain("societe_raison_sociale");
  });

  it("goes ahead with a complete sender", async () => {
    const { plan, settings } = await sampleReminders();
    expect(runDecision(plan, settings)).toEqual({ go: true });
  });

  it("a refused run makes no document and no journal line", async () => {
    const { plan } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const outcome = await runPlan({ plan, settings: DEFAULT_SETTINGS, journal: [], history: [] }, { templates, sink, mail: emlDelivery(sink) });
    expect(outcome.refused?.length).toBeGreaterThan(0);
    expect(sink.files.size).toBe(0);
  });
});

describe("the run's journal lines", () => {
  it("one line per invoice due, at its level, naming the document it went into", async () => {
    const { plan, settings } = await sampleReminders();
    const sink = new MemoryDocumentSink();
    const outcome = await runPlan({ plan, settings, journal: [], history: [], user: "compta" }, { templates, sink, mail: emlDelivery(sink) });
    if (outcome.refused !== undefined) throw new Error("refused");
    const due = plan.actions.flatMap((a) => a.due.map((d) => ({ invoice: d.invoice.record.number, level: d.level, customerKey: a.customerKey })));
    expect(outcome.journalLines.map((l) => [l.invoice, l.level])).toEqual(due.map((d) => [d.invoice, d.level]));
    for (const [i, line] of outcome.journalLines.entries()) {
      expect(line.reference).toBe(outcome.documents.documents.get(due[i]!.customerKey)!.reference);
      expect(sink.files.has(line.reference!), line.reference).toBe(true);
      expect(line.user).toBe("compta");
      expect(line.date).toBe(plan.asOf);
    }
  });

  it("puts the manual workflow's history first, and adds no line the journal holds already", async () => {
    const { plan } = await sampleReminders();
    const action = plan.actions.find((a) => a.due.length > 0)!;
    const documents = new Map([[action.customerKey, { reference: "courriers/x.docx", channel: action.channel }]]);
    const history: JournalEntry = { date: plan.asOf - 30, customer: "SCI Ancienne", invoice: "H-1", level: 1, channel: "courrier" };
    const lines = runJournalLines({ plan, journal: [], history: [history], documents });
    expect(lines[0]).toEqual(history);
    expect(lines.length).toBe(1 + plan.actions.reduce((n, a) => n + a.due.length, 0));
    const again = runJournalLines({ plan, journal: lines, history: [history], documents });
    expect(again).toEqual([]);
  });
});
