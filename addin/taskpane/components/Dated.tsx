/**
 * Text with YYYY-MM-DD dates in it, each kept on one line: browsers may break a line after a
 * date's hyphen, and "2026-12-" / "07" at the end of one line and the start of the next is hard to read.
 */
import type { ReactNode } from "react";

const DATE = /(\d{4}-\d{2}-\d{2})/;

export function Dated({ children }: { children: string }): ReactNode {
  return children.split(DATE).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} style={{ whiteSpace: "nowrap" }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}
