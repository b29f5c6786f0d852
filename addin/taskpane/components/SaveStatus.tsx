/** What a tab's last save did: its success message, or the problems that kept it from writing anything. */
import { MessageBar } from "@fluentui/react-components";
import type { Saver } from "../hooks/useSaver";
import { useSession } from "../state/session";
import { ProblemList } from "./ProblemList";

export function SaveStatus({ saver }: { saver: Saver }) {
  // In a browser, a save is in the page's copy of the workbook; the file comes with Save as….
  const inPage = useSession().saveAs !== undefined;
  return (
    <>
      {saver.saved && (
        <MessageBar intent="success" role="status">
          {saver.saved}
          {inPage && " Kept in this page until Save as… downloads the file."}
        </MessageBar>
      )}
      <ProblemList title="Nothing was saved:" problems={saver.problems} />
    </>
  );
}
