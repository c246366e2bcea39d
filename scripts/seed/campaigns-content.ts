import type { Captions, Testimonial } from "@/db/schema";
import type { Locale } from "@/db/schema/enums";

// The words of the demo campaigns, adapted from ../shared/seeds (the career development
// advocacy guide, the "J'aime mon métier" series, the HB 96 story, the employer campaign).

export type Copy = { title: string; body: string; short: string };

export type PostSeed = {
  campaign?: "decent" | "metier" | "bill" | "employers" | "protect";
  moment?: string;
  kind: "text" | "link" | "image" | "video" | "testimonial";
  // Left out: published when publishAt has passed, else scheduled.
  status?: "draft" | "in_review" | "approved" | "expired";
  publishAt: Date;
  expiresAt?: Date;
  pinned?: boolean;
  staffOnly?: boolean;
  groups?: string[];
  link?: { url: string; title: string; description?: string; siteName?: string };
  testimonial?: Testimonial;
  hashtags?: string[];
  // Only these networks get a caption (all of them when left out).
  networks?: (keyof Captions)[];
  fr?: Copy;
  en?: Copy;
  email?: Partial<Record<Locale, { subject: string; body: string }>>;
};

type Helpers = {
  now: Date;
  // A day of the current week (0 = Monday) at an hour, Québec time.
  at(days: number, hour?: number): Date;
  moment(key: string): { startsAt: Date; endsAt: Date | null };
  person(index: number): string;
};

const SITE = "https://www.otstcfq.example";
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const TESTIMONIALS = [
  {
    person: 11,
    job: ["éducatrice spécialisée", "special education technician"],
    quote: [
      "J'aime mon métier parce qu'il me permet d'accompagner des jeunes vers plus d'autonomie, un petit pas à la fois.",
      "I love my job because it lets me walk with young people towards more independence, one small step at a time.",
    ],
  },
  {
    person: 36,
    job: ["travailleur social", "social worker"],
    quote: [
      "J'aime mon métier parce que chaque rencontre me rappelle que personne ne devrait traverser une épreuve seul.",
      "I love my job because every meeting reminds me that no one should go through hard times alone.",
    ],
  },
  {
    person: 17,
    job: ["technicienne en travail social", "social work technician"],
    quote: [
      "J'aime mon métier parce que j'y apprends tous les jours, au contact des familles et de mes collègues.",
      "I love my job because I learn something every day from the families and colleagues I work with.",
    ],
  },
  {
    person: 39,
    job: ["coordonnateur clinique", "clinical coordinator"],
    quote: [
      "J'aime mon métier parce qu'il consiste à réunir toute une équipe autour d'un projet de vie qui a du sens.",
      "I love my job because it brings a whole team together around a life plan that matters.",
    ],
  },
  {
    person: 37,
    job: ["thérapeute conjugale et familiale", "couple and family therapist"],
    quote: [
      "J'aime mon métier parce qu'il aide des familles à retrouver les mots pour se parler.",
      "I love my job because it helps families find the words to talk to each other again.",
    ],
  },
  {
    person: 31,
    job: ["intervenant jeunesse", "youth worker"],
    quote: ["J'aime mon métier parce que je me sens utile, et que les jeunes me le rendent bien.", "I love my job because I feel useful, and young people give so much back."],
  },
];

// Twice a week (Tuesday and Thursday, 10 a.m.) for three weeks: last week, this one, the next.
function testimonialPosts({ at, person }: Helpers): PostSeed[] {
  const days = [-6, -4, 1, 3, 8, 10];
  return TESTIMONIALS.map((t, i) => {
    const firstName = person(t.person);
    const [jobFr, jobEn] = t.job;
    const [quoteFr, quoteEn] = t.quote;
    return {
      campaign: "metier",
      kind: "testimonial",
      publishAt: at(days[i], 10),
      testimonial: { firstName, jobTitle: jobFr, quote: quoteFr },
      networks: ["linkedin", "facebook", "x", "bluesky", "mastodon", "threads"],
      fr: {
        title: `J'aime mon métier : ${firstName}, ${jobFr}`,
        body: `« ${quoteFr} »\n\n${firstName}, ${jobFr}, fait partie des professionnels qui ont accepté de nous dire ce qu'ils aiment dans leur métier. Six témoignages en trois semaines pour faire connaître et reconnaître les métiers du social.`,
        short: `« ${quoteFr} » — ${firstName}, ${jobFr}`,
      },
      en: {
        title: `I love my job: ${firstName}, ${jobEn}`,
        body: `“${quoteEn}”\n\n${firstName}, ${jobEn}, is one of the professionals who agreed to tell us what they love about their work. Six testimonials over three weeks to show the value of social work professions.`,
        short: `“${quoteEn}” — ${firstName}, ${jobEn}`,
      },
    };
  });
}

