/**
 * The demo school a first launch opens: a bilingual primary of 420 on roll with a realistic costed
 * provision map, so the first screen is a working map rather than an empty form.
 *
 * Everything here is fictional (school, authority, learners). Figures are typical of a Welsh primary:
 * TA rates with on-costs around £15–£19 an hour, a 38-week year, a 1:1 LSW for 32.5
 * hours a week for a learner with an LA-maintained IDP, term-long (12–13 week) and half-term (6 week)
 * intervention blocks, and a few open warnings of the kind the ALN Code cares about.
 */
import type { AlnStatus, DeliveryLanguage, Enrolment, FundingSource, IncomeLine, InterventionLine, Learner, OtherCostLine, SchoolYear, StaffMember, StaffRole } from '../domain';
import { emptySchoolYear } from '../schoolDefaults';

const CL = 'cognition_learning';
const CI = 'communication_interaction';
const BE = 'besd';
const SP = 'sensory_physical';

// ── Staff ────────────────────────────────────────────────────────────────────────────────────────
type StaffRow = [name: string, role: StaffRole, hourlyPence: number, contractedHours: number, welsh: boolean, placeholder?: boolean];
const STAFF: StaffRow[] = [
  ['Rhian Morgan', 'alnco', 5120, 32.5, true],
  ['Gareth Price', 'teacher', 4480, 32.5, true],
  ['Siân Evans (HLTA)', 'hlta', 1890, 32.5, true],
  ['Mark Jenkins (HLTA)', 'hlta', 1890, 32.5, false],
  ['Elen Roberts', 'ta', 1718, 32.5, true],
  ['Dafydd Lewis', 'ta', 1680, 27.5, true],
  ['Claire Thomas', 'ta', 1680, 32.5, false],
  ['Nia Williams', 'ta', 1540, 25, true],
  ['Paul Davies', 'ta', 1540, 32.5, false],
  ['Ffion James (LSW)', 'lsw', 1540, 32.5, true],
  ['Karen Hughes (LSW)', 'lsw', 1540, 32.5, false],
  ['TA level 3 (vacancy)', 'ta', 1680, 32.5, true, true],
];
const S = (name: string): number => STAFF.findIndex((s) => s[0].startsWith(name)) + 1;

// ── Intervention lines ───────────────────────────────────────────────────────────────────────────
interface LineSpec {
  name: string;
  /** The name in Welsh, as a bilingual school would type it ('' when the name is already Welsh). */
  nameCy?: string;
  tier: 'universal' | 'targeted' | 'alp';
  areas: string[];
  lang: DeliveryLanguage;
  funding?: FundingSource;
  note?: string;
  /** The funding note in Welsh, as a bilingual school would write it. */
  noteCy?: string;
  staff: Array<[string, number]>;
  minutes: number;
  planning?: number;
  perWeek: number; // hundredths
  start: number;
  weeks: number;
  groups?: number;
  capacity: number;
  nonStaff?: Array<[string, number]>;
  undelivered?: number[];
  description: string;
  descriptionCy?: string;
  rationale: string;
}

