/**
 * A date field that shows and takes dates as YYYY-MM-DD, as every other date in the pane is
 * written (a browser's own date box writes them in the computer's form, 10/15/2026 or 15.10.2026).
 * The calendar button opens the browser's date picker where the page may open it: not inside
 * another site's frame, as in Excel on the web, where the date is typed.
 */
import { Button, Field, Input, makeStyles } from "@fluentui/react-components";
import { Calendar20Regular } from "@fluentui/react-icons/svg/calendar";
import { useRef } from "react";
import { parseDateText } from "../../../engine/excel/date";
import { formatDate } from "../model/format";

const useStyles = makeStyles({
  input: { width: "100%", minWidth: 0 },
  // The picker opens beside the button, from a date box nobody sees or reaches by keyboard.
  picker: { position: "absolute", right: 0, bottom: 0, width: "1px", height: "1px", padding: 0, border: 0, opacity: 0, pointerEvents: "none" },
});

/** Whether the browser can open its date picker from this page. */
function pickerAllowed(): boolean {
  if (typeof HTMLInputElement === "undefined" || !("showPicker" in HTMLInputElement.prototype)) return false;
  try {
    return window.top === window.self || window.top!.location.origin === window.location.origin;
  } catch {
    return false;
  }
}

export interface DateFieldProps {
  label: string;
  /** The date as typed, YYYY-MM-DD when valid. */
  value: string;
  onChange(value: string): void;
  validationMessage?: string;
  className?: string;
  /** The field's size, as the fields around it (default small). */
  size?: "small" | "medium";
}

export function DateField(props: DateFieldProps) {
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const serial = parseDateText(props.value);
  const open = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // Refused (a frame, no click): the date is typed instead.
    }
  };
  return (
    <Field label={props.label} size={props.size ?? "small"} className={props.className} validationMessage={props.validationMessage}>
      <Input
        size={props.size ?? "small"}
        className={styles.input}
        value={props.value}
        placeholder="YYYY-MM-DD"
        autoComplete="off"
        onChange={(_, d) => props.onChange(d.value)}
        contentAfter={
          pickerAllowed() ? (
            <>
              <input
                ref={picker}
                type="date"
                className={styles.picker}
                tabIndex={-1}
                aria-hidden
                value={serial === undefined ? "" : formatDate(serial)}
                onChange={(e) => e.target.value && props.onChange(e.target.value)}
              />
              <Button appearance="transparent" size={props.size ?? "small"} icon={<Calendar20Regular />} aria-label="Choose from a calendar" onClick={open} />
            </>
          ) : undefined
        }
      />
    </Field>
  );
}
