"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormError, FormSuccess } from "@/app/_components/form-error";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ActionResult } from "@/lib/action";
import { letterLinks } from "@/lib/alerts/links";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

// The letter the member may edit, then send: from their own mail (mailto, Gmail, Outlook,
// then "I sent it"), or by Relais for them.
export function EmailLetter(props: { org: string; actionId: string; mode: "mail_app" | "relais"; to: { id: string; label: string; email: string }[]; subject: string; body: string; sendAction: Action; doneAction: Action }) {
  const t = useTranslations("alerts.member");
  const [subject, setSubject] = useState(props.subject);
  const [body, setBody] = useState(props.body);
  const [sendState, send] = useActionState(props.sendAction, null);
  const [doneState, done] = useActionState(props.doneAction, null);
  const links = letterLinks({ to: props.to.map((p) => p.email), subject, body });
  const target = props.to.length === 1 ? props.to[0].id : "";
  return (
    <div className="space-y-3">
      <p className="text-sm"><span className="font-medium">{t("to")}:</span> {props.to.map((p) => p.label).join(", ")}</p>
      <div>
        <label htmlFor={`subject-${props.actionId}`} className="label">{t("subject")}</label>
        <input id={`subject-${props.actionId}`} value={subject} onChange={(e) => setSubject(e.target.value)} className="input" maxLength={300} />
      </div>
      <div>
        <label htmlFor={`letter-${props.actionId}`} className="label">{t("letter")}</label>
        <textarea id={`letter-${props.actionId}`} value={body} onChange={(e) => setBody(e.target.value)} rows={10} className="input" maxLength={10000} />
      </div>
      {props.mode === "relais" ? (
        <form action={send}>
          <input type="hidden" name="org" value={props.org} />
          <input type="hidden" name="actionId" value={props.actionId} />
          <input type="hidden" name="subject" value={subject} />
          <input type="hidden" name="body" value={body} />
          <input type="hidden" name="targetId" value={target} />
          <FormError state={sendState} />
          {sendState?.ok && <FormSuccess>{t("letter_sent")}</FormSuccess>}
          <SubmitButton className="btn-primary w-full">{t("send_for_me")}</SubmitButton>
        </form>
      ) : (
        <div className="space-y-2">
          <a href={links.mailto} className="btn-primary w-full">{t("open_mail")}</a>
          <div className="grid grid-cols-2 gap-2">
            <a href={links.gmail} target="_blank" rel="noopener noreferrer" className="btn-secondary">{t("gmail")}</a>
            <a href={links.outlook} target="_blank" rel="noopener noreferrer" className="btn-secondary">{t("outlook")}</a>
          </div>
          <form action={done}>
            <input type="hidden" name="org" value={props.org} />
            <input type="hidden" name="actionId" value={props.actionId} />
            <input type="hidden" name="outcome" value="sent" />
            <input type="hidden" name="targetId" value={target} />
            <FormError state={doneState} />
            <SubmitButton className="btn-secondary w-full">{t("mark_sent")}</SubmitButton>
          </form>
        </div>
      )}
    </div>
  );
}