// "Au-delà du travail décent": one theme a week in November (week 2 is the current one).
function decentWorkPosts({ at }: Helpers): PostSeed[] {
  return [
    {
      campaign: "decent",
      moment: "week1",
      kind: "video",
      publishAt: at(-7, 9),
      link: { url: `${SITE}/videos/bilan-de-sante-professionnel`, title: "Le bilan de santé professionnel, en 90 secondes", description: "Une conseillère d'orientation explique comment se préparer aux changements du marché du travail.", siteName: "OTSTCFQ" },
      fr: {
        title: "Vous avez des craintes au sujet de l'avenir de votre emploi? Vous n'êtes pas seul.",
        body: "L'automatisation et l'intelligence artificielle changent notre façon de travailler : 77 % des travailleurs au Canada s'inquiètent de la sécurité de leur emploi. N'attendez pas le déclenchement d'une crise. Un bilan de santé professionnel aide à cerner vos points forts et les compétences clés pour garder une longueur d'avance. Parlez à un professionnel du développement de carrière dès aujourd'hui.",
        short: "77 % des travailleurs au Canada s'inquiètent de l'avenir de leur emploi. Un bilan de santé professionnel, ça commence par une conversation. En vidéo :",
      },
      en: {
        title: "Worried about the future of your job? You're not alone.",
        body: "Automation and artificial intelligence are changing how we work: 77% of workers in Canada worry about their job security. Don't wait for a crisis. A career check-up helps you spot your strengths and the key skills that keep you a step ahead. Talk to a career development professional today.",
        short: "77% of workers in Canada worry about the future of their job. A career check-up starts with a conversation. Watch:",
      },
    },
    {
      campaign: "decent",
      moment: "week1",
      kind: "link",
      publishAt: at(-6, 12),
      link: { url: `${SITE}/blogue/consulter-avant-la-crise`, title: "Consulter avant la crise plutôt qu'après", siteName: "Le blogue de l'Ordre" },
      fr: {
        title: "Pourquoi consulter avant la crise plutôt qu'après",
        body: "Trop souvent, on consulte un professionnel du développement de carrière après une mise à pied. Sur notre blogue, une travailleuse sociale raconte comment un accompagnement précoce change la donne, pour les personnes comme pour les communautés : moins de chômage, une main-d'œuvre plus souple.",
        short: "Trop souvent, on consulte après une mise à pied. Sur notre blogue : pourquoi un accompagnement précoce change la donne.",
      },
      en: {
        title: "Why talk to someone before the crisis, not after",
        body: "Too often, people see a career development professional only after a layoff. On our blog, a social worker explains how early support makes a difference for people and for communities alike: less unemployment and a more adaptable workforce.",
        short: "Too often, people seek help only after a layoff. On our blog: why early career support makes the difference.",
      },
    },
    {
      campaign: "decent",
      moment: "week1",
      kind: "link",
      publishAt: at(-5, 10),
      link: { url: `${SITE}/fiches/fidelisation-du-personnel.pdf`, title: "Fiche d'information : développement de carrière et fidélisation", siteName: "Fiches d'information de l'Ordre" },
      fr: {
        title: "Fiche d'information : le développement de carrière aide à garder son personnel",
        body: "Les entreprises qui offrent de l'aide à la gestion de carrière conservent plus facilement leurs employés qualifiés. Notre fiche d'une page résume les données et propose trois façons de commencer. À transmettre aux employeurs de votre réseau.",
        short: "Employeurs : l'aide à la gestion de carrière fidélise le personnel qualifié. Les données et trois façons de commencer, sur une page.",
      },
      en: {
        title: "Fact sheet: career development helps keep your staff",
        body: "Companies that offer career management support find it easier to keep qualified employees. Our one-page fact sheet sums up the evidence and suggests three ways to get started. Pass it on to the employers in your network.",
        short: "Employers: career support keeps qualified staff. The evidence and three ways to start, on one page.",
      },
    },
    {
      campaign: "decent",
      moment: "week1",
      kind: "text",
      status: "expired",
      publishAt: at(-4, 8),
      expiresAt: at(-1, 23),
      fr: {
        title: "Dernier jour pour notre sondage sur l'accès aux services d'orientation",
        body: "Avez-vous déjà eu accès à un service d'orientation professionnelle? Répondez à notre sondage de cinq minutes : les résultats alimenteront nos représentations auprès du gouvernement.",
        short: "Avez-vous déjà eu accès à un service d'orientation professionnelle? Cinq minutes pour répondre à notre sondage.",
      },
      en: {
        title: "Last day for our survey on access to career services",
        body: "Have you ever had access to career guidance services? Take our five-minute survey: the results will inform our work with the government.",
        short: "Have you ever had access to career guidance? Five minutes to answer our survey.",
      },
    },
    {
      campaign: "decent",
      moment: "week2",
      kind: "link",
      publishAt: at(0, 9),
      link: { url: "https://nouvelles.example/economie/transitions-mi-carriere", title: "Transitions à mi-carrière : ce qui aide vraiment", siteName: "Le Quotidien social" },
      fr: {
        title: "Transitions à mi-carrière : de plus en plus de travailleurs concernés",
        body: "Alors que l'économie se transforme, de plus en plus de travailleurs se retrouvent en transition professionnelle à la mi-carrière. Cet article fait le point sur ce qui aide vraiment : des objectifs clairs, de nouvelles compétences et un expert du développement de carrière à ses côtés.",
        short: "De plus en plus de travailleurs vivent une transition à la mi-carrière. Ce qui aide vraiment, selon cet article :",
      },
      en: {
        title: "Mid-career transitions: more and more workers affected",
        body: "As the economy changes, more and more workers find themselves in a mid-career transition. This article looks at what really helps: clear goals, new skills and a career development expert at your side.",
        short: "More and more workers face a mid-career transition. What really helps, according to this article:",
      },
    },
    {
      campaign: "decent",
      moment: "week2",
      kind: "video",
      publishAt: at(1, 12),
      link: { url: `${SITE}/videos/prenez-votre-carriere-en-main`, title: "Prenez votre carrière en main", siteName: "OTSTCFQ" },
      fr: {
        title: "Prenez votre carrière en main : trois questions à vous poser",
        body: "Pourquoi attendre? Une conseillère en développement de carrière répond en vidéo aux trois questions qu'on lui pose le plus souvent. À partager avec celles et ceux qui pensent à changer de voie.",
        short: "Vous pensez à changer de voie? Trois questions à vous poser d'abord, en vidéo.",
      },
      en: {
        title: "Take charge of your career: three questions to ask yourself",
        body: "Why wait? A career development counsellor answers, on video, the three questions she hears most often. Share it with anyone thinking about a change of path.",
        short: "Thinking about a change of path? Three questions to ask yourself first, on video.",
      },
    },
    {
      campaign: "decent",
      moment: "week2",
      kind: "link",
      publishAt: at(2, 9),
      staffOnly: true,
      groups: ["Conseil"],
      networks: ["linkedin", "whatsapp"],
      link: { url: `${SITE}/fiches/rencontres-elus-competences.pdf`, title: "Fiche pour les rencontres avec les élus", siteName: "Fiches d'information de l'Ordre" },
      fr: {
        title: "Pour vos rencontres avec les élus : compétences et résilience économique",
        body: "Les services de développement de carrière aident les travailleurs à améliorer leur capacité d'insertion professionnelle, mais peu d'entre eux les connaissent. La fiche donne les chiffres clés et la demande précise à formuler aux députés que vous rencontrez cette semaine.",
        short: "Rencontres avec les élus cette semaine : la fiche avec les chiffres clés et la demande à formuler.",
      },
      en: {
        title: "For your meetings with elected officials: skills and economic resilience",
        body: "Career development services help workers become more employable, yet few know they exist. The fact sheet gives the key figures and the precise request to make to the members you meet this week.",
        short: "Meeting elected officials this week: the fact sheet with key figures and the request to make.",
      },
    },
    {
      campaign: "decent",
      moment: "week2",
      kind: "text",
      publishAt: at(3, 15),
      groups: ["Éducateurs"],
      fr: {
        title: "Une exposition précoce au développement de carrière aide les jeunes à planifier leur avenir",
        body: "Vous voulez que les élèves prennent leur avenir en main? Une exposition précoce au développement de carrière favorise l'autonomie et l'engagement envers l'apprentissage continu. Aidons les éducateurs à préparer les élèves aux complexités du marché du travail.",
        short: "Une exposition précoce au développement de carrière aide les élèves à prendre leur avenir en main.",
      },
      en: {
        title: "Early exposure to career development helps young people plan their future",
        body: "Want students to take charge of their future? Early exposure to career development builds independence and a commitment to lifelong learning. Let's help educators prepare students for the complexities of today's job market.",
        short: "Early exposure to career development helps students take charge of their future.",
      },
    },
    {
      campaign: "decent",
      moment: "week2",
      kind: "link",
      publishAt: at(4, 11),
      link: { url: `${SITE}/webinaires/beyond-decent-work`, title: "Webinar: career development beyond decent work", siteName: "OTSTCFQ" },
      en: {
        title: "Webinar: building skills for a changing job market",
        body: "Join our webinar on Friday at noon: three career development professionals share what works to build skills for a changing job market. Questions are welcome in English or French.",
        short: "Friday at noon: three career development professionals on building skills for a changing job market.",
      },
    },
    {
      campaign: "decent",
      moment: "week3",
      kind: "link",
      publishAt: at(7, 9),
      link: { url: `${SITE}/blogue/echec-d-abord`, title: "Sortir de l'approche « échec d'abord »", siteName: "Le blogue de l'Ordre" },
      fr: {
        title: "Sortir de l'approche « échec d'abord »",
        body: "Au Canada, il faut souvent perdre son emploi ou subir un accident du travail avant d'avoir droit à des services d'orientation. Les travailleurs méritent mieux. Demandons aux gouvernements d'offrir un accompagnement continu, avant la perte d'emploi.",
        short: "Faut-il perdre son emploi pour avoir droit à de l'orientation? Les travailleurs méritent mieux que l'approche « échec d'abord ».",
      },
      en: {
        title: "Moving beyond a “fail first” approach",
        body: "In Canada, people often have to lose their job or be injured at work before they can get career guidance. Workers deserve better. Let's ask governments for continuous support, before a job is lost.",
        short: "Should you have to lose your job to get career guidance? Workers deserve better than “fail first”.",
      },
    },
    {
      campaign: "decent",
      moment: "week3",
      kind: "link",
      publishAt: at(9, 10),
      link: { url: `${SITE}/fiches/ecart-de-competences.pdf`, title: "Fiche d'information : l'écart de compétences", siteName: "Fiches d'information de l'Ordre" },
      fr: {
        title: "Fiche d'information : combler l'écart entre les compétences et les besoins du marché",
        body: "De nombreux travailleurs ont été formés pour des emplois qui disparaissent. Des programmes complets de gestion de carrière peuvent combler l'écart. La fiche explique comment, et ce que les employeurs y gagnent : des candidats qualifiés, prêts à innover.",
        short: "Former pour des emplois qui disparaissent? La gestion de carrière comble l'écart de compétences. La fiche :",
      },
      en: {
        title: "Fact sheet: closing the gap between skills and market needs",
        body: "Many workers were trained for jobs that are disappearing. Comprehensive career management programs can close the gap. The fact sheet explains how, and what employers gain: qualified candidates ready to innovate.",
        short: "Trained for jobs that are disappearing? Career management closes the skills gap. The fact sheet:",
      },
    },
    {
      campaign: "decent",
      moment: "week3",
      kind: "text",
      status: "approved",
      publishAt: at(10, 13),
      groups: ["Éducateurs"],
      fr: {
        title: "Le développement de carrière a sa place de la maternelle au secondaire",
        body: "Les élèves ne connaissent pas toujours toutes les options qui s'offrent à eux. En intégrant le développement de carrière au programme scolaire, chaque élève obtient le soutien dont il a besoin pour aller au-delà d'un travail décent.",
        short: "Chaque élève mérite de connaître toutes ses options : le développement de carrière a sa place de la maternelle au secondaire.",
      },
      en: {
        title: "Career development belongs in school, from kindergarten to grade 12",
        body: "Students are not always aware of all their options. By building career development into the curriculum, every student gets the support they need to go beyond decent work.",
        short: "Every student deserves to know all their options: career development belongs in school, K to 12.",
      },
    },
    {
      campaign: "decent",
      moment: "week4",
      kind: "video",
      status: "in_review",
      publishAt: at(14, 9),
      link: { url: `${SITE}/videos/un-tiers-de-notre-vie`, title: "Un tiers de notre vie au travail", siteName: "OTSTCFQ" },
      fr: {
        title: "Nous passons un tiers de notre vie à travailler",
        body: "Ne devrions-nous pas consacrer ce temps à un emploi qui n'est pas seulement décent? Le soutien à la carrière réduit le stress, l'anxiété et la dépression. Faisons de la santé mentale une priorité : écrivez à votre député pour un financement accru des services de développement de carrière.",
        short: "Un tiers de notre vie au travail : le soutien à la carrière, c'est aussi de la santé mentale. Écrivez à votre député.",
      },
      en: {
        title: "We spend a third of our lives at work",
        body: "Shouldn't that time go to a job that is more than just decent? Career support reduces stress, anxiety and depression. Let's make mental health a priority: write to your MP for more funding for career development services.",
        short: "A third of our lives at work: career support is mental health support too. Write to your MP.",
      },
    },
    {
      campaign: "decent",
      moment: "week4",
      kind: "text",
      status: "draft",
      publishAt: at(16, 12),
      fr: {
        title: "63 % des salariés citent l'absence de possibilités d'avancement comme raison de leur démission",
        body: "La rotation du personnel nuit aux entreprises. Même un investissement modeste dans des programmes de développement de carrière réduit les coûts de rotation et augmente la productivité. Employeurs, créez des parcours clairs pour que vos employés évoluent chez vous.",
        short: "63 % des salariés qui démissionnent citent l'absence de possibilités d'avancement. Des parcours clairs, ça se construit.",
      },
    },
    {
      campaign: "decent",
      moment: "week4",
      kind: "text",
      status: "draft",
      publishAt: at(18, 9),
      fr: {
        title: "Accordez la priorité aux services de développement de carrière",
        body: "Des services d'orientation de qualité augmentent la participation au marché du travail et réduisent le chômage. Il ne s'agit pas seulement de trouver des emplois, mais d'acquérir les compétences pour s'épanouir dans des secteurs en pleine évolution.",
        short: "L'orientation de qualité réduit le chômage et la pauvreté. Aux élus : priorité aux services de développement de carrière.",
      },
    },
  ];
}

