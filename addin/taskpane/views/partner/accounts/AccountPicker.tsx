/**
 * Chooses one account of the vendor's list by typing part of its name, domain or id: the first
 * matches show (the partner's own accounts first), the rest narrow as the text grows.
 */
import { Combobox, Field, Option, makeStyles } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { AccountRecord } from "../../../../workbook/records";

const useStyles = makeStyles({ box: { width: "100%", minWidth: 0 } });

const SHOWN = 20;

export function AccountPicker(props: {
  label: string;
  /** The accounts to offer, in the order to offer them. */
  accounts: readonly AccountRecord[];
  value: string | null;
  onChange(accountId: string | null): void;
  hint?: string;
  className?: string;
}) {
  const styles = useStyles();
  const chosen = props.value === null ? undefined : props.accounts.find((a) => a.accountId === props.value);
  const [text, setText] = useState(chosen?.name ?? "");
  // A freeform combobox opens on its chevron or on typing; a click in the field opens it too, as
  // people expect of a list to pick from.
  const [open, setOpen] = useState(false);
  const matches = useMemo(() => {
    const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    // Once an account is chosen its name is the text: offer every account again, so that another can be picked.
    if (chosen && text === chosen.name) return props.accounts;
    return props.accounts.filter((a) => words.every((w) => a.name.toLowerCase().includes(w) || (a.domain ?? "").toLowerCase().includes(w) || a.accountId.toLowerCase() === w));
  }, [text, props.accounts, chosen]);
  return (
    <Field label={props.label} size="small" hint={props.hint} className={props.className}>
      <Combobox
        size="small"
        className={styles.box}
        freeform
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        input={{ onClick: () => setOpen(true) }}
        placeholder="Type a name or domain"
        value={text}
        selectedOptions={props.value ? [props.value] : []}
        onChange={(e) => {
          setText(e.target.value);
          if (chosen && e.target.value !== chosen.name) props.onChange(null);
        }}
        onOptionSelect={(_, d) => {
          const account = props.accounts.find((a) => a.accountId === d.optionValue);
          setText(account?.name ?? "");
          props.onChange(account?.accountId ?? null);
        }}
      >
        {matches.slice(0, SHOWN).map((a) => (
          <Option key={a.accountId} value={a.accountId} text={a.name}>
            {a.name}
            {a.domain ? ` · ${a.domain}` : ""}
          </Option>
        ))}
        {matches.length > SHOWN && (
          <Option key="more" value="" text="" disabled>
            {`…and ${matches.length - SHOWN} more: type more of the name`}
          </Option>
        )}
        {!matches.length && (
          <Option key="none" value="" text="" disabled>
            No account matches
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
