/**
 * Fund requests waiting on someone: submitted ones on the vendor's approver, approved ones on the
 * partner's claim (with proof of performance), claimed ones on finance's payment — how many, how
 * much and how long, with the longest-waiting requests and a way to open their partner.
 */
import { Button, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { PartnerData } from "../../../workbook/records";
import { ShortList } from "../../components/ShortList";
import { formatAmount } from "../../model/format";
import { waitingRequests } from "../../model/portfolio-funds";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBlockStart: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  partner: { minWidth: 0, paddingInline: 0, textAlign: "start" },
});

/** Requests listed per group before the list opens. */
const SHOWN = 3;

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export function WaitingCard({ data, today, onOpen }: { data: PartnerData; today: number; onOpen: (partnerId: string) => void }) {
  const styles = useStyles();
  const groups = useMemo(() => waitingRequests(data, today), [data, today]);
  return (
    <Card className={styles.card} data-testid="waiting-card">
      <Text as="h3" size={400} weight="semibold">
        Fund requests waiting
      </Text>
      <Text size={200} className={styles.muted}>
        Requests of every fund type and period, by whom they wait on; age counts from the day the request reached its state.
      </Text>
      {groups.map((g) => (
        <section key={g.state} className={styles.group} aria-label={`Waiting on ${g.on.toLowerCase()}`} data-testid={`waiting-${g.state}`}>
          <Text weight="semibold">
            {g.on}: {g.what}
          </Text>
          <Text data-testid="waiting-figures">
            {g.count
              ? `${g.count} ${g.state} ${g.count === 1 ? "request" : "requests"}, ${formatAmount(g.amount)}${g.oldest === null ? "" : `; oldest ${days(g.oldest)}`}${g.undated ? ` (${g.undated} without a date)` : ""}.`
              : `No ${g.state} request.`}
          </Text>
          {g.count > 0 && (
            <ShortList
              className={styles.list}
              items={g.requests}
              shown={SHOWN}
              keyOf={(r, i) => `${r.requestId}|${i}`}
              noun={`${g.state} requests`}
              render={(r) => (
                <>
                  <Button appearance="transparent" size="small" className={styles.partner} onClick={() => onOpen(r.partnerId)}>
                    {r.name}
                  </Button>{" "}
                  <Text size={200}>
                    {r.requestId} · {r.fundType} {r.period} · {formatAmount(r.amount)} · {r.age === null ? "no date" : days(r.age)}
                  </Text>
                </>
              )}
            />
          )}
        </section>
      ))}
    </Card>
  );
}
