/** What a tab's last save did: its success message, or the problems that kept it from writing anything. */
import { MessageBar } from "@fluentui/react-components";
import type { Saver } from "../hooks/useSaver";
import { ProblemList } from "./ProblemList";

export function SaveStatus({ saver }: { saver: Saver }) {
  return (
    <>
      {saver.saved && (
        <MessageBar intent="success" role="status">
          {saver.saved}
        </MessageBar>
      )}
      <ProblemList title="Nothing was saved:" problems={saver.problems} />
    </>
  );
}
