/**
 * The workbook the task pane works on, through either adapter: read once, validate, and save a
 * batch of changes whole (or not at all).
 */
import type { Change, Deletion, WritePlan } from "./plan";
import { indexTables, planChanges } from "./plan";
import type { PlainRange } from "./ranges";
import { SCHEMA, type TableName, type TableSchema } from "./schema";
import type { SheetSpec } from "./sheet";
import { type Problem, type RawTable, type WorkbookSnapshot, completeSnapshot, partialSnapshot, snapshotOf } from "./snapshot";

/** What a workbook store can do; the Office.js and .xlsx adapters implement it the same way. */
export interface WorkbookAdapter {
  /** Reads every schema table the workbook has, in one round trip. */
  read(): Promise<RawTable[]>;
  /**
   * The tables read when the adapter was opened, when it read only some first (a file: those the
   * partner list shows), with the names of the schema tables it left for `readRest`. Handed out once.
   */
  readFirst?(): { tables: RawTable[]; pending: string[] } | undefined;
  /** Reads the schema tables `readFirst` left. */
  readRest?(): Promise<RawTable[]>;
  /** Writes a validated plan in one round trip. */
  write(plan: WritePlan): Promise<void>;
  /**
   * Creates the given tables (headers, data validation, number formats) in one round trip; a table
   * with a range in `from` is made of that range's cells instead, which stay as they are.
   */
  create(tables: readonly TableSchema[], from?: readonly PlainRange[]): Promise<void>;
  /** The plain ranges (a table's headers over cells, not a table) of the given tables (see ranges.ts). */
  findRanges?(tables: readonly TableSchema[]): Promise<PlainRange[]>;
  /** Writes a sheet the add-in owns (such as a QBR), replacing a sheet of that name whole. */
  writeSheet(sheet: SheetSpec): Promise<void>;
  /** Puts right what the workbook needs before it is read (Excel: formulas showing #NAME?); says what it did, if anything. */
  prepare?(): Promise<string | undefined>;
  /** What a first save of the tables needs made ready ahead of it (a file's sheets read into rows), as steps. */
  warmSteps?(): (() => Promise<void>)[];
  /** Gets the changes ready for the file to be written (a file's changed parts deflated), ahead of Save as. */
  prepareSave?(): Promise<void>;
  /** How the adapter deletes a table row (see Deletion); `remove` when not said. */
  readonly deletion?: Deletion;
}

/**
 * A change the workbook cannot take as it is (a protected sheet, content in the way of a table's
 * new rows, a table changed since it was read); nothing was written. The message names the sheet,
 * table and cell, and says what to do.
 */
export class WorkbookWriteError extends Error {
  override readonly name = "WorkbookWriteError";
}

/** What a save did to the partner records (the add-in's PartnerScores table aside): `cells` updated, `rows` added and `deleted`; or why it did nothing. */
export type SaveResult = { ok: true; cells: number; rows: number; deleted: number } | { ok: false; problems: Problem[] };

