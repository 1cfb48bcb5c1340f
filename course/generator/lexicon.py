"""Generic English word lists used as cheap linguistic knowledge.

Nothing here is about any particular abstract or subject: these are the
function words, the vocabulary of academic boilerplate and of web page
furniture that any English text may contain. The generator has no
part-of-speech tagger, so these lists (plus suffix heuristics in
:mod:`course.generator.tokens`) stand in for one.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Function words. Content phrases are the spans between them.
STOPWORDS = _words(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere
    are around as at be became because been before beforehand being below beside besides
    between beyond both but by can cannot could did do does doing done down due during each
    either else elsewhere enough etc even ever every everyone everything everywhere except
    few for former formerly from further furthermore had has have having he hence her here
    hereby herein hers herself him himself his how however i if in indeed instead into is it
    its itself just least less like likewise many may me meanwhile might mine more moreover
    most mostly much must my myself namely neither never nevertheless no nobody none nor not
    nothing now nowhere of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps quite rather really same several she should since so
    some somehow someone something sometime sometimes somewhat somewhere still such than that
    the their theirs them themselves then thence there thereafter thereby therefore therein
    thereupon these they this those though through throughout thus to together too toward
    towards under unless until up upon us very via was we well were what whatever when whence
    whenever where whereas whereby wherein whether which while whither who whoever whole whom
    whose why will with within without would yet you your yours yourself yourselves
    e.g i.e et al cf vs viz ie eg including regarding concerning according excluding using
    two three four five six seven eight nine ten eleven twelve hundred thousand million
    billion
    """
)

#: Determiners and pronouns: a word followed by one of these is taking an
#: object, which is how a verb ending in -ing or -ed betrays itself.
OBJECT_STARTERS = _words(
    """
    a an the this that these those its their his her our my your them him us it
    some any each every all such both no what how which whom
    """
)

#: Auxiliary verbs: a participle right after one is a verb ("was undertaken").
AUXILIARIES = _words("is are was were be been being am has have had")

#: Modal verbs: what follows is a verb.
MODALS = _words("can could may might must shall should will would")

#: Determiners and object pronouns after which a word in -s is a verb
#: ("... plays an important role").
VERB_OBJECTS = _words(
    "a an the this these those its their his her our my your them him us some any no every"
)

#: Determiners opening a noun phrase ("The paper reviews ...").
DETERMINERS = _words("the this that these those our a an each every its their my his her")

#: Words after which an ambiguous noun/verb ("change", "limit") is a verb.
VERB_TRIGGERS = _words(
    """
    to will would can could may might must shall should do does did not also
    we they i you he she it who which that
    """
)

#: Prepositions: an -ing word right after one of these heads a gerund clause
#: ("by replacing the ...", "in administering ..."), i.e. acts as a verb.
PREPOSITIONS = _words(
    """
    about above across after against along alongside amid amidst among around as at
    before behind below beneath beside between beyond by despite during for from in
    into of on onto over since through throughout toward towards under underneath unlike
    upon versus via while with within without when
    """
)

#: Adjectives and quantifiers that make a phrase vaguer, not more specific;
#: trimmed from the ends of candidate phrases ("various ways" -> "ways"). How
#: common a word is comes from word frequencies (see frequency.py); this list is
#: for the closed class of quantifying, grading and ordering words.
GENERIC_MODIFIERS = _words(
    """
    various several numerous many much more most less least few other another such same
    different certain particular specific general whole entire main major minor great
    greater greatest large larger largest small smaller smallest big high higher highest
    low lower lowest new newer old older good better best bad worse worst important
    significant considerable substantial extensive possible potential real true full simple
    common basic key crucial essential notable first second third fourth fifth last next
    final initial previous prior recent current present future further additional overall
    individual respective relevant necessary useful novel unexpected subtle fundamental
    critical distinct single multiple longer shorter wider broader deeper closer stronger
    weaker wide broad deep strong weak early late earlier later total top bottom own typical
    usual related corresponding similar specified given existing proposed following
    available detailed nuanced promising serious interesting remarkable growing increasing
    comprehensive thorough careful rigorous robust
    """
)