// A bill heard in committee (after HB 96): the hearing is happening now, its posts pinned.
function billPosts({ now, moment }: Helpers): PostSeed[] {
  const hearing = moment("hearing");
  const afterHearing = new Date(hearing.endsAt!.getTime() + 12 * HOUR);
  const vote = moment("vote").startsAt;
  return [
    {
      campaign: "bill",
      moment: "hearing",
      kind: "video",
      pinned: true,
      publishAt: new Date(now.getTime() - 2 * HOUR),
      expiresAt: afterHearing,
      link: { url: `${SITE}/videos/projet-de-loi-31`, title: "Projet de loi 31 : faites entendre votre voix", siteName: "OTSTCFQ" },
      fr: {
        title: "Le projet de loi 31 est en commission : faites entendre votre voix",
        body: "C'est maintenant que ça se joue. Pendant trois jours, la commission de l'éducation entend les groupes sur le projet de loi 31, qui finance l'éducation préscolaire de qualité pour les enfants à risque. Regardez la vidéo, partagez-la, puis écrivez à votre député : il faut moins de deux minutes.",
        short: "Le projet de loi 31 est en commission de l'éducation cette semaine. Deux minutes pour écrire à votre député : c'est maintenant que ça se joue.",
      },
      en: {
        title: "Bill 31 is in committee: make your voice heard",
        body: "This is the moment. For three days, the education committee hears groups on Bill 31, which funds quality early childhood education for at-risk children. Watch the video, share it, then write to your MNA: it takes less than two minutes.",
        short: "Bill 31 is before the education committee this week. Two minutes to write to your MNA: this is the moment.",
      },
      email: {
        fr: {
          subject: "Appuyez le projet de loi 31 : chaque enfant prêt pour l'école",
          body: "Madame la Députée, Monsieur le Député,\n\nJ'habite votre circonscription et je vous demande d'appuyer le projet de loi 31. L'éducation préscolaire de qualité donne aux enfants à risque les mêmes chances de réussir que les autres dès leur entrée à l'école.\n\nPendant les audiences en commission de l'éducation, votre voix compte. Je compte sur vous.\n\nVeuillez agréer mes salutations distinguées.",
        },
        en: {
          subject: "Support Bill 31: every child ready for school",
          body: "Dear Member,\n\nI live in your riding and I am asking you to support Bill 31. Quality early childhood education gives at-risk children the same chance to succeed as everyone else from their first day of school.\n\nDuring the education committee hearings, your voice matters. I am counting on you.\n\nSincerely,",
        },
      },
    },
    {
      campaign: "bill",
      moment: "hearing",
      kind: "link",
      pinned: true,
      publishAt: new Date(now.getTime() - 26 * HOUR),
      expiresAt: afterHearing,
      link: { url: `${SITE}/fiches/projet-de-loi-31.pdf`, title: "Ce que change le projet de loi 31", siteName: "Fiches d'information de l'Ordre" },
      fr: {
        title: "Fiche d'information : ce que change le projet de loi 31",
        body: "Cinq chiffres, trois changements concrets, une demande claire. Tout ce qu'il faut savoir sur le projet de loi 31 tient sur une page : idéale à joindre à votre courriel au député ou à partager avec vos proches.",
        short: "Projet de loi 31 : cinq chiffres, trois changements concrets, une demande claire. Sur une page.",
      },
      en: {
        title: "Fact sheet: what Bill 31 changes",
        body: "Five figures, three concrete changes, one clear request. Everything you need to know about Bill 31 fits on one page: attach it to your email to your MNA or share it with friends and family.",
        short: "Bill 31: five figures, three concrete changes, one clear request. On one page.",
      },
    },
    {
      campaign: "bill",
      moment: "hearing",
      kind: "link",
      publishAt: new Date(now.getTime() - HOUR),
      link: { url: "https://nouvelles.example/politique/commission-education-projet-de-loi-31", title: "Trois jours pour convaincre", siteName: "L'Écho de la Capitale" },
      fr: {
        title: "Commission parlementaire : trois jours pour convaincre",
        body: "Groupes communautaires, ordres professionnels et centres de services scolaires défilent devant la commission de l'éducation. Le compte rendu de la première journée d'audiences sur le projet de loi 31.",
        short: "Première journée d'audiences sur le projet de loi 31 en commission de l'éducation : le compte rendu.",
      },
      en: {
        title: "Committee hearings: three days to convince",
        body: "Community groups, professional orders and school service centres appear before the education committee. A report on the first day of hearings on Bill 31.",
        short: "First day of hearings on Bill 31 before the education committee: the report.",
      },
    },
    {
      campaign: "bill",
      moment: "hearing",
      kind: "text",
      staffOnly: true,
      publishAt: new Date(now.getTime() - 4 * HOUR),
      expiresAt: afterHearing,
      networks: ["whatsapp", "telegram"],
      fr: {
        title: "Consignes pour le personnel : journée à l'Assemblée nationale",
        body: "Vous venez à l'Assemblée jeudi? Rendez-vous à 8 h 30 à l'entrée principale, pièce d'identité en main. Sur les réseaux, partagez les publications épinglées plutôt que des photos de la salle de commission.",
        short: "Jeudi à l'Assemblée : rendez-vous à 8 h 30 à l'entrée principale, pièce d'identité en main.",
      },
      en: {
        title: "Staff instructions: a day at the National Assembly",
        body: "Coming to the Assembly on Thursday? Meet at 8:30 a.m. at the main entrance with photo ID. On social media, share the pinned posts rather than photos of the committee room.",
        short: "Thursday at the Assembly: meet at 8:30 a.m. at the main entrance with photo ID.",
      },
    },
    {
      campaign: "bill",
      moment: "tabled",
      kind: "link",
      publishAt: new Date(now.getTime() - 20 * DAY),
      link: { url: `${SITE}/blogue/prescolaire-de-qualite`, title: "Pourquoi l'éducation préscolaire de qualité change des vies", siteName: "Le blogue de l'Ordre" },
      fr: {
        title: "Pourquoi l'éducation préscolaire de qualité change des vies",
        body: "Le projet de loi 31 vient d'être déposé. Sur notre blogue, une intervenante en petite enfance explique ce que change, pour un enfant à risque, une place dans un service préscolaire de qualité, et pourquoi ce projet de loi compte.",
        short: "Le projet de loi 31 vient d'être déposé. Ce que change, pour un enfant à risque, un préscolaire de qualité :",
      },
      en: {
        title: "Why quality early childhood education changes lives",
        body: "Bill 31 has just been tabled. On our blog, an early childhood worker explains what a place in a quality preschool program changes for an at-risk child, and why this bill matters.",
        short: "Bill 31 has just been tabled. What quality preschool changes for an at-risk child:",
      },
    },
    {
      campaign: "bill",
      moment: "vote",
      kind: "text",
      publishAt: new Date(vote.getTime() - DAY),
      fr: {
        title: "Vote en troisième lecture demain : un dernier rappel à votre député",
        body: "Demain, les députés votent le projet de loi 31. Un dernier courriel, un dernier partage : rappelons-leur que chaque enfant compte.",
        short: "Demain, vote final sur le projet de loi 31. Un dernier rappel à votre député : chaque enfant compte.",
      },
      en: {
        title: "Final vote tomorrow: one last reminder to your MNA",
        body: "Tomorrow, members vote on Bill 31. One last email, one last share: let's remind them that every child counts.",
        short: "Final vote on Bill 31 tomorrow. One last reminder to your MNA: every child counts.",
      },
    },
  ];
}

