/**
 * PartnerFit's command line (`npx partnerfit …`, built into dist/cli.cjs by `npm run build`):
 * today one command, `qbr`, which writes the quarter's QBR deck of every partner of a filter.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { TIERS } from "../../engine/tier";
import {
  INDEX_FILE,
  type QbrBatchOptions,
  QbrBatchError,
  batchQuarter,
  type QbrDecksResult,
  type QbrFilter,
  eachDeck,
  filterText,
  indexCsv,
  partnerDataOf,
  qbrZip,
} from "../qbr/batch";
import { WorkbookOpenError } from "../workbook/open-error";

export const USAGE = `Usage: partnerfit qbr <workbook.xlsx> --quarter <quarter> --out <folder> [options]

Builds the quarter's QBR deck (PowerPoint, .pptx) of every partner in the workbook, or of the
partners of a region, a channel manager or a tier, into a folder: one deck per partner named
"<PartnerId> <Partner name> <quarter>.pptx", and ${INDEX_FILE} listing each partner's file or why
it has none.

Options:
  --quarter <quarter>  the quarter reviewed, e.g. 2026-Q4 (required)
  --out <folder>       where the decks go; made if missing (required)
  --region <region>    only the partners of this region (the Partners table's Region)
  --manager <name>     only the partners of this channel manager (ChannelManager)
  --tier <tier>        only the partners of this tier, as the partner list shows it
                       (${TIERS.map((t) => t.id).join(", ")})
  --zip                one .zip holding the decks and ${INDEX_FILE} instead of separate files
  -h, --help           this text

Filters compare ignoring case; given together, a partner must match them all.
Exit codes: 0 done (some partners may be skipped: see ${INDEX_FILE}), 1 an error,
2 a mistake in the command, 130 stopped with Ctrl+C.

Example:
  npx partnerfit qbr samples/partners.xlsx --quarter 2026-Q4 --out decks/ --region EMEA --zip
`;

const HELP = `PartnerFit: channel partner management models for Excel.

Commands:
  qbr    the quarter's QBR deck of every partner of a filter (partnerfit qbr --help)

${USAGE}`;

/** Where the command writes; a test or another program can pass its own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether `out` is a terminal (progress rewrites one line there, and prints a line now and then elsewhere). */
  tty: boolean;
  signal?: AbortSignal;
}

/** A mistake in the command line itself (exit code 2). */
class UsageError extends Error {}
/** Something the person running the command can fix: a missing file, a file where a folder goes. */
class CliError extends Error {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        quarter: { type: "string" },
        out: { type: "string" },
        region: { type: "string" },
        manager: { type: "string" },
        tier: { type: "string" },
        zip: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`there is no option ${option}.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${option?.split(" ")[0] ?? "an option"} needs a value.`);
    throw new UsageError((e as Error).message);
  }
}

/** The workbook's bytes, or an error that says what is wrong with the path. */
function readWorkbook(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`there is no file ${file}.`);
  }
  if (stat.isDirectory()) throw new CliError(`${file} is a folder, not a workbook.`);
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw new CliError(`${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? "unknown error"}).`);
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function qbr(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("name the workbook: partnerfit qbr <workbook.xlsx> --quarter 2026-Q4 --out decks/");
  if (positionals.length > 1) throw new UsageError(`one workbook at a time (got ${positionals.map((p) => `"${p}"`).join(", ")}).`);
  if (!values.quarter) throw new UsageError("say which quarter: --quarter 2026-Q4.");
  if (!values.out) throw new UsageError("say where the decks go: --out <folder>.");

  const file = positionals[0];
  const out = values.out;
  const filter: QbrFilter = { region: values.region, manager: values.manager, tier: values.tier };
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new CliError(`--out ${out} is a file; name a folder.`);

  // A wrong quarter is said before the workbook is read.
  batchQuarter(values.quarter);
  const started = Date.now();
  const data = await partnerDataOf(readWorkbook(file));
  let lastLine = 0;
  const options: QbrBatchOptions = {
    quarter: values.quarter,
    filter,
    signal: io.signal,
    onProgress: ({ done, total, partner }) => {
      if (!partner) {
        io.out(`Building ${total} QBR deck${total === 1 ? "" : "s"} for ${filterText(filter)}…\n`);
        return;
      }
      const line = `  ${done}/${total}  ${partner.id} ${partner.name}`;
      if (io.tty) io.out(`\r${line.slice(0, 78).padEnd(lastLine)}${done === total ? "\n" : ""}`);
      else if (done === total || done % 25 === 0) io.out(`${line}\n`);
      lastLine = Math.min(line.length, 78);
    },
  };
  // The folder is made once there is something to put in it: an error leaves nothing behind.
  const made = () => fs.mkdirSync(out, { recursive: true });

  let result: QbrDecksResult;
  let wrote: string;
  if (values.zip) {
    const zipped = await qbrZip(data, options);
    if (zipped.status === "done") {
      wrote = path.join(out, zipped.fileName);
      made();
      fs.writeFileSync(wrote, zipped.zip);
    } else wrote = "";
    result = zipped;
  } else {
    result = await eachDeck(data, options, ({ file: name, bytes }) => {
      made();
      fs.writeFileSync(path.join(out, name), bytes);
    });
    if (result.status === "done") {
      made();
      fs.writeFileSync(path.join(out, INDEX_FILE), indexCsv(result.quarter, result.files, result.skipped));
    }
    wrote = out;
  }

  if (result.status === "cancelled") {
    if (io.tty) io.out("\n");
    io.err(
      values.zip
        ? `Stopped after ${result.done} of ${result.total} decks; no zip was written.\n`
        : `Stopped after ${result.done} of ${result.total} decks; the decks made so far are in ${out} (no ${INDEX_FILE}).\n`,
    );
    return 130;
  }
  const { files, skipped, quarter } = result;
  io.out(
    `${files.length} deck${files.length === 1 ? "" : "s"} for ${quarter} (${filterText(filter)}) in ${seconds(Date.now() - started)}: ` +
      `${values.zip ? wrote : `${out}${out.endsWith(path.sep) ? "" : path.sep}`}\n`,
  );
  if (skipped.length) {
    io.out(`${skipped.length} partner${skipped.length === 1 ? "" : "s"} skipped:\n`);
    for (const s of skipped) io.out(`  ${s.partner.id} ${s.partner.name}: ${s.reason}\n`);
  }
  return 0;
}

/** Runs the command line `args` (without `node` and the script); resolves to the exit code. */
export async function main(args: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === "qbr") return await qbr(rest, io);
    throw new UsageError(`there is no command "${command}"; the one command is qbr (partnerfit --help).`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`partnerfit: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // The messages of these errors are written for the person who ran the command.
    if (e instanceof WorkbookOpenError || e instanceof QbrBatchError || e instanceof CliError) {
      io.err(`partnerfit: ${e.message}\n`);
      return 1;
    }
    // A file system's refusal (no space, no permission) or a fault of PartnerFit's own.
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`partnerfit: stopped on an unexpected error: ${code ? `${code}, ` : ""}${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** The entry point of dist/cli.cjs. */
export function run(): void {
  const controller = new AbortController();
  // Ctrl+C stops between decks (a second one stops at once).
  process.once("SIGINT", () => {
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), tty: !!process.stdout.isTTY, signal: controller.signal };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`partnerfit: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
