/** Tasks of the sample partners' business plans, due around the reference date, done or not. */
import type { Random } from "../../engine/random";
import { AS_OF, type Partner, pick } from "./partners";
import { addDays, chance, happens, strength } from "./shape";

export interface TaskRow {
  partnerId: string;
  task: string;
  due: Date;
  owner: string;
  done: Date | null;
}

const TASKS = [
  "Quarterly business review",
  "Joint webinar",
  "Sales certification for two reps",
  "Register first deal of the quarter",
  "Submit marketing plan and MDF request",
  "Update end-customer account plan",
  "Technical certification",
  "Co-branded case study",
  "Trade show follow-up calls",
  "Pipeline review with partner sales director",
];

export function sampleTasks(random: Random, partners: readonly Partner[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const partner of partners) {
    if (partner.status === "Prospect") continue;
    const s = strength(partner);
    const count = 2 + random.int(4);
    const used = new Set<string>();
    for (let t = 0; t < count; t++) {
      let task: string;
      do task = pick(random, TASKS);
      while (used.has(task));
      used.add(task);
      const due = addDays(AS_OF, -80 + random.int(160));
      const owner = happens(random, 0.6) ? partner.channelManager : "Partner";
      let done: Date | null = null;
      if (due.getTime() <= AS_OF.getTime() && happens(random, chance(0.8 + 1.2 * s))) {
        done = addDays(due, Math.min(random.int(15) - 7, Math.round((AS_OF.getTime() - due.getTime()) / 86_400_000)));
      } else if (due.getTime() > AS_OF.getTime() && happens(random, 0.15)) {
        done = addDays(AS_OF, -random.int(20));
      }
      rows.push({ partnerId: partner.id, task, due, owner, done });
    }
  }
  return rows;
}
