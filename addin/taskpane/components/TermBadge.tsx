/**
 * A badge with a short label (MVP, Develop, Onboarding) that says what it means in a tooltip, and
 * the legend of all such labels. Tooltips and the legend's popover come in a chunk of their own:
 * until it is there (a moment after the list first shows), the badge is a plain badge.
 */
import { Badge, type BadgeProps, Text } from "@fluentui/react-components";
import { Suspense, lazy } from "react";

const tooltips = () => import(/* webpackChunkName: "terms" */ "./terms/TermTooltips");
const TooltipBadge = lazy(() => tooltips().then((m) => ({ default: m.TooltipBadge })));
const Legend = lazy(() => tooltips().then((m) => ({ default: m.Legend })));

/** `description` is the label's meaning in words; `focusable` lets the keyboard reach the badge for it. */
export function TermBadge(props: BadgeProps & { description?: string; focusable?: boolean }) {
  const { description, focusable, ...badge } = props;
  if (!description) return <Badge {...badge} />;
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
