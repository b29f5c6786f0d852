/**
 * A list that may be long, shown by its first items: "…and N more" with a "Show all N" button that
 * opens the rest, and "Show fewer" to close it again.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type Key, type ReactNode, useState } from "react";

const useStyles = makeStyles({
  more: { display: "block", color: tokens.colorNeutralForeground3 },
  // A button that reads as a word of the sentence.
  toggle: { minWidth: "auto", height: "auto", padding: 0, verticalAlign: "baseline", fontSize: "inherit", lineHeight: "inherit", color: tokens.colorBrandForegroundLink, textDecorationLine: "underline" },
});

export function ShortList<T>(props: {
  items: readonly T[];
  /** How many items show before the list is opened. */
  shown: number;
  render: (item: T) => ReactNode;
  keyOf: (item: T, index: number) => Key;
  className?: string;
  /** What the items are, for the toggle's accessible name ("problems", "partners off track"). */
  noun: string;
}) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const long = props.items.length > props.shown;
  const visible = long && !all ? props.items.slice(0, props.shown) : props.items;
  // The toggle sits below the list, not in it: a list that scrolls (the problem list) keeps it in view.
  return (
    <>
      <ul className={props.className}>
        {visible.map((item, i) => (
          <li key={props.keyOf(item, i)}>{props.render(item)}</li>
        ))}
      </ul>
      {long && (
        <Text size={200} className={styles.more} data-testid="short-list-more">
          {!all && `…and ${props.items.length - props.shown} more. `}
          <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={all} aria-label={all ? `Show fewer ${props.noun}` : `Show all ${props.items.length} ${props.noun}`} onClick={() => setAll(!all)}>
            {all ? "Show fewer" : `Show all ${props.items.length}`}
          </Button>
        </Text>
      )}
    </>
  );
}
