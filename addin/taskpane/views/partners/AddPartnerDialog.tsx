/**
 * Add partner: a form for a new row of the Partners table, saved like every other change — the
 * whole batch validated first (an id already there, a blank name, text longer than a cell holds),
 * each problem shown at its field, and nothing written unless all is well.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { parseDateText } from "../../../../engine/excel/date";
import { DateField } from "../../components/DateField";
import { ProblemList } from "../../components/ProblemList";
import { useSaver } from "../../hooks/useSaver";
import { NEW_PARTNER_FIELDS, type NewPartner, type NewPartnerColumn, PARTNER_STATUSES, PARTNER_TYPES, newPartnerChanges } from "../../model/partner";
import { useData } from "../../state/session";

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 24px))", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", gap: tokens.spacingVerticalS },
  wide: { gridColumn: "1 / -1" },
  actions: { flexWrap: "wrap" },
});

const EMPTY: NewPartner = { PartnerId: "", Name: "", Region: "", Territory: "", ChannelManager: "", Type: "", Status: "", SignedDate: "" };

/** Values to suggest for a column: those the workbook uses, then the usual ones. */
const SUGGESTED: Partial<Record<NewPartnerColumn, readonly string[]>> = { Type: PARTNER_TYPES, Status: PARTNER_STATUSES };

/** The form, open from the moment it is shown; `onClose` when it is cancelled or the partner added. */
export function AddPartnerDialog({ onAdded, onClose }: { onAdded: (partner: { id: string; name: string }) => void; onClose: () => void }) {
  const styles = useStyles();
  const data = useData();
  const saver = useSaver();
  const listId = useId();
  const [partner, setPartner] = useState<NewPartner>(EMPTY);

  const suggestions = useMemo(() => {
    const used = (pick: (p: (typeof data.partners)[number]) => string | null) => data.partners.map(pick).filter((v): v is string => !!v);
    const of = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
    return {
      Region: of(used((p) => p.region)),
      Territory: of(used((p) => p.territory)),
      ChannelManager: of(used((p) => p.channelManager)),
      Type: of([...used((p) => p.type), ...SUGGESTED.Type!]),
      Status: of([...used((p) => p.status), ...SUGGESTED.Status!]),
    } as Partial<Record<NewPartnerColumn, string[]>>;
  }, [data]);

  // Each problem at its field; the others (a table-wide one) below the form.
  const atField = (column: string) => saver.problems.filter((p) => p.column?.toLowerCase() === column.toLowerCase()).map((p) => p.message);
  const elsewhere = saver.problems.filter((p) => !NEW_PARTNER_FIELDS.some((f) => f.column.toLowerCase() === p.column?.toLowerCase()));

  // A signed date must be a real date as YYYY-MM-DD: a cell would take "2026" as the serial of 1905-07-18.
  const [tried, setTried] = useState(false);
  const dateProblem = partner.SignedDate.trim() && parseDateText(partner.SignedDate) === undefined ? "Enter a date as YYYY-MM-DD, e.g. 2026-10-15." : undefined;

  async function add() {
    setTried(true);
    if (dateProblem) return;
    const id = partner.PartnerId.trim();
    const name = partner.Name.trim();
    const saved = await saver.save(newPartnerChanges(data, partner), () => `Added ${name}.`);
    if (!saved) return;
    onClose();
    onAdded({ id, name });
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        {/* The save's own validation names each problem at its field; the browser's would stop at the first. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <DialogBody>
            <DialogTitle>Add a partner</DialogTitle>
            <DialogContent className={styles.form}>
              {NEW_PARTNER_FIELDS.map((f) => {
                const messages = atField(f.column);
                const options = suggestions[f.column];
                if (f.column === "SignedDate") {
                  // Dates as YYYY-MM-DD, as everywhere in the pane (a browser's date box uses the computer's form).
                  return (
                    <DateField
                      key={f.column}
                      label={f.label}
                      size="medium"
                      value={partner.SignedDate}
                      onChange={(value) => setPartner((p) => ({ ...p, SignedDate: value }))}
                      validationMessage={[...(tried && dateProblem ? [dateProblem] : []), ...messages].join(" ") || undefined}
                    />
                  );
                }
                return (
                  <Field key={f.column} label={f.label} required={"required" in f && f.required} validationMessage={messages.length ? messages.join(" ") : undefined}>
                    <Input
                      value={partner[f.column]}
                      list={options?.length ? `${listId}-${f.column}` : undefined}
                      autoComplete="off"
                      onChange={(_, d) => setPartner((p) => ({ ...p, [f.column]: d.value }))}
                    />
                    {options?.length ? (
                      <datalist id={`${listId}-${f.column}`}>
                        {options.map((o) => (
                          <option key={o} value={o} />
                        ))}
                      </datalist>
                    ) : null}
                  </Field>
                );
              })}
              {elsewhere.length > 0 && (
                <div className={styles.wide}>
                  <ProblemList title="Nothing was saved:" problems={elsewhere} />
                </div>
              )}
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={saver.saving}>
                Add partner
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