const LINES: LineSpec[] = [
  // Universal: whole-class, costed per pupil on roll
  {
    name: 'In-class support, Reception and Year 1',
    nameCy: 'Cymorth yn y dosbarth, Derbyn a Blwyddyn 1',
    tier: 'universal',
    areas: [CL, CI],
    lang: 'bilingual',
    staff: [
      ['Claire', 1],
      ['Paul', 1],
    ],
    minutes: 120,
    perWeek: 500,
    start: 1,
    weeks: 38,
    capacity: 60,
    description: 'Two TAs supporting whole-class phonics and early number every morning.',
    descriptionCy: 'Dau gynorthwyydd addysgu yn cefnogi ffoneg a rhif cynnar y dosbarth cyfan bob bore.',
    rationale: 'Early identification; differentiation in the classroom (ILP level 1).',
  },
  {
    name: 'Communication-friendly classrooms',
    nameCy: 'Dosbarthiadau sy’n hwyluso cyfathrebu',
    tier: 'universal',
    areas: [CI],
    lang: 'bilingual',
    staff: [['Gareth', 1]],
    minutes: 60,
    planning: 0,
    perWeek: 100,
    start: 1,
    weeks: 12,
    capacity: 420,
    nonStaff: [['Visual timetables and symbol software licence', 38500]],
    description: 'Visual timetables, symbol labels and a consistent signing approach in every class.',
    descriptionCy: 'Amserlenni gweledol, labeli symbolau a dull arwyddo cyson ym mhob dosbarth.',
    rationale: 'Universal strategies for communication and interaction (ILP level 2).',
  },
  {
    name: 'Sensory circuits (whole school)',
    nameCy: 'Cylchedau synhwyraidd (yr ysgol gyfan)',
    tier: 'universal',
    areas: [SP, BE],
    lang: 'bilingual',
    staff: [['Mark', 1]],
    minutes: 20,
    perWeek: 500,
    start: 1,
    weeks: 38,
    capacity: 30,
    nonStaff: [['Sensory circuit equipment', 62000]],
    description: 'Morning sensory circuit open to any learner.',
    descriptionCy: 'Cylched synhwyraidd bob bore sy’n agored i unrhyw ddysgwr.',
    rationale: 'Regulation before learning; open access.',
  },
  {
    name: 'Zones of Regulation, all classes',
    nameCy: 'Parthau Rheoleiddio, pob dosbarth',
    tier: 'universal',
    areas: [BE],
    lang: 'bilingual',
    staff: [['Rhian', 1]],
    minutes: 60,
    perWeek: 50,
    start: 1,
    weeks: 14,
    capacity: 420,
    nonStaff: [['Zones of Regulation resources', 24000]],
    description: 'Whole-school approach to emotional regulation, led by the ALNCo.',
    descriptionCy: 'Dull yr ysgol gyfan o reoleiddio emosiynau, dan arweiniad y CADY.',
    rationale: 'Whole-setting approach (ALN Code ch. 2).',
  },
  {
    name: 'Welsh language enrichment for latecomers',
    nameCy: 'Cyfoethogi’r Gymraeg i hwyrddyfodiaid',
    tier: 'universal',
    areas: [CI],
    lang: 'welsh',
    staff: [['Elen', 1]],
    minutes: 30,
    perWeek: 300,
    start: 1,
    weeks: 38,
    capacity: 12,
    description: 'Immersion support for learners new to Welsh.',
    descriptionCy: 'Cymorth trochi i ddysgwyr sy’n newydd i’r Gymraeg.',
    rationale: 'Not ALN: language acquisition is not a learning difficulty.',
  },
  // Targeted: time-limited catch-up, not ALP
  {
    name: 'Catch-up phonics (Year 2)',
    nameCy: 'Ffoneg dal i fyny (Blwyddyn 2)',
    tier: 'targeted',
    areas: [CL],
    lang: 'english',
    staff: [['Nia', 1]],
    minutes: 30,
    perWeek: 300,
    start: 1,
    weeks: 12,
    capacity: 6,
    nonStaff: [['Phonics resource pack', 4500]],
    description: 'Small-group phonics, three times a week for a term.',
    descriptionCy: 'Ffoneg mewn grŵp bach, dair gwaith yr wythnos am dymor.',
    rationale: 'Standard catch-up intervention (ILP level 3).',
  },
  {
    name: 'Dal i fyny darllen (Blwyddyn 3–4)',
    tier: 'targeted',
    areas: [CL],
    lang: 'welsh',
    staff: [['Elen', 1]],
    minutes: 30,
    perWeek: 300,
    start: 1,
    weeks: 13,
    capacity: 6,
    description: 'Welsh reading fluency group.',
    descriptionCy: 'Grŵp rhuglder darllen Cymraeg.',
    rationale: 'Reading age below chronological age by 12 months or more.',
  },
  {
    name: 'Number sense group (Years 3–4)',
    nameCy: 'Grŵp synnwyr rhif (Blynyddoedd 3–4)',
    tier: 'targeted',
    areas: [CL],
    lang: 'bilingual',
    staff: [['Dafydd', 1]],
    minutes: 30,
    perWeek: 200,
    start: 15,
    weeks: 10,
    capacity: 6,
    description: 'Concrete-pictorial-abstract number work.',
    descriptionCy: 'Gwaith rhif concrit, darluniadol a haniaethol.',
    rationale: 'Standardised maths score below 85.',
  },
  {
    name: 'Talk Boost (Reception)',
    nameCy: 'Talk Boost (Derbyn)',
    tier: 'targeted',
    areas: [CI],
    lang: 'english',
    staff: [['Claire', 1]],
    minutes: 30,
    planning: 10,
    perWeek: 300,
    start: 1,
    weeks: 10,
    capacity: 4,
    nonStaff: [['Talk Boost licence and training', 39500]],
    description: 'Language intervention for learners with delayed language.',
    descriptionCy: 'Ymyrraeth iaith i ddysgwyr y mae eu hiaith wedi’i hoedi.',
    rationale: 'Evidence-based early language programme.',
  },
  {
    name: 'ELSA emotional literacy',
    nameCy: 'Llythrennedd emosiynol ELSA',
    tier: 'targeted',
    areas: [BE],
    lang: 'bilingual',
    staff: [['Siân', 1]],
    minutes: 45,
    planning: 15,
    perWeek: 100,
    start: 1,
    weeks: 6,
    groups: 3,
    capacity: 1,
    description: 'Six weekly 1:1 sessions with the school’s ELSA, three learners at a time.',
    descriptionCy: 'Chwe sesiwn 1:1 wythnosol gydag ELSA yr ysgol, tri dysgwr ar y tro.',
    rationale: 'Short-term emotional support; review after six weeks.',
  },
  {
    name: 'Fine motor group (Write from the Start)',
    nameCy: 'Grŵp echddygol manwl (Write from the Start)',
    tier: 'targeted',
    areas: [SP],
    lang: 'bilingual',
    staff: [['Paul', 1]],
    minutes: 20,
    perWeek: 300,
    start: 15,
    weeks: 10,
    capacity: 6,
    nonStaff: [['Write from the Start books', 8800]],
    description: 'Perceptual-motor skills for handwriting.',
    descriptionCy: 'Sgiliau echddygol a chanfyddiadol ar gyfer llawysgrifen.',
    rationale: 'Teacher and OT screening checklist.',
  },
  {
    name: 'Precision teaching (spelling)',
    nameCy: 'Addysgu manwl (sillafu)',
    tier: 'targeted',
    areas: [CL],
    lang: 'english',
    staff: [['Paul', 1]],
    minutes: 10,
    perWeek: 500,
    start: 1,
    weeks: 24,
    groups: 4,
    capacity: 1,
    description: 'Daily ten-minute 1:1 precision teaching for four learners.',
    descriptionCy: 'Addysgu manwl 1:1 am ddeg munud bob dydd i bedwar dysgwr.',
    rationale: 'Fluency through short daily practice.',
  },
  {
    name: 'Lego-based social skills',
    nameCy: 'Sgiliau cymdeithasol drwy Lego',
    tier: 'targeted',
    areas: [CI, BE],
    lang: 'bilingual',
    staff: [['Dafydd', 1]],
    minutes: 40,
    perWeek: 100,
    start: 15,
    weeks: 24,
    capacity: 4,
    nonStaff: [['Lego sets', 15000]],
    description: 'Collaborative building with roles: engineer, supplier, builder.',
    descriptionCy: 'Adeiladu ar y cyd gyda rolau: peiriannydd, cyflenwr, adeiladwr.',
    rationale: 'Peer interaction practice.',
  },
  {
    name: 'Thrive nurture group',
    nameCy: 'Grŵp meithrin Thrive',
    tier: 'targeted',
    areas: [BE],
    lang: 'bilingual',
    staff: [
      ['Siân', 1],
      ['Mark', 1],
    ],
    minutes: 90,
    planning: 15,
    perWeek: 200,
    start: 1,
    weeks: 38,
    capacity: 8,
    nonStaff: [['Thrive online licence', 65000]],
    description: 'Two afternoons a week in the nurture room.',
    descriptionCy: 'Dau brynhawn yr wythnos yn yr ystafell feithrin.',
    rationale: 'Thrive assessment shows gaps in early developmental stages.',
  },
  // ALP: additional to or different from what the school normally provides; described in IDPs
  {
    name: '1:1 support (LA-maintained IDP)',
    nameCy: 'Cymorth 1:1 (CDU a gynhelir gan yr ALl)',
    tier: 'alp',
    areas: [CI, SP],
    lang: 'welsh',
    funding: 'la_idp',
    note: 'Funded by the authority for an LA-maintained IDP',
    noteCy: 'Wedi’i ariannu gan yr awdurdod ar gyfer CDU a gynhelir gan yr ALl',
    staff: [['Ffion', 1]],
    minutes: 390,
    perWeek: 500,
    start: 1,
    weeks: 38,
    capacity: 1,
    description: '1:1 LSW for the whole school week (32.5 hours).',
    descriptionCy: 'Gweithiwr cymorth dysgu 1:1 am yr wythnos ysgol gyfan (32.5 awr).',
    rationale: 'IDP maintained by the local authority specifies full-time 1:1 support.',
  },
  {
    name: '1:1 support (school IDP)',
    nameCy: 'Cymorth 1:1 (CDU yr ysgol)',
    tier: 'alp',
    areas: [SP],
    lang: 'english',
    staff: [['Karen', 1]],
    minutes: 300,
    perWeek: 500,
    start: 1,
    weeks: 38,
    capacity: 1,
    description: '1:1 LSW for 25 hours a week.',
    descriptionCy: 'Gweithiwr cymorth dysgu 1:1 am 25 awr yr wythnos.',
    rationale: 'IDP specifies adult support for mobility and personal care.',
  },
  {
    name: 'Specialist literacy (dyslexia programme)',
    nameCy: 'Llythrennedd arbenigol (rhaglen dyslecsia)',
    tier: 'alp',
    areas: [CL],
    lang: 'english',
    staff: [['Gareth', 1]],
    minutes: 30,
    planning: 10,
    perWeek: 300,
    start: 1,
    weeks: 38,
    groups: 2,
    capacity: 2,
    nonStaff: [['Structured literacy programme licence', 45000]],
    description: 'Structured, multisensory literacy programme delivered by a specialist teacher.',
    descriptionCy: 'Rhaglen llythrennedd strwythuredig, amlsynhwyraidd, a gyflwynir gan athro arbenigol.',
    rationale: 'IDP ALP: different from the phonics catch-up the school offers to all.',
  },
  {
    name: 'Rhaglen iaith a lleferydd (SALT programme)',
    tier: 'alp',
    areas: [CI],
    lang: 'welsh',
    staff: [['Elen', 1]],
    minutes: 30,
    planning: 10,
    perWeek: 300,
    start: 1,
    weeks: 38,
    groups: 2,
    capacity: 2,
    undelivered: [9, 10, 11],
    description: 'Speech and language targets from the SALT report, delivered by a Welsh-speaking TA.',
    descriptionCy: 'Targedau lleferydd ac iaith o adroddiad y therapydd, a gyflwynir gan gynorthwyydd addysgu sy’n siarad Cymraeg.',
    rationale: 'IDP ALP set by the speech and language therapist.',
  },
  {
    name: 'Social communication group',
    nameCy: 'Grŵp cyfathrebu cymdeithasol',
    tier: 'alp',
    areas: [CI, BE],
    lang: 'bilingual',
    staff: [['Siân', 1]],
    minutes: 45,
    planning: 15,
    perWeek: 200,
    start: 1,
    weeks: 38,
    capacity: 5,
    description: 'Small-group social communication programme.',
    descriptionCy: 'Rhaglen cyfathrebu cymdeithasol mewn grŵp bach.',
    rationale: 'IDP ALP for learners with autistic spectrum needs.',
  },
  {
    name: 'Numeracy ALP (Welsh medium)',
    nameCy: 'DDY rhifedd (cyfrwng Cymraeg)',
    tier: 'alp',
    areas: [CL],
    lang: 'english',
    staff: [['TA level 3', 1]],
    minutes: 30,
    perWeek: 400,
    start: 1,
    weeks: 38,
    capacity: 3,
    description: 'Small-group numeracy at a level well below the class.',
    descriptionCy: 'Rhifedd mewn grŵp bach ar lefel ymhell islaw’r dosbarth.',
    rationale: 'IDP ALP. Planned in Welsh; delivered in English while the Welsh-speaking post is vacant.',
  },
  {
    name: 'Occupational therapy programme',
    nameCy: 'Rhaglen therapi galwedigaethol',
    tier: 'alp',
    areas: [SP],
    lang: 'bilingual',
    funding: 'health_board',
    note: 'Secured by the health board (NHS)',
    noteCy: 'Wedi’i sicrhau gan y bwrdd iechyd (GIG)',
    staff: [['Karen', 1]],
    minutes: 30,
    perWeek: 200,
    start: 1,
    weeks: 38,
    capacity: 1,
    description: 'OT programme delivered in school, set and reviewed by the health board’s OT.',
    descriptionCy: 'Rhaglen therapi galwedigaethol a gyflwynir yn yr ysgol, wedi’i gosod a’i hadolygu gan therapydd galwedigaethol y bwrdd iechyd.',
    rationale: 'Health ALP secured by the NHS body; not charged to the school.',
  },
  {
    name: 'Sensory diet and regulation plan',
    nameCy: 'Deiet synhwyraidd a chynllun rheoleiddio',
    tier: 'alp',
    areas: [SP, BE],
    lang: 'bilingual',
    staff: [['Mark', 1]],
    minutes: 20,
    perWeek: 1000,
    start: 1,
    weeks: 38,
    capacity: 2,
    nonStaff: [['Weighted and fidget equipment', 18000]],
    description: 'Twice-daily planned sensory breaks.',
    descriptionCy: 'Seibiannau synhwyraidd wedi’u cynllunio, ddwywaith y dydd.',
    rationale: 'IDP ALP set with the specialist teacher for sensory needs.',
  },
  {
    name: 'Hearing support (specialist teacher)',
    nameCy: 'Cymorth clyw (athro arbenigol)',
    tier: 'alp',
    areas: [SP],
    lang: 'english',
    funding: 'aln_grant',
    note: 'ALN grant 2026-27',
    noteCy: 'Grant ADY 2026-27',
    staff: [['Gareth', 1]],
    minutes: 45,
    perWeek: 100,
    start: 15,
    weeks: 24,
    capacity: 1,
    description: 'Weekly pre-teaching of vocabulary and radio-aid checks.',
    descriptionCy: 'Rhag-addysgu geirfa bob wythnos a gwirio’r cymorth clyw radio.',
    rationale: 'IDP ALP for a learner with a hearing impairment.',
  },
];

