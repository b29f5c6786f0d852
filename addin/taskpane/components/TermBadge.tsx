/**
 * A badge with a short label (MVP, Develop, Onboarding) that says what it means in a tooltip, and
 * the legend of all such labels. Tooltips, the words they hold and the legend's popover come in a
 * chunk of their own: until it is there (a moment after the list first shows), the badge is a
 * plain badge.
 */
import { Badge, type BadgeProps, Text } from "@fluentui/react-components";
import { Suspense, lazy } from "react";

const tooltips = () => import(/* webpackChunkName: "terms" */ "./terms/TermTooltips");
const TooltipBadge = lazy(() => tooltips().then((m) => ({ default: m.TooltipBadge })));
const Legend = lazy(() => tooltips().then((m) => ({ default: m.Legend })));

/** A label the legend knows: a tier, a segment or a life stage (none: a plain badge). */
export interface BadgeTerm {
  kind: "tier" | "segment" | "stage";
  id: string | null | undefined;
}

/** `term` is what the badge shows, whose meaning the tooltip says; `focusable` lets the keyboard reach the badge for it. */
export function TermBadge(props: BadgeProps & { term: BadgeTerm; focusable?: boolean }) {
  const { term, focusable, ...badge } = props;
  if (!term.id) return <Badge {...badge} />;
  return (
    <Suspense fallback={<Badge {...badge} />}>
      <TooltipBadge {...props} />
    </Suspense>
  );
}

/** "What the badges mean": the tiers and segments (and, with `stages`, the life stages) in words. */
export function BadgeLegend({ stages = false }: { stages?: boolean }) {
  return (
    <Suspense fallback={<Text size={200}>What the badges mean</Text>}>
      <Legend stages={stages} />
    </Suspense>
  );
}
