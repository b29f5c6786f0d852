/** An empty Partners table, as a workbook just set up has it: what to do next, and Add partner. */
import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddPartnerButton } from "./AddPartnerButton";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "start" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function NoPartnersCard({ sheet, onAdded }: { sheet: string; onAdded: (partner: { id: string; name: string }) => void }) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid="no-partners">
      <h2 className={styles.heading}>No partners yet</h2>
      <Text>
        The Partners table on {sheet} has no partners. Add your first partner here, or type partners into the table (a PartnerId and a Name on each row) and open the workbook again.
      </Text>
      <AddPartnerButton appearance="primary" onAdded={onAdded} />
    </Card>
  );
}