// ── Learners ─────────────────────────────────────────────────────────────────────────────────────
type LearnerRow = [name: string, year: number, status: AlnStatus, areas: string[], welshAlp?: boolean, idpHours?: number, lastReview?: string];
const LEARNERS: LearnerRow[] = [
  ['Osian Pritchard', 2, 'idp_la', [CI, SP], true, 32.5, '2026-01-20'],
  ['Mia Kowalski', 4, 'idp_school', [SP], false, 26, '2026-03-11'],
  ['Tomos Rees', 5, 'idp_school', [CL], false, 1.5, '2025-10-02'],
  ['Lili Hopkins', 4, 'idp_school', [CL], false, 1.5, '2026-05-14'],
  ['Ioan Bevan', 3, 'idp_school', [CL], false, 1.5, '2026-02-26'],
  ['Grace Phillips', 6, 'idp_school', [CL], false, 1.5, '2026-06-18'],
  ['Efa Harries', 1, 'idp_school', [CI], true, 1.5, '2026-04-30'],
  ['Harri Owen', 2, 'idp_school', [CI], true, 1.5, '2026-07-02'],
  ['Noah Clarke', 3, 'idp_school', [CI, BE], false, 1.5, '2026-01-15'],
  ['Alys Jones', 5, 'idp_school', [CI, BE], true, 1.5, '2026-03-05'],
  ['Jac Powell', 4, 'idp_school', [CL], true, 2, '2026-02-05'],
  ['Erin Matthews', 1, 'idp_la', [SP, BE], false, 3.5, '2026-06-10'],
  ['Ruby Watkins', 6, 'idp_la', [SP], false, 0.75, '2026-09-24'],
  ['Cai Griffiths', 3, 'idp_school', [BE], false, 1, '2026-05-21'],
  ['Seren Morris', 2, 'monitored', [CL]],
  ['Leo Edwards', 2, 'monitored', [CL]],
  ['Isla Bowen', 2, 'none', []],
  ['Macsen Howells', 2, 'none', []],
  ['Gwen Parry', 3, 'monitored', [CL]],
  ['Ffion Rowlands', 4, 'monitored', [CL]],
  ['Cadi Lloyd', 3, 'none', []],
  ['Deio Vaughan', 4, 'none', []],
  ['Amelia Baker', 3, 'monitored', [CL]],
  ['Oliver Walsh', 4, 'none', []],
  ['Elsi Jenkins', 0, 'monitored', [CI]],
  ['Arthur Knight', 0, 'monitored', [CI]],
  ['Nel Pugh', 0, 'none', []],
  ['Evie Turner', 0, 'none', []],
  ['Twm Hughes', 5, 'monitored', [BE]],
  ['Sophie Lane', 6, 'monitored', [BE]],
  ['Rhys Daniel', 4, 'monitored', [BE]],
  ['Bethan Ellis', 1, 'monitored', [SP]],
  ['Caleb Moore', 2, 'none', []],
  ['Manon Probert', 1, 'none', []],
  ['Jacob Ward', 5, 'monitored', [CL]],
  ['Megan Price', 6, 'monitored', [CL]],
  ['Iestyn Rhys', 5, 'none', []],
  ['Poppy Saunders', 4, 'monitored', [CI, BE]],
  ['Gruff Thomas', 3, 'monitored', [CI]],
  ['Ava Collins', 5, 'none', []],
  ['Elis Harris', 6, 'monitored', [BE]],
  ['Martha Young', 1, 'none', []],
  ['Osian Beynon', 4, 'monitored', [CL]],
  ['Hannah Scott', 3, 'none', []],
  ['Llew Richards', 2, 'monitored', [CL, SP]],
  ['Freya Green', -1, 'monitored', [CI]],
  ['Cian Murphy', 5, 'idp_school', [BE], false, 1.5, '2026-06-25'],
  ['Lowri Jenkins', 6, 'monitored', [CL]],
];

