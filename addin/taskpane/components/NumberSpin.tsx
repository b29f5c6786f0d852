/**
 * A labelled number field with step buttons; typed text that is not a number comes back as NaN,
 * for the view to refuse with a message (see `numberProblem`), never to compute with.
 */
import { Field, SpinButton } from "@fluentui/react-components";
import { useId, useState } from "react";
import { readNumber } from "../model/numbers";

export interface NumberSpinProps {
  label: string;
  value: number | null;
  /** `null` when cleared, `NaN` when the typed text is not a number. */
  onChange(value: number | null): void;
  min?: number;
  max?: number;
  step?: number;
  validationMessage?: string;
  hint?: string;
  className?: string;
  /** Id of the text naming what the field belongs to (a topic, a KPI); read before the label. */
  context?: string;
  "data-testid"?: string;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

export function NumberSpin(props: NumberSpinProps) {
  const [typed, setTyped] = useState<string>();
  const labelId = useId();
  const invalid = props.value !== null && !Number.isFinite(props.value);
  const display = invalid ? (typed ?? "") : props.value === null ? "" : grouped.format(props.value);
  return (
    <Field label={{ children: props.label, id: labelId }} size="small" className={props.className} validationMessage={props.validationMessage} hint={props.hint}>
      <SpinButton
        size="small"
        value={invalid ? null : props.value}
        displayValue={display}
        min={props.min}
        max={props.max}
        step={props.step !== undefined && Number.isFinite(props.step) && props.step > 0 ? props.step : 1}
        data-testid={props["data-testid"]}
        aria-labelledby={props.context ? `${props.context} ${labelId}` : undefined}
        onChange={(_, data) => {
          if (data.value !== undefined) {
            setTyped(undefined);
            props.onChange(data.value);
            return;
          }
          const text = data.displayValue ?? "";
          setTyped(text);
          props.onChange(readNumber(text) ?? (text.trim() ? Number.NaN : null));
        }}
      />
    </Field>
  );
}
