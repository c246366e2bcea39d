// Generated names only: the demo never shows real people.
const FIRST = ["Camille", "Léa", "Chloé", "Emma", "Jade", "Louise", "Alice", "Zoé", "Sarah", "Mila", "Florence", "Geneviève", "Nathalie", "Isabelle", "Mélanie", "Sophie", "Julie", "Marie-Ève", "Annie", "Véronique", "Louis", "Gabriel", "Raphaël", "Arthur", "Jules", "Hugo", "Thomas", "Nathan", "Samuel", "William", "Olivier", "Félix", "Étienne", "Mathieu", "Alexandre", "Jean-François", "Karim", "Amina", "Yasmine", "Mamadou", "Fatou", "Nguyen", "Priya", "Carlos", "Ana", "Sami"];
const LAST = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard", "Diallo", "Benali", "Traoré", "Haddad", "Tran", "Singh", "Da Silva"];

// Deterministic generator, so a re-seed on another machine shows the same demo.
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function fakePerson(index: number, domain: string) {
  const first = FIRST[index % FIRST.length];
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length];
  const local = `${first}.${last}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z.]/g, "");
  return { firstName: first, lastName: last, name: `${first} ${last}`, email: `${local}.${index}@${domain}` };
}
