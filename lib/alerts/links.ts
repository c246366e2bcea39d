// Ways to send a letter from the member's own mail: the mailto: URL of their mail app, and
// Gmail's and Outlook's web compose pages (for people whose mail lives in a browser tab).
export type LetterDraft = { to: string[]; subject: string; body: string };

const enc = encodeURIComponent;

export function letterLinks(letter: LetterDraft) {
  const to = letter.to.join(",");
  return {
    mailto: `mailto:${letter.to.map(enc).join(",")}?subject=${enc(letter.subject)}&body=${enc(letter.body)}`,
    gmail: `https://mail.google.com/mail/?view=cm&fs=1&to=${enc(to)}&su=${enc(letter.subject)}&body=${enc(letter.body)}`,
    outlook: `https://outlook.office.com/mail/deeplink/compose?to=${enc(to)}&subject=${enc(letter.subject)}&body=${enc(letter.body)}`,
  };
}

// The letter as the lead wrote it, signed with the member's name.
export const signLetter = (letter: string, name: string | null) => (name ? `${letter.trimEnd()}\n\n${name}` : letter);

// "+1 (514) 555-0100" → "tel:+15145550100".
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, "")}`;

// Districts typed by people ("Laurier-Dorion", "laurier – dorion") compared loosely.
export const sameDistrict = (a: string | null | undefined, b: string | null | undefined) => {
  const norm = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
  return !!a && !!b && norm(a) === norm(b);
};
