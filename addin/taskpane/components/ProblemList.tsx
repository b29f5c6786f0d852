/** A report of workbook problems, each naming its table, row, column and cell; a long report opens on demand. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem } from "../../workbook/snapshot";
import { ShortList } from "./ShortList";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: "12rem", overflowY: "auto" },
});

const SHOWN = 50;

/** A problem in one line: where (table, row, cell), then what. A message that starts by naming its table is not prefixed with it again. */
export function describeProblem(p: Problem): string {
  const named = p.row === undefined && !p.cell && !!p.table && p.message.startsWith(p.table) && /^[:, ]/.test(p.message.slice(p.table.length));
  const where = [!named && p.table, p.row !== undefined && `row ${p.row}`, p.cell && `(${p.cell})`].filter(Boolean).join(" ");
  return where ? `${where}: ${p.message}` : p.message;
}

export function ProblemList(props: { title: string; problems: readonly Problem[]; intent?: "error" | "warning" }) {
  const styles = useStyles();
  if (!props.problems.length) return null;
  return (
    <MessageBar intent={props.intent ?? "error"} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        <ShortList className={styles.list} items={props.problems} shown={SHOWN} render={describeProblem} keyOf={(_, i) => i} noun="problems" />
      </MessageBarBody>
    </MessageBar>
  );
}
