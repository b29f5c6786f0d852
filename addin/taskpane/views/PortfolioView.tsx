/**
 * The network at a glance: the tier mix against the 20% MVP goal, partners placed on potential ×
 * performance (a point or a list entry opens the partner), and performance to plan rolled up by
 * territory, region and channel manager, the quarter's review across the portfolio, plans by
 * realism, marketing funds (MDF) with the fund requests waiting on someone, the partners' credit
 * for won revenue with the leads past their SLA and the channel conflicts, and the quarter's QBR
 * decks for every partner of a filter. Loaded when first opened.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { todaySerial } from "../../../engine/excel/date";
import { placedPartners } from "../model/portfolio";
import { useNavigation } from "../state/navigation";
import { useData } from "../state/session";
import { useSummaries } from "../state/summaries";
import { AccountsCard } from "./portfolio/AccountsCard";
import { MdfCard } from "./portfolio/MdfCard";
import { QbrBatchCard } from "./portfolio/QbrBatchCard";
import { QuarterCard } from "./portfolio/QuarterCard";
import { RealismCard } from "./portfolio/RealismCard";
import { RollupCard } from "./portfolio/RollupCard";
import { SegmentCard } from "./portfolio/SegmentCard";
import { TierMixCard } from "./portfolio/TierMixCard";
import { WaitingCard } from "./portfolio/WaitingCard";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function PortfolioView() {
  const styles = useStyles();
  const data = useData();
  const summaries = useSummaries();
  const navigation = useNavigation();
  const { placed, unplaced } = useMemo(() => placedPartners(data, summaries), [data, summaries]);
  const today = useMemo(() => todaySerial(), []);
  const open = (id: string) => navigation.go("partner", id);
  return (
    <div className={styles.stack}>
      <TierMixCard summaries={summaries} />
      <SegmentCard placed={placed} unplaced={unplaced} onOpen={(id) => navigation.go("partner", id)} />
      <RollupCard data={data} />
      <QuarterCard data={data} onOpen={(id) => navigation.go("partner", id)} />
      <RealismCard data={data} summaries={summaries} onOpen={open} />
      <MdfCard data={data} today={today} />
      <WaitingCard data={data} today={today} onOpen={open} />
      <AccountsCard data={data} today={today} onOpen={open} />
      <QbrBatchCard data={data} today={today} />
    </div>
  );
}

export default PortfolioView;
