/**
 * The joint value proposition (seed 001): the customer's problem, the quantified benefit, the
 * differentiator and the statement, with PARTNER.JVP.CHECK's tests shown as the statement is typed.
 */
import { Badge, Button, Card, CardHeader, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Save20Regular } from "@fluentui/react-icons/svg/save";
import { useEffect, useState } from "react";
import { isEngineError } from "../../../../../engine/error";
import { checkProposition, propositionVerdict } from "../../../../../engine/plan/proposition";
import { SaveStatus } from "../../../components/SaveStatus";
import { useSaver } from "../../../hooks/useSaver";
import { scoresRow } from "../../../model/changes";
import { useData } from "../../../state/session";
import { useUnsavedEdit } from "../../../state/unsaved";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tests: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  test: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", minWidth: 0 },
});

const FIELDS = [
  ["problem", "Problem", "The customer's problem"],
  ["quantifiedBenefit", "QuantifiedBenefit", "Quantified benefit"],
  ["differentiator", "Differentiator", "Differentiator"],
] as const;

type Form = Record<"problem" | "quantifiedBenefit" | "differentiator" | "statement", string>;

export function PropositionCard({ partnerId }: { partnerId: string }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const record = data.valuePropositionOf(partnerId);
  const saved: Form = {
    problem: record?.problem ?? "",
    quantifiedBenefit: record?.quantifiedBenefit ?? "",
    differentiator: record?.differentiator ?? "",
    statement: record?.statement ?? "",
  };
  const savedKey = JSON.stringify(saved);
  const [form, setForm] = useState<Form>(saved);
  useEffect(() => setForm(JSON.parse(savedKey) as Form), [savedKey]);
  const changed = JSON.stringify(form) !== savedKey;
  useUnsavedEdit("Value proposition", changed);
  const check = form.statement.trim() ? checkProposition(form.statement) : null;

  async function save() {
    if (!form.statement.trim()) return saver.refuse("ValueProposition, Statement: write the statement (the other fields are optional).", "ValueProposition");
    const text = (v: string) => v.trim() || null;
    await saver.save(
      [
        {
          table: "ValueProposition",
          key: { PartnerId: record?.partnerId ?? partnerId },
          set: { Problem: text(form.problem), QuantifiedBenefit: text(form.quantifiedBenefit), Differentiator: text(form.differentiator), Statement: form.statement.trim() },
        },
        ...scoresRow(data, partnerId),
      ],
      () => "Saved the joint value proposition.",
    );
  }

  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Joint value proposition</Text>} />
      <div className={styles.stack}>
        {FIELDS.map(([field, , label]) => (
          <Field key={field} label={label} size="small">
            <Input size="small" value={form[field]} onChange={(_, d) => setForm((f) => ({ ...f, [field]: d.value }))} />
          </Field>
        ))}
        <Field label="Statement" size="small" hint="One sentence a customer reads in about five seconds.">
          <Textarea size="small" value={form.statement} onChange={(_, d) => setForm((f) => ({ ...f, statement: d.value }))} resize="vertical" />
        </Field>
        {check && !isEngineError(check) && (
          <>
            <Text data-testid="jvp-verdict">{propositionVerdict(check)}</Text>
            <ul className={styles.tests}>
              {check.tests.map((t) => (
                <li key={t.test} className={styles.test}>
                  <Badge size="small" color={t.passes ? "success" : "warning"}>
                    {t.passes ? "✓" : "✗"}
                  </Badge>
                  <Text size={200}>{t.test}</Text>
                  <Text size={200} className={styles.detail}>
                    {t.detail}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
        <div>
          <Button appearance="primary" icon={<Save20Regular />} disabled={saver.saving || !changed} onClick={save}>
            Save value proposition
          </Button>
        </div>
        <SaveStatus saver={saver} />
      </div>
    </Card>
  );
}