#: Nouns of academic framing and relation ("the paper", "the results", "a number
#: of", "the role of"): too vague to be a concept on their own, and a phrase made
#: only of them ("main results") or an adjective and one of them ("technical
#: aspects") names nothing. Singular forms; plurals compare equal.
GENERIC_NOUNS = _words(
    """
    paper study article essay chapter section author approach method result finding
    analysis aim purpose goal objective problem issue question aspect case fact number
    part use type kind form level role effect impact area field example order time year
    period decade beginning end basis measure step stage phase factor feature element
    component means manner respect regard extent degree amount range set series variety
    lot deal thing reference attention consequence conclusion idea notion concept overview
    discussion introduction summary literature situation condition context task challenge
    opportunity difference trend relation relationship connection interest importance
    value quality ability possibility emphasis way line people person matter sense side
    direction day month week hour place attempt focus account detail instance majority
    minority percent share rate total average variant version technique tool solution
    effort activity concern need point view term
    """
)

#: Words in -ly that are not adverbs (adverbs split noun phrases).
LY_NOT_ADVERB = _words(
    """
    family supply assembly italy july sicily monopoly anomaly reply ally rally poly apply
    fly butterfly jelly belly bully holly lily tally folly melancholy early daily weekly
    monthly yearly quarterly hourly friendly likely elderly costly lonely lovely ugly holy
    orderly scholarly worldly timely deadly silly oily hilly curly only italy homily
    """
)

#: Words in -ed / -ing that are nouns or adjectives, never participles.
ED_ING_NOUNS = _words(
    """
    bed need seed speed feed red shed hundred creed greed breed weed sled shred
    thing things string strings spring springs king kings ring rings wing wings evening
    evenings morning mornings ceiling ceilings nothing something anything everything
    during sibling siblings darling pudding wedding weddings building buildings meeting
    meetings
    """
)

#: Verbs that are rarely nouns: any -s form or base form of these splits a phrase.
VERB_BASES = _words(
    """
    accept achieve acquire adapt add adopt affect agree allow analyse analyze apply argue
    arise assess assign assist assume avoid become begin believe belong bring calculate
    carry choose classify collect combine compare compete compile comprise compute
    conclude confirm connect consider consist constitute construct contain continue
    contribute convert correspond create decide define demonstrate depend derive describe
    determine develop differ discover discuss distinguish divide eliminate emerge employ
    enable encourage enhance ensure enter establish evaluate examine exist expand expect
    explain explore express extend extract facilitate fail find follow generate give go grow
    happen identify illustrate implement imply improve include incorporate indicate
    integrate intend introduce investigate involve keep know learn let lose appear come arrive
    maintain make meet mention minimize modify motivate observe obtain occur operate
    outperform perform predict prepare preserve prevent promote propose prove provide
    publish read realize receive recognize reduce refer reflect regard relate rely remain
    remove replace represent require resolve reveal say see seek seem select serve simulate
    solve specify suggest suppose take tend think treat try undergo understand undertake
    utilize validate vary verify want get transform impress visualize translate
    reorganize reorganise restructure enact emphasise emphasize alter coincide interact
    underline attend align exhibit elicit induce mitigate adjudicate administer disentangle
    utilise reuse suffer generalize generalise retrieve formulate vaccinate quantify
    characterize characterise attenuate exacerbate alleviate inhibit stimulate accelerate
    amplify undermine overcome persist foster hinder impede summarize summarise synthesize
    synthesise optimize optimise detect enroll enrol recruit
    """
)

#: Noun/verb homographs: verbs only right after a trigger ("to limit", "we design").
AMBIGUOUS_VERB_BASES = _words(
    """
    aim attempt build cause claim concern conduct deal decrease design estimate focus gain
    help highlight increase lack lead limit look measure model move need note offer outline
    permit place plan play produce reach report set show start state stress support test
    turn use view yield change control address review share face form process result study
    work bridge purge access record present launch secure save trace offer subordinate
    hold run rise fall decline shape impact benefit experience base document list train
    challenge act link visit matter attribute
    """
)

#: Irregular past tenses and participles.
IRREGULAR_VERB_FORMS = _words(
    """
    began begun became brought built bought came chose chosen did done drew drawn drove
    driven fell fallen felt found gave given got gotten grew grown held kept knew known laid
    led lent lost made meant met paid ran rose risen said saw seen sent shown sought spent
    stood struck taken took taught thought told understood undertaken undertook went gone
    won wrote written arose arisen overcame overcome withdrawn withdrew proven
    """
)

