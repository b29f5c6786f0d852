/** Task tracking for the actions of a partner's business plan. */
import { guard } from "../error";
import { type Clock, systemClock, todaySerial } from "../excel/date";
import { checkDate } from "./performance";

export const TASK_STATES = ["Done", "Past due", "Due soon", "Pending"] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** A task due within this many days of today is "Due soon". */
export const DUE_SOON_DAYS = 14;

/**
 * `PARTNER.TASKSTATUS`: "Done" when `done` holds a completion date (or TRUE); otherwise "Past due"
 * when the due day is before `asOf` (default today by `clock`), "Due soon" when it is at most 14
 * days ahead, else "Pending". A task without a due date (`null`) is "Pending". Days count whole.
 */
export const taskStatus = guard(
  (due: number | null, done: number | boolean | null, asOf?: number | null, clock: Clock = systemClock): TaskState => {
    if (typeof done === "number") checkDate(done, "done");
    if (due !== null) checkDate(due, "due");
    if (asOf !== null && asOf !== undefined) checkDate(asOf, "as_of");
    if (done === true || typeof done === "number") return "Done";
    if (due === null) return "Pending";
    const today = Math.floor(asOf ?? todaySerial(clock));
    const days = Math.floor(due) - today;
    if (days < 0) return "Past due";
    return days <= DUE_SOON_DAYS ? "Due soon" : "Pending";
  },
);