// Older posts, so the feed has more than one page: the employer campaign's results and the
// "Ordre de protéger" coalition campaign of the 45 professional orders.
const ARCHIVE: { campaign: "employers" | "protect"; daysAgo: number; fr: Copy; en: Copy }[] = [
  {
    campaign: "employers",
    daysAgo: 75,
    fr: { title: "116 % de visites de plus au Tableau en ligne", body: "Depuis le lancement de la campagne auprès des employeurs, les visites au Tableau ont plus que doublé. Les employeurs représentent jusqu'à 16 % de ces visites.", short: "Les visites au Tableau en ligne ont augmenté de 116 % depuis le début de la campagne auprès des employeurs." },
    en: { title: "116% more visits to the online Register", body: "Since the employer campaign began, visits to the Register have more than doubled. Employers account for up to 16% of them.", short: "Visits to the online Register are up 116% since the employer campaign began." },
  },
  {
    campaign: "employers",
    daysAgo: 68,
    fr: { title: "Plus de 9 millions d'impressions publicitaires", body: "Nos annonces sur Google, Bing et LinkedIn rappellent aux employeurs pourquoi embaucher des membres inscrits. LinkedIn reste la meilleure plateforme pour les joindre.", short: "Plus de 9 millions d'impressions : le message aux employeurs fait son chemin." },
    en: { title: "Over 9 million ad impressions", body: "Our ads on Google, Bing and LinkedIn remind employers why hiring registered members matters. LinkedIn remains the best platform to reach them.", short: "Over 9 million impressions: our message to employers is getting through." },
  },
  {
    campaign: "employers",
    daysAgo: 60,
    fr: { title: "Cinq tables rondes avec les employeurs", body: "Des rencontres en personne pour discuter librement des possibilités et des défis du travail social, du rôle de l'Ordre et des obstacles à l'inscription. D'autres tables rondes sont prévues.", short: "Cinq tables rondes avec les employeurs, et d'autres à venir. Restez connectés!" },
    en: { title: "Five roundtables with employers", body: "Face-to-face meetings to talk openly about opportunities and challenges in social work, the Order's role and barriers to registration. More roundtables are planned.", short: "Five roundtables with employers, and more to come. Stay tuned!" },
  },
  {
    campaign: "employers",
    daysAgo: 52,
    fr: { title: "576 organisations abonnées au Communiqué Employeurs", body: "Chaque trimestre, le Communiqué Employeurs fait le point sur la réglementation et les professions du travail social. Pas encore abonné? Abonnez-vous sans plus tarder!", short: "576 organisations lisent le Communiqué Employeurs. Et la vôtre?" },
    en: { title: "576 organizations subscribe to the Employer Bulletin", body: "Every quarter, the Employer Bulletin covers the latest in regulation and the social work professions. Not subscribed yet? Sign up today!", short: "576 organizations read the Employer Bulletin. Does yours?" },
  },
  {
    campaign: "protect",
    daysAgo: 40,
    fr: { title: "Les 45 ordres professionnels s'unissent : Ordre de protéger", body: "Les 45 ordres professionnels et leur conseil interprofessionnel lancent une campagne commune pour expliquer leur mission première : protéger le public.", short: "45 ordres professionnels, une mission : protéger le public." },
    en: { title: "45 professional orders join forces to protect the public", body: "The 45 professional orders and their interprofessional council launch a joint campaign to explain their first mission: protecting the public.", short: "45 professional orders, one mission: protecting the public." },
  },
  {
    campaign: "protect",
    daysAgo: 35,
    fr: { title: "Qu'est-ce qu'un ordre professionnel?", body: "Un ordre vérifie la compétence de ses membres, encadre leur pratique et reçoit les plaintes du public. Tout ce qu'il faut savoir, en trois minutes de lecture.", short: "Qu'est-ce qu'un ordre professionnel, et à quoi sert-il? Trois minutes pour comprendre." },
    en: { title: "What is a professional order?", body: "An order checks its members' competence, oversees their practice and receives complaints from the public. All you need to know, in a three-minute read.", short: "What is a professional order, and what is it for? Three minutes to find out." },
  },
  {
    campaign: "protect",
    daysAgo: 30,
    fr: { title: "Seulement 12 % de la population sait que les ordres protègent le public", body: "Selon un sondage, à peine 12 % des gens croient que la mission des ordres est de protéger le public. Aidez-nous à bâtir la confiance : partagez ce qui se fait concrètement.", short: "Seulement 12 % des gens savent que les ordres existent pour protéger le public. Faisons-le savoir." },
    en: { title: "Only 12% of people know orders exist to protect the public", body: "According to a survey, barely 12% of people believe the orders' mission is to protect the public. Help us build trust: share what is actually done.", short: "Only 12% of people know orders exist to protect the public. Let's spread the word." },
  },
  {
    campaign: "protect",
    daysAgo: 25,
    fr: { title: "Comment porter plainte auprès d'un ordre professionnel", body: "Un service reçu vous laisse perplexe? Voici, étape par étape, comment s'adresser au bureau du syndic et ce qui se passe ensuite.", short: "Porter plainte auprès d'un ordre professionnel : les étapes, simplement." },
    en: { title: "How to file a complaint with a professional order", body: "Unsure about a service you received? Here is, step by step, how to contact the syndic's office and what happens next.", short: "Filing a complaint with a professional order: the steps, simply explained." },
  },
  {
    campaign: "protect",
    daysAgo: 15,
    fr: { title: "La contribution sociale et économique des professionnels", body: "Au-delà de la protection du public, les professionnels contribuent chaque jour à la santé, à la sécurité et à l'économie du Québec. Quelques chiffres qui parlent.", short: "Ce que les professionnels apportent au Québec, en quelques chiffres." },
    en: { title: "The social and economic contribution of professionals", body: "Beyond protecting the public, professionals contribute every day to Québec's health, safety and economy. A few telling figures.", short: "What professionals bring to Québec, in a few figures." },
  },
  {
    campaign: "protect",
    daysAgo: 10,
    fr: { title: "Ordre de protéger : un clic, plusieurs réponses", body: "Le microsite de la campagne répond aux questions qu'on se pose sur les ordres et leurs mécanismes de protection. Vos commentaires y sont les bienvenus.", short: "Un clic, plusieurs réponses : le microsite Ordre de protéger est en ligne." },
    en: { title: "Ordre de protéger: one click, many answers", body: "The campaign microsite answers common questions about the orders and how they protect the public. Your comments are welcome there.", short: "One click, many answers: the Ordre de protéger microsite is live." },
  },
];