/** The demo's measures of progress in Welsh, as a bilingual school would name them. */
const MEASURE_NAMES_CY: Record<string, string> = { 'Reading age': 'Oedran darllen', 'Boxall profile': 'Proffil Boxall' };
/**
 * Their units in Welsh: months of reading age, points on the Boxall profile; singular, as Welsh counts
 * after a number ('+6.5 mis', '+9.3 pwynt') and after 'fesul' ('£12.15 fesul pwynt').
 */
const MEASURE_UNITS_CY: Record<string, string> = { months: 'mis', points: 'pwynt' };

/** Enrolments: [line name prefix, learner name, startWeek?, endWeek?, measure?] */
type EnrolRow = [line: string, learner: string, start?: number, end?: number, measure?: [string, string, number | null, number | null]];
const RA: [string, string] = ['Reading age', 'months'];
const ENROLMENTS: EnrolRow[] = [
  ['1:1 support (LA', 'Osian Pritchard'],
  ['1:1 support (school', 'Mia Kowalski'],
  ['Specialist literacy', 'Tomos Rees', 1, 38, [...RA, 84, 97]],
  ['Specialist literacy', 'Lili Hopkins', 1, 38, [...RA, 79, 88]],
  ['Specialist literacy', 'Ioan Bevan', 1, 38, [...RA, 70, null]],
  ['Specialist literacy', 'Grace Phillips', 1, 38, [...RA, 96, 110]],
  ['Rhaglen iaith', 'Efa Harries'],
  ['Rhaglen iaith', 'Harri Owen'],
  ['Rhaglen iaith', 'Osian Pritchard'],
  ['Social communication', 'Noah Clarke'],
  ['Social communication', 'Alys Jones'],
  ['Social communication', 'Cian Murphy'],
  ['Numeracy ALP', 'Jac Powell'],
  ['Numeracy ALP', 'Ioan Bevan'],
  ['Occupational therapy', 'Mia Kowalski'],
  ['Sensory diet', 'Erin Matthews'],
  ['Sensory diet', 'Osian Pritchard'],
  ['Hearing support', 'Ruby Watkins'],
  ['Catch-up phonics', 'Seren Morris', 1, 12, [...RA, 62, 70]],
  ['Catch-up phonics', 'Leo Edwards', 1, 12, [...RA, 60, 66]],
  ['Catch-up phonics', 'Isla Bowen', 1, 12, [...RA, 65, 74]],
  ['Catch-up phonics', 'Macsen Howells', 1, 12, [...RA, 63, 69]],
  ['Catch-up phonics', 'Llew Richards', 1, 12, [...RA, 58, 61]],
  ['Dal i fyny', 'Gwen Parry'],
  ['Dal i fyny', 'Ffion Rowlands'],
  ['Dal i fyny', 'Cadi Lloyd'],
  ['Dal i fyny', 'Deio Vaughan'],
  ['Number sense', 'Amelia Baker'],
  ['Number sense', 'Oliver Walsh'],
  ['Number sense', 'Osian Beynon'],
  ['Number sense', 'Hannah Scott'],
  ['Talk Boost', 'Elsi Jenkins'],
  ['Talk Boost', 'Arthur Knight'],
  ['Talk Boost', 'Nel Pugh'],
  ['Talk Boost', 'Evie Turner'],
  ['ELSA', 'Twm Hughes', 1, 6, ['Boxall profile', 'points', 42, 55]],
  ['ELSA', 'Sophie Lane', 1, 6, ['Boxall profile', 'points', 38, 47]],
  ['ELSA', 'Rhys Daniel', 1, 6, ['Boxall profile', 'points', 45, 51]],
  ['Fine motor', 'Bethan Ellis'],
  ['Fine motor', 'Caleb Moore'],
  ['Fine motor', 'Manon Probert'],
  ['Fine motor', 'Martha Young'],
  ['Precision teaching', 'Jacob Ward'],
  ['Precision teaching', 'Megan Price'],
  ['Precision teaching', 'Iestyn Rhys'],
  ['Precision teaching', 'Lowri Jenkins'],
  ['Lego-based', 'Poppy Saunders'],
  ['Lego-based', 'Gruff Thomas'],
  ['Lego-based', 'Ava Collins'],
  ['Thrive', 'Elis Harris'],
  ['Thrive', 'Poppy Saunders', 1, 25],
  ['Thrive', 'Twm Hughes', 1, 25],
  ['Thrive', 'Sophie Lane', 1, 25],
  ['Thrive', 'Rhys Daniel', 1, 25],
  ['Thrive', 'Freya Green', 1, 25],
  ['Welsh language enrichment', 'Caleb Moore'],
  ['Welsh language enrichment', 'Ava Collins'],
];

