"use client";
import { useTranslations } from "next-intl";

export function GroupCheckboxes({ groups, legend, idPrefix }: { groups: { id: string; name: string }[]; legend: string; idPrefix: string }) {
  const t = useTranslations("invites.links");
  return (
    <fieldset>
      <legend className="label">{legend}</legend>
      {groups.length === 0 ? (
        <p className="text-sm text-slate-700">{t("no_groups")}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {groups.map((g) => (
            <label key={g.id} htmlFor={`${idPrefix}-${g.id}`} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
              <input id={`${idPrefix}-${g.id}`} type="checkbox" name="groupIds[]" value={g.id} className="size-5" />
              <span>{g.name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function RoleSelect({ id, label, defaultValue }: { id: string; label: string; defaultValue: "staff" | "advocate" }) {
  const t = useTranslations("invites.roles");
  return (
    <div>
      <label htmlFor={id} className="label">{label}</label>
      <select id={id} name="role" className="input" defaultValue={defaultValue}>
        <option value="advocate">{t("advocate")}</option>
        <option value="staff">{t("staff")}</option>
      </select>
    </div>
  );
}