function archivePosts({ now }: Helpers): PostSeed[] {
  return ARCHIVE.map(({ campaign, daysAgo, fr, en }) => ({ campaign, kind: "text", publishAt: new Date(now.getTime() - daysAgo * DAY - 3 * HOUR), fr, en }));
}

// "Ne manquez pas une occasion", the employer campaign that has ended.
function employerPosts({ now }: Helpers): PostSeed[] {
  return [
    {
      campaign: "employers",
      kind: "link",
      status: "expired",
      publishAt: new Date(now.getTime() - 80 * DAY),
      expiresAt: new Date(now.getTime() - 20 * DAY),
      link: { url: `${SITE}/tableau`, title: "Le Tableau des membres", siteName: "OTSTCFQ" },
      fr: {
        title: "Employeurs : vérifiez le Tableau avant d'embaucher",
        body: "Une vérification rapide sur le Tableau en ligne vous dit si une candidate ou un candidat est inscrit à l'Ordre. Ne manquez pas une occasion de faire un choix éclairé.",
        short: "Employeurs : une vérification rapide sur le Tableau avant d'embaucher. Ne manquez pas une occasion.",
      },
    },
    {
      campaign: "employers",
      kind: "link",
      publishAt: new Date(now.getTime() - 45 * DAY),
      link: { url: `${SITE}/jeu-questionnaire`, title: "Jeu-questionnaire des employeurs", siteName: "OTSTCFQ" },
      fr: {
        title: "Jeu-questionnaire : testez vos connaissances d'employeur",
        body: "Travailleur social ou technicien en travail social? Quelles obligations pour les organisations qui les emploient? Divertissant et instructif, notre jeu-questionnaire se fait en cinq minutes.",
        short: "Employeurs, testez vos connaissances en cinq minutes avec notre jeu-questionnaire.",
      },
      en: {
        title: "Quiz: test your knowledge as an employer",
        body: "Social worker or social service worker? What obligations do the organizations that employ them have? Fun and informative, our quiz takes five minutes.",
        short: "Employers, test your knowledge in five minutes with our quiz.",
      },
    },
  ];
}

export function campaignPosts(helpers: Helpers): PostSeed[] {
  return [...billPosts(helpers), ...decentWorkPosts(helpers), ...testimonialPosts(helpers), ...employerPosts(helpers), ...archivePosts(helpers)];
}
