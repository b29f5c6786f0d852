/** User Timing marks the pane sets in the browser's performance timeline (seen in a profile, and by the benchmarks). */

/** Browser mode: the partner list's tables are read (downloaded and read by the reading workers). */
export const TABLES_READ_MARK = "PartnerFit: the partner list's tables read";