/** The demo school year: deterministic, so tests and screenshots are repeatable. */
export function demoSchoolYear(): SchoolYear {
  const year = emptySchoolYear(2026);
  year.school = {
    name: 'Ysgol Cwm Glas (demo)',
    nameCy: 'Ysgol Cwm Glas (enghraifft)',
    localAuthority: 'Example County Borough Council',
    localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft',
    // A fictional authority, so no code and no official number.
    localAuthorityCode: '',
    officialNumber: '',
    phase: 'primary',
    numberOnRoll: 420,
    efsmBasisPoints: 2140,
    languageMedium: 'bilingual',
    academicYear: '2026-27',
    alpDefinitionSource: 'Example County ILP and ALP guidance for schools',
    alpDefinitionSourceCy: 'Canllawiau CDU a DDY Sir Enghraifft i ysgolion',
    alpDefinitionDate: '2025-09-01',
  };

  year.staff = STAFF.map(([name, role, hourly, hours, welsh, placeholder], i): StaffMember => ({
    id: i + 1,
    name,
    role,
    isPlaceholder: placeholder ?? false,
    hourlyCostPence: hourly,
    hourlyCostBasis: null,
    contractedMinutesPerWeek: Math.round(hours * 60),
    worksInWelsh: welsh,
  }));
  // Show the calculator's inputs on one TA: £16,770 actual pay for 32.5 h × 38.6 paid weeks, 28.5% on-costs
  // → £21,549.45 ÷ 1,254.5 h = £17.18 an hour (the figure stored above).
  const elen = year.staff[4];
  if (elen) {
    elen.hourlyCostBasis = { annualSalaryPence: 1_677_000, onCostBasisPoints: 2850, paidWeeksHundredths: 3860, paidMinutesPerWeek: 1950 };
  }

  year.lines = LINES.map((l, i): InterventionLine => ({
    id: i + 1,
    name: l.name,
    nameCy: l.nameCy ?? '',
    description: l.description,
    descriptionCy: l.descriptionCy ?? '',
    rationale: l.rationale,
    tierId: l.tier,
    areaIds: l.areas,
    deliveryLanguage: l.lang,
    fundingSource: l.funding ?? 'aln_budget',
    fundingNote: l.note ?? '',
    fundingNoteCy: l.noteCy ?? '',
    staff: l.staff.map(([who, count]) => {
      const staffId = S(who);
      if (staffId === 0) throw new Error(`demo: no staff ${who}`);
      return { staffId, count };
    }),
    minutesPerSession: l.minutes,
    planningMinutesPerSession: l.planning ?? 0,
    sessionsPerWeekHundredths: l.perWeek,
    startWeek: l.start,
    weeks: l.weeks,
    groups: l.groups ?? 1,
    groupCapacity: l.capacity,
    nonStaffCosts: (l.nonStaff ?? []).map(([label, pence]) => ({ label, pence })),
    undeliveredWeeks: l.undelivered ?? [],
    expectedProgress: null,
  }));

  year.learners = LEARNERS.map(([name, yearGroup, status, areas, welsh, idpHours, lastReview], i): Learner => ({
    id: i + 1,
    ref: `CG${String(1001 + i)}`,
    name,
    yearGroup,
    alnStatus: status,
    areaIds: areas,
    welshAlp: welsh ?? false,
    idpAlpMinutesPerWeek: idpHours === undefined ? null : Math.round(idpHours * 60),
    idpLastReviewed: lastReview ?? null,
    idpReviewDue: null,
    efsm: i % 4 === 1,
    lookedAfter: i === 9,
    referredOn: null,
    referralDecider: 'school',
    decidedOn: null,
  }));

  const lineId = (prefix: string): InterventionLine => {
    const line = year.lines.find((l) => l.name.startsWith(prefix));
    if (!line) throw new Error(`demo: no line ${prefix}`);
    return line;
  };
  const learnerId = (name: string): number => {
    const learner = year.learners.find((l) => l.name === name);
    if (!learner) throw new Error(`demo: no learner ${name}`);
    return learner.id;
  };
  year.enrolments = ENROLMENTS.map(([linePrefix, learner, start, end, measure], i): Enrolment => {
    const line = lineId(linePrefix);
    return {
      id: i + 1,
      lineId: line.id,
      learnerId: learnerId(learner),
      startWeek: start ?? line.startWeek,
      endWeek: end ?? line.startWeek + line.weeks - 1,
      measureName: measure?.[0] ?? '',
      measureNameCy: MEASURE_NAMES_CY[measure?.[0] ?? ''] ?? '',
      measureUnit: measure?.[1] ?? '',
      measureUnitCy: MEASURE_UNITS_CY[measure?.[1] ?? ''] ?? '',
      entryValue: measure?.[2] ?? null,
      exitValue: measure?.[3] ?? null,
    };
  });

  const income: Array<Omit<IncomeLine, 'id'>> = [
    {
      kind: 'delegated_aln',
      name: 'Delegated ALN funding 2026-27',
      nameCy: 'Cyllid ADY dirprwyedig 2026-27',
      amountPence: 6_200_000,
      financialYear: null,
      endsOn: null,
      source: 'Authority budget statement (Section 52), notional ALN allocation',
      sourceCy: 'Datganiad cyllideb yr awdurdod (Adran 52), dyraniad ADY tybiannol',
    },
    {
      kind: 'aln_grant',
      name: 'ALN implementation grant',
      nameCy: 'Grant gweithredu ADY',
      amountPence: 1_240_000,
      financialYear: 2026,
      endsOn: '2027-03-31',
      source: 'Welsh Government grant via the authority; ends 31 March 2027',
      sourceCy: 'Grant Llywodraeth Cymru drwy’r awdurdod; yn dod i ben 31 Mawrth 2027',
    },
    {
      kind: 'school_contribution',
      name: 'School contribution from core budget',
      nameCy: 'Cyfraniad yr ysgol o’r gyllideb graidd',
      amountPence: 600_000,
      financialYear: null,
      endsOn: null,
      source: 'Governing body budget decision, March 2026',
      sourceCy: 'Penderfyniad cyllideb y corff llywodraethu, Mawrth 2026',
    },
  ];
  year.income = income.map((l, i) => ({ ...l, id: i + 1 }));

  const others: Array<Omit<OtherCostLine, 'id'>> = [
    {
      kind: 'alnco_release',
      name: 'ALNCo release time (1 day a week)',
      nameCy: 'Amser rhyddhau’r CADY (1 diwrnod yr wythnos)',
      fundingSource: 'aln_budget',
      staffId: S('Rhian'),
      minutesPerWeek: 390,
      quantity: 0,
      unitPence: 0,
      startWeek: 1,
      weeks: 38,
    },
    {
      kind: 'bought_in_service',
      name: 'Educational psychology (traded sessions)',
      nameCy: 'Seicoleg addysg (sesiynau a brynwyd)',
      fundingSource: 'aln_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 6,
      unitPence: 52_500,
      startWeek: 1,
      weeks: 38,
    },
    {
      kind: 'bought_in_service',
      name: 'Speech and language therapy assessments',
      nameCy: 'Asesiadau therapi lleferydd ac iaith',
      fundingSource: 'aln_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 4,
      unitPence: 38_000,
      startWeek: 1,
      weeks: 38,
    },
    {
      kind: 'professional_learning',
      name: 'TA training: precision teaching and ELSA supervision',
      nameCy: 'Hyfforddiant CA: addysgu manwl a goruchwylio ELSA',
      fundingSource: 'aln_grant',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 1,
      unitPence: 145_000,
      startWeek: 1,
      weeks: 24,
    },
    {
      kind: 'administration',
      name: 'ALN administration (office time)',
      nameCy: 'Gweinyddu ADY (amser swyddfa)',
      fundingSource: 'core_budget',
      staffId: null,
      minutesPerWeek: 0,
      quantity: 1,
      unitPence: 210_000,
      startWeek: 1,
      weeks: 38,
    },
  ];
  year.otherCosts = others.map((l, i) => ({ ...l, id: i + 1 }));

  year.workload = { alncoStaffId: S('Rhian'), idpsToPrepare: 6, minutesPerIdp: 600, idpReviews: 14, minutesPerReview: 180 };

  // Two learners on the monitoring register the school was asked about this autumn: each decision (and IDP,
  // if they have ALN) is due 35 school days after the referral (docs/costing-rules.md, "The decision clock").
  const refer = (name: string, referredOn: string) => {
    const l = year.learners.find((x) => x.name === name);
    if (!l) throw new Error(`demo: no learner ${name}`);
    l.referredOn = referredOn;
  };
  refer('Seren Morris', '2026-10-05');
  refer('Twm Hughes', '2026-11-16');
  return year;
}