#: Adjectives that follow a noun only as a predicate ("the model [is] consistent"):
#: at the end of a run of content words they mark a missed verb, not a term.
PREDICATE_ADJECTIVES = _words(
    """
    consistent inherent different dependent independent sufficient efficient relevant
    important significant available responsible possible necessary similar capable aware
    able likely due related suitable vital essential evident apparent prevalent common
    critical crucial present absent subject open free true false clear difficult easy
    worldwide nationwide statewide
    """
)
#: Endings of adjectives that are hardly ever nouns (helpful, famous, wireless).
PREDICATE_ADJECTIVE_ENDINGS = ("ful", "ous", "less", "able", "ible")
#: ... except these nouns.
NOUNS_WITH_ADJECTIVE_ENDINGS = _words("table tables variable variables cable cables bible")

#: Abbreviations that are normally followed by more of the same sentence
#: ("Dr. Smith", "et al. Jones", "Fig. 2"). A period after any other word of two
#: letters or more, followed by a capital, ends a sentence (see sentences.py).
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st mt rev gen col capt lt sgt gov sen rep pres hon
    jan feb mar apr jun jul aug sep sept oct nov dec
    al cf vs viz ed eds eq eqs fig figs tab ch chap sec sect vol vols no nos pp ref refs
    approx ca resp dept univ inst corp inc ltd co bros ave blvd rd est op cit ibid repr
    trans transl mss art para nr ser suppl assoc intl natl dist govt
    """
)

#: Words that make up web-page furniture: buttons, toggles, download links.
#: A short line made only of these (and function words or numbers) is boilerplate.
UI_WORDS = _words(
    """
    show hide more less open close closed button buttons download downloads pdf cite cited
    citation citations share abstract toggle expand collapse copy print view full text html
    export save email menu back top next previous home login logout sign register search
    read link permalink bookmark tweet references keywords info details see click here tab
    select language translate go get metrics supplementary material figures tables table
    figure kb mb page pages article summary listen viewed views downloads shares open-close
    skip content journals books access institution purchase log
    """
)

#: Section headings of structured abstracts ("Background", "Methods"). A line
#: made only of these is page structure, not a title or a sentence.
HEADING_WORDS = _words(
    """
    background backgrounds method methods methodology result results conclusion conclusions
    objective objectives introduction purpose aim aims discussion findings design setting
    settings participants materials highlights graphical acknowledgements acknowledgments
    context interventions measurements limitations implications significance keywords
    originality value approach practical social registration
    """
)

#: Lower-case words inside English titles ("The Reorganization of the Unions").
TITLE_SMALL_WORDS = _words(
    "a an the and but or nor for of on in at to by with as vs via from into over per"
)

#: Words that join parts of one proper name ("Bill of Rights").
NAME_CONNECTORS = _words("of for on")

#: Singular nouns that open academic sentences as the subject of a verb in -s
#: ("The paper reviews ...", "The review focuses on ...").
SUBJECT_NOUNS = _words(
    """
    paper study article review analysis chapter report work research thesis essay book
    survey model method approach system author framework section evidence literature
    """
)

#: Generic heads that can be dropped without changing the concept:
#: "shock work movement" = "shock work", "data mining techniques" = "data mining".
VARIANT_HEADS = _words(
    """
    movement movements campaign campaigns approach approaches method methods technique
    techniques strategy strategies scheme schemes phenomenon process processes theory
    challenge challenges issue issues problem problems effort efforts
    """
)

#: Collective nouns for a body of people: "the X group" and "the X-ist
#: leadership" name the same people when X is the same name.
COLLECTIVE_NOUNS = _words(
    """
    group groups leadership leaders faction factions camp camps wing wings bloc blocs
    circle circles clique cliques followers supporters adherents regime
    """
)

#: Past forms of irregular verbs, with their bases ("led" -> "lead").
IRREGULAR_BASE = {
    "led": "lead", "made": "make", "took": "take", "gave": "give", "brought": "bring",
    "built": "build", "held": "hold", "grew": "grow", "rose": "rise", "fell": "fall",
    "won": "win", "lost": "lose", "kept": "keep", "sought": "seek", "found": "find",
    "drew": "draw", "drove": "drive", "went": "go", "came": "come", "saw": "see",
    "knew": "know", "wrote": "write", "struck": "strike", "ran": "run", "met": "meet",
    "paid": "pay", "sent": "send", "spent": "spend", "stood": "stand", "told": "tell",
    "taught": "teach", "bought": "buy", "chose": "choose", "fled": "flee", "shook": "shake",
    "undertook": "undertake", "overcame": "overcome", "withdrew": "withdraw", "laid": "lay",
    "got": "get", "began": "begin", "became": "become", "arose": "arise", "spread": "spread",
    "cut": "cut", "set": "set", "put": "put",
}  # fmt: skip