export class PartnerWorkbook {
  /** The work on the workbook, one operation after another: each is planned on the workbook the one before left. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly adapter: WorkbookAdapter,
    private current: WorkbookSnapshot,
    /** What opening did to the workbook, for the user to know (formulas re-entered). */
    readonly notice?: string,
  ) {}

  /**
   * Runs `work` after every operation started before it (two tabs saving at once take turns), on
   * the whole workbook: tables left to read after opening are read first.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const whole = async () => {
      await this.readPending();
      return work();
    };
    const next = this.queue.then(whole, whole);
    this.queue = next.catch(() => undefined);
    return next;
  }

  static async open(adapter: WorkbookAdapter): Promise<PartnerWorkbook> {
    // A repair that fails leaves the workbook as it was: opening goes on without it.
    const notice = await adapter.prepare?.().catch(() => undefined);
    const first = adapter.readFirst?.();
    const snapshot = first ? partialSnapshot(first.tables, first.pending) : snapshotOf(await adapter.read());
    return new PartnerWorkbook(adapter, snapshot, notice);
  }

  /** Reads the tables opening left for later (if any); the snapshot is then whole and checked. */
  complete(): Promise<WorkbookSnapshot> {
    return this.inTurn(async () => this.current);
  }

  private async readPending(): Promise<void> {
    if (!this.current.pending?.length) return;
    if (!this.adapter.readRest) throw new Error("the workbook's other tables cannot be read");
    this.current = completeSnapshot(this.current, await this.adapter.readRest());
  }

  get snapshot(): WorkbookSnapshot {
    return this.current;
  }

  /**
   * Makes the first save quick by doing its preparation now (the page calls it when idle): the
   * tables' key indexes, and whatever the adapter needs. It goes a step at a time, giving way to
   * any save asked for meanwhile, which does for itself what it needs and was not ready.
   */
  async warm(): Promise<void> {
    const steps = [
      ...[...this.current.tables.values()].map((table) => () => indexTables(this.current, [table.schema.name])),
      ...(this.adapter.warmSteps?.() ?? []),
    ];
    for (const step of steps) {
      await this.inTurn(async () => step());
      // Operations asked for meanwhile (a save) go first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.queue;
    }
  }

  /** Gets the saved changes ready for the file to be written, so that Save as finds the work done (the page calls it when idle). */
  prepareSave(): Promise<void> {
    return this.inTurn(async () => {
      await this.adapter.prepareSave?.();
    });
  }

  /** Reads the workbook again (after it was edited outside the task pane). */
  reload(): Promise<WorkbookSnapshot> {
    return this.inTurn(async () => {
      this.current = snapshotOf(await this.adapter.read());
      this.ranges = undefined;
      return this.current;
    });
  }

  /** Validates the whole batch, then writes it in one go; nothing is written if anything is wrong. */
  save(changes: readonly Change[]): Promise<SaveResult> {
    return this.inTurn(() => this.saveNow(changes));
  }

  private async saveNow(changes: readonly Change[]): Promise<SaveResult> {
    const planned = planChanges(this.current, changes, this.adapter.deletion);
    if (!planned.ok) return planned;
    const { plan } = planned;
    if (plan.tables.length) await this.adapter.write(plan);
    this.current = planned.snapshot;
    // The counts tell the user what happened to their records; the add-in's own table (its
    // formulas rewritten with every save) is bookkeeping, not counted.
    // A blank row a new record filled counts as a row added, not as cells updated.
    const theirs = plan.tables.filter((t) => !this.current.tables.get(t.table)?.schema.owned);
    return {
      ok: true,
      cells: theirs.reduce((n, t) => n + t.updates.filter((u) => !t.filled.includes(u.row)).length, 0),
      rows: theirs.reduce((n, t) => n + t.appends.length + t.filled.length, 0),
      deleted: theirs.reduce((n, t) => n + t.deletes.length, 0),
    };
  }

  /** Writes a sheet the add-in owns; it never touches the partner tables. */
  writeSheet(sheet: SheetSpec): Promise<void> {
    return this.inTurn(async () => {
      if (this.current.tables.size && [...this.current.tables.values()].some((t) => t.sheet.toLowerCase() === sheet.name.toLowerCase())) {
        throw new Error(`the sheet ${sheet.name} holds a partner table; choose another name`);
      }
      await this.adapter.writeSheet(sheet);
    });
  }

  /** The plain ranges found for the tables the workbook lacks, searched once until the workbook changes. */
  private ranges?: Promise<readonly PlainRange[]>;

  /**
   * Partner data the workbook keeps as plain ranges — cells under a row of a missing table's
   * headers, not an Excel table — which Set up workbook makes those tables. Each range says when it
   * cannot become one as it is (merged cells, another table in the way), and why.
   */
  plainRanges(): Promise<readonly PlainRange[]> {
    this.ranges ??= this.inTurn(async () => {
      const missing = SCHEMA.filter((t) => this.current.missing.includes(t.name));
      // A search that fails finds nothing: set up then adds the tables, as it would without one.
      return missing.length && this.adapter.findRanges ? this.adapter.findRanges(missing).catch(() => []) : [];
    });
    return this.ranges;
  }

  /**
   * Creates the tables the workbook lacks (only those of `only`, when given), with headers, data
   * validation and number formats; a missing table kept as a plain range is made of that range's
   * cells instead. Says which tables it made.
   */
  setUp(only?: readonly TableName[]): Promise<readonly string[]> {
    const ranges = this.plainRanges();
    return this.inTurn(async () => {
      const missing = SCHEMA.filter((t) => this.current.missing.includes(t.name) && (!only || only.includes(t.name)));
      if (missing.length) {
        const from = (await ranges).filter((r) => !r.blocked && missing.some((t) => t.name === r.table));
        try {
          await this.adapter.create(missing, from);
        } finally {
          // Made or not, the ranges are searched again: the workbook may have changed.
          this.ranges = undefined;
        }
        this.current = snapshotOf(await this.adapter.read());
      }
      return missing.map((t) => t.name);
    });
  }
}
