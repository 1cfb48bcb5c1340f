"""The classic item-writing flaws (course.generator.flaws.form and the option checks): each
is found in a question that has it, and not in near-misses a naive rule would flag."""

from __future__ import annotations

from typing import Any

import pytest

from course.generator.flaws import CATALOG, REPORTED, Asked, duplicates, findings, item_flaws


def mc(prompt: str, key: str, *wrong: str) -> dict[str, Any]:
    return dict(type="single_choice", prompt=prompt, options=[key, *wrong], answer=key)


def tf(statement: str, answer: bool = True) -> dict[str, Any]:
    return dict(type="true_false", prompt=statement, options=[], answer=answer)


def codes(item: dict[str, Any]) -> set[str]:
    return {flaw.code for flaw in findings(**item)}


#: code -> (a question with that flaw, near-misses that must carry no finding at all)
CASES: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {
    "longest-option": (
        mc(
            "Why do leaves look green?",
            "Because chlorophyll absorbs red and blue light and reflects green light",
            "Heat",
            "Soil minerals",
            "Rain",
        ),
        [
            # long for a reason every option shares
            mc(
                "What does a central bank do when it raises its policy rate?",
                "It makes borrowing more expensive for commercial banks and households",
                "It lowers the amount of money that commercial banks must keep in reserve",
                "It buys government bonds from banks to push long-term yields down",
                "It fixes the exchange rate of the currency against a basket of others",
            ),
        ],
    ),
    "word-repeat": (
        mc(
            "Which gland produces thyroxine, the thyroid hormone?",
            "The thyroid gland",
            "The pancreas",
            "The adrenal cortex",
            "The pituitary",
        ),
        [
            # the shared word is in every option
            mc(
                "Which treaty ended the First World War with Germany?",
                "Treaty of Versailles",
                "Treaty of Paris",
                "Treaty of Ghent",
                "Treaty of Utrecht",
            ),
            # an everyday word shared by topic, not a cue
            mc(
                "Which structure surrounds a plant cell outside its membrane?",
                "Cell wall",
                "Nucleus",
                "Vacuole",
                "Ribosome",
            ),
        ],
    ),
    "answer-in-stem": (
        dict(
            type="short_answer",
            prompt="Aspirin, or acetylsalicylic acid, is a derivative of which acid?",
            options=[],
            answer=["salicylic acid"],
        ),
        [
            dict(
                type="short_answer",
                prompt="Which acid gives vinegar its sour taste?",
                options=[],
                answer=["acetic acid"],
            )
        ],
    ),
    "grammar-cue": (
        mc(
            "Atoms of one element that differ in their number of neutrons are called",
            "isotopes",
            "an allotrope",
            "a cation",
            "a radical",
        ),
        [
            mc(
                "A good whose demand rises when incomes fall is called an",
                "inferior good",
                "ordinary good",
                "elastic good",
                "essential good",
            ),
        ],
    ),
    "convergence-cue": (
        mc(
            "Which gives the capital and the official language of Brazil?",
            "Bras\u00edlia, Portuguese",
            "Bras\u00edlia, Spanish",
            "Rio de Janeiro, Portuguese",
            "S\u00e3o Paulo, Portuguese",
        ),
        [
            mc(
                "Which planet is the largest in the solar system?",
                "Jupiter",
                "Saturn",
                "Neptune",
                "Earth",
            )
        ],
    ),
    "absolute-terms": (
        mc(
            "What do antibiotics treat?",
            "Bacterial infections",
            "Always viral infections",
            "Every fungal disease",
            "Allergies",
        ),
        [
            # "all-out" is a word of its own; the stem's "complete" is not an option's
            dict(
                type="single_choice",
                prompt="Assuming complete dissociation, what is the pH of 0.01 M HCl?",
                options=["1", "2", "7", "12"],
                answer="2",
            ),
            tf("Mammals feed their young with milk."),
        ],
    ),
    "vague-terms": (
        mc(
            "What do mitochondria do in a cell?",
            "Produce ATP",
            "Usually store DNA",
            "Make proteins",
            "Divide cells",
        ),
        [mc("What do mitochondria produce?", "ATP", "DNA", "Glucose", "Ribosomes")],
    ),
    "all-of-the-above": (
        mc("Which of these are mammals?", "All of the above", "Whale", "Bat", "Dolphin"),
        [mc("Which of these is a mammal?", "Whale", "Shark", "Trout", "Octopus")],
    ),
    "none-of-the-above": (
        mc(
            "What is the capital of Australia?",
            "Canberra",
            "Sydney",
            "Melbourne",
            "None of the above",
        ),
        [mc("What is the capital of Australia?", "Canberra", "Sydney", "Melbourne", "Perth")],
    ),
    "combination-options": (
        mc(
            "Which of these are noble gases? (a) neon (b) argon (c) nitrogen",
            "(a) and (b)",
            "(a) and (c)",
            "(b) and (c)",
            "(c) only",
        ),
        [
            # "and" inside a title
            mc(
                "Which novel did Jane Austen publish in 1813?",
                "Pride and Prejudice",
                "Emma",
                "Persuasion",
                "Mansfield Park",
            ),
        ],
    ),
    "near-duplicate-options": (
        mc(
            "Which command undoes a commit by adding a new one?",
            "git revert",
            "git reset --hard",
            "git rebase",
            "git reset in hard mode",
        ),
        [
            mc(
                "What is the worst-case time complexity of binary search?",
                "O(log n)",
                "O(1)",
                "O(n)",
                "O(n log n)",
            ),
            mc(
                "The price elasticity of demand is -2. What happens to the quantity demanded "
                "when the price rises by 5%?",
                "It falls by 10%",
                "It falls by 2.5%",
                "It rises by 2.5%",
                "It rises by 10%",
            ),
        ],
    ),
    "non-parallel-options": (
        mc(
            "Which artistic movement is Claude Monet most closely associated with?",
            "Impressionism",
            "Cubism",
            "Surrealism",
            "He belonged to the Baroque school.",
        ),
        [
            # every option a sentence: parallel
            mc(
                "Why did the Weimar Republic's hyperinflation of 1923 end?",
                "A new currency, the Rentenmark, replaced the paper mark.",
                "The Allies cancelled the reparations.",
                "Germany returned to the gold standard at once.",
                "Wages were frozen by decree.",
            ),
            # a short phrase among terms ends with an abbreviation, not a sentence
            mc(
                "Which company built the first commercial jet airliner?",
                "de Havilland",
                "Boeing",
                "Douglas Aircraft Co.",
                "Lockheed",
            ),
        ],
    ),
    "mixed-kinds": (
        mc("Who wrote Hamlet?", "William Shakespeare", "Christopher Marlowe", "1601", "Ben Jonson"),
        [
            mc(
                "Who wrote the novel Things Fall Apart?",
                "Chinua Achebe",
                "Wole Soyinka",
                "Ng\u0169g\u0129 wa Thiong'o",
                "Ben Okri",
            ),
        ],
    ),
    "numeric-order": (
        mc("How many chromosomes does a human body cell have?", "46", "23", "92", "44"),
        [
            dict(
                type="single_choice",
                prompt="In which year did the Western Roman Empire fall?",
                options=["410", "455", "476", "527"],
                answer="476",
            )
        ],
    ),
    "few-distractors": (
        mc("Which planet is the largest?", "Jupiter", "Mars"),
        [mc("Which planet is the largest?", "Jupiter", "Mars", "Venus", "Earth")],
    ),
    "matching-free-pair": (
        dict(
            type="matching",
            prompt="Match each organ with its system.",
            options=["circulatory", "respiratory", "digestive"],
            answer=[["Heart", "circulatory"], ["Lung", "respiratory"], ["Stomach", "digestive"]],
        ),
        [
            dict(
                type="matching",
                prompt="Match each organ with its system.",
                options=["circulatory", "respiratory", "digestive", "nervous"],
                answer=[
                    ["Heart", "circulatory"],
                    ["Lung", "respiratory"],
                    ["Stomach", "digestive"],
                ],
            )
        ],
    ),
    "opposite-options": (
        mc(
            "What does the sympathetic nervous system do to the pupils?",
            "It dilates them",
            "It constricts them",
            "It tints them",
            "It makes them water",
        ),
        [
            # every option pairs with another: a balanced set of directions
            mc(
                "A frost destroys part of the orange harvest while demand is unchanged. What "
                "happens to the market price and the quantity sold?",
                "The price goes up and the quantity goes down",
                "The price goes up and the quantity goes up",
                "The price goes down and the quantity goes down",
                "The price goes down and the quantity goes up",
            ),
            # the key is outside the pair
            mc(
                "What does a vaccine mainly train the immune system to do?",
                "Recognise a pathogen",
                "It raises body temperature",
                "It lowers body temperature",
                "Produce red blood cells",
            ),
            # up, down and no change: the three directions, not a pair
            mc(
                "What happens to the boiling point of water higher up a mountain?",
                "It falls",
                "It rises",
                "It remains constant",
                "It becomes negative",
            ),
            mc(
                "What kind of association links hours of revision and exam marks here?",
                "Positive association",
                "Negative association",
                "No association",
                "Reverse causation",
            ),
            # opposite words that name two things, not two claims
            mc(
                "Which loop keeps blood glucose close to its set point?",
                "Negative feedback",
                "Positive feedback",
                "Feedforward control",
                "Habituation",
            ),
        ],
    ),
    "negative-stem": (
        mc("Which of the following is not a mammal?", "Shark", "Whale", "Bat", "Seal"),
        [
            # a "not" the stem quotes, asked positively
            mc(
                'The abstract says: "workers were not consulted". What does this suggest '
                "about the reform?",
                "It was imposed from above",
                "It was voted on by workers",
                "It was drafted by the unions",
                "It was abandoned",
            ),
        ],
    ),
    "negative-statement": (
        tf("It is not untrue that the Treaty of Versailles was signed in 1919."),
        [tf("The Treaty of Versailles was signed in 1919.")],
    ),
    "unfocused-stem": (
        mc("Mitochondria.", "Produce ATP", "Store DNA", "Make ribosomes", "Digest food"),
        [
            tf("Sound travels faster in water than in air."),
            # "correct" asks about one point: a spelling, a formula
            mc("Which spelling is correct?", "Rhythm", "Rythm", "Rhythym", "Rythem"),
            mc(
                "Which of these is the correct formula for table salt?",
                "NaCl",
                "NaCl2",
                "KCl",
                "NaO",
            ),
            # several true statements to tick is what a multiple response asks
            dict(
                type="multiple_response",
                prompt="Which of these statements about enzymes are true?",
                options=[
                    "They are proteins",
                    "They lower activation energy",
                    "They are used up in the reaction",
                    "They are minerals",
                ],
                answer=["They are proteins", "They lower activation energy"],
            ),
        ],
    ),
    "which-without-options": (
        dict(
            type="short_answer",
            prompt="Which of these gases makes up most of the Earth's atmosphere?",
            options=[],
            answer=["nitrogen"],
        ),
        [
            dict(
                type="short_answer",
                prompt="Which gas makes up most of the Earth's atmosphere?",
                options=[],
                answer=["nitrogen"],
            ),
            # a choice question may say "which of the following"
            mc("Which of the following is a noble gas?", "Argon", "Nitrogen", "Oxygen", "Tin"),
        ],
    ),
    "wordy-stem": (
        mc(
            "Many students find chemistry difficult at first, and teachers have long debated "
            "how best to introduce it, with some preferring laboratory work and others "
            "preferring lectures, while textbooks vary widely in their approach and length, "
            "and curricula differ from country to country. Which element has atomic number 1?",
            "Hydrogen",
            "Helium",
            "Lithium",
            "Carbon",
        ),
        [
            mc(
                "A 54-year-old man has crushing chest pain spreading to his left arm, sweating "
                "and nausea that began an hour ago; his ECG shows ST elevation in leads II, III "
                "and aVF. Which coronary artery is most likely blocked?",
                "Right coronary artery",
                "Left anterior descending artery",
                "Left circumflex artery",
                "Left main coronary artery",
            )
        ],
    ),
}


def test_every_classic_flaw_has_a_case_and_a_catalog_entry() -> None:
    classic = {code for code, info in CATALOG.items() if not info.needs_text}
    assert classic - set(CASES) == {"duplicate-question", "malformed-item", "same-year-range"}
    for code in CASES:
        info = CATALOG[code]
        assert info.title and info.explanation.endswith(".") and info.suggestion.endswith(".")


@pytest.mark.parametrize("code", sorted(CASES))
def test_it_finds_the_flaw_in_a_question_that_has_it(code: str) -> None:
    flawed, _ = CASES[code]
    found = [f for f in findings(**flawed) if f.code == code]
    assert found, code
    assert found[0].severity >= REPORTED
    assert found[0].suggestion == CATALOG[code].suggestion


@pytest.mark.parametrize("code", sorted(CASES))
def test_it_finds_nothing_in_the_near_misses(code: str) -> None:
    for near_miss in CASES[code][1]:
        assert codes(near_miss) == set(), near_miss["prompt"]


def test_it_reads_a_question_without_a_source_text_by_form_alone() -> None:
    # an instructor's question that goes beyond the text is not "ungrounded"
    item = mc("Which planet is the largest?", "Jupiter", "Mars", "Venus", "Earth")
    assert item_flaws(sentences=["The text is about unions."], cited=[], **item) == []


def test_it_finds_a_question_restated_with_the_same_answer() -> None:
    asked = [
        Asked("single_choice", "What is the capital city of Australia?", ("Canberra",), "Canberra"),
        Asked("single_choice", "Who wrote Hamlet?", ("Shakespeare",), "Shakespeare"),
        Asked(
            "single_choice", "Which city serves as Australia's capital?", ("Canberra",), "Canberra"
        ),
        Asked("single_choice", "Who wrote Macbeth?", ("Shakespeare",), "Shakespeare"),
    ]
    assert duplicates(asked) == {2: 0}


def gap(prompt: str, key: str, *wrong: str) -> dict[str, Any]:
    """A missing-word choice: the options complete the stem at its gap."""
    return dict(type="single_choice", prompt=prompt, options=[key, *wrong], answer=key)


#: More shapes of the flaws, each found by another rule than the case above.
VARIANTS: list[tuple[str, dict[str, Any]]] = [
    # a label with a number among single words: another kind of thing
    (
        "mixed-kinds",
        dict(
            type="multiple_response",
            prompt="Which TWO of these are halogens?",
            options=["Chlorine", "Sodium", "Bromine", "Period 3"],
            answer=["Chlorine", "Bromine"],
        ),
    ),
    # a direction phrase and its opposite, the key one of them
    (
        "opposite-options",
        mc(
            "What effect does caffeine have on the heartbeat?",
            "It speeds up the heartbeat",
            "It stops the heartbeat for a minute",
            "It slows down the heartbeat",
            "It makes the heartbeat irregular at night",
        ),
    ),
    (
        "opposite-options",
        mc(
            "How does the density of ice compare with that of liquid water?",
            "It is lower than that of water",
            "It is exactly zero",
            "It is higher than that of water",
            "It cannot be measured",
        ),
    ),
    # a verb must follow the modal; only the key is a verb phrase
    (
        "grammar-cue",
        gap(
            "When ice is heated above 0 °C at normal pressure, it will _____.",
            "melt steadily",
            "a phase diagram",
            "the triple point",
            "thermal equilibrium",
        ),
    ),
    # "are" asks for a plural; only the key (a Latin plural) is one
    ("grammar-cue", mc("Which of these are immature insects?", "Larvae", "Pupa", "Imago", "Adult")),
    # an adjective cannot follow "with" in place of the noun
    (
        "grammar-cue",
        gap(
            "A child with a fever and a barking cough is likely diagnosed with _____.",
            "croup",
            "hypoxic",
            "asthmatic",
            "allergic",
        ),
    ),
    # "an infected female _____": a singular noun, and the distractors are plural
    (
        "grammar-cue",
        gap(
            "Sleeping sickness is passed to people by the bite of an infected _____.",
            "tsetse fly",
            "mosquitoes",
            "sandflies",
            "ticks",
        ),
    ),
    # the stem spells out the abbreviation asked for
    (
        "answer-in-stem",
        dict(
            type="short_answer",
            prompt="The World Health Organization sets global health norms. What is its usual "
            "abbreviation?",
            options=[],
            answer=["WHO"],
        ),
    ),
    # the stem states the number asked for
    (
        "answer-in-stem",
        dict(
            type="numerical",
            prompt="The Hundred Years' War began in 1337. In what year did it begin?",
            options=[],
            answer=[{"value": 1337.0, "tolerance": 0.0}],
        ),
    ),
    # a rare stem word echoed by a derived word of the key only
    (
        "word-repeat",
        mc(
            "Which kind of state rests on the sovereignty of its constituent regions?",
            "Sovereign confederation",
            "Unitary state",
            "Absolute monarchy",
            "City-state",
        ),
    ),
    # two common stem words in a row that only the key repeats in a row
    (
        "word-repeat",
        mc(
            "What was the Clean Water Quality Act of 1972 passed to do?",
            "Protect the water quality of rivers and lakes",
            "Fund new highways between states",
            "Limit the sulphur emissions of power plants",
            "Ban lead from petrol",
        ),
    ),
    # a name in the key echoes a common stem word no distractor has
    (
        "word-repeat",
        mc(
            "Which US document of 1776 declared the colonies independent of Britain?",
            "Declaration of Independence",
            "Articles of Confederation",
            "Federalist Papers",
            "Mayflower Compact",
        ),
    ),
    # a place among people, and a concept among people
    (
        "mixed-kinds",
        mc(
            "Who painted the ceiling of the Sistine Chapel?",
            "Michelangelo Buonarroti",
            "Leonardo da Vinci",
            "Raphael Sanzio",
            "The Vatican Museums",
        ),
    ),
    (
        "mixed-kinds",
        mc(
            "Who wrote Das Kapital?",
            "Karl Marx",
            "Friedrich Engels",
            "Historical materialism",
            "The Communist League",
        ),
    ),
    # the key repeats the parts the options share, number words included
    (
        "convergence-cue",
        mc(
            "Who presided over the Spartan state?",
            "two hereditary kings",
            "two elected kings",
            "one hereditary king",
            "two hereditary ephors",
        ),
    ),
    # "may" leaves a statement to judge nothing to be false about
    ("vague-terms", tf("Vitamin C may shorten the common cold.")),
    # an option and the same with an empty head
    (
        "near-duplicate-options",
        mc("Where is bile made?", "Liver", "Gallbladder", "Pancreas", "The pancreas region"),
    ),
    # a stem word and a key word made of one stem by derivation ("migrate", "migration";
    # "reliable", "reliability"), no distractor with it
    (
        "word-repeat",
        mc(
            "What do many songbirds do to migrate between their summer and winter ranges?",
            "Undertake seasonal migration",
            "Enter hibernation",
            "Fall into torpor",
            "Moult their feathers",
        ),
    ),
    (
        "word-repeat",
        mc(
            "Which quality makes a bathroom scale reliable from one weighing to the next?",
            "Test-retest reliability",
            "Face validity",
            "Calibration drift",
            "Display resolution",
        ),
    ),
    # a plural the stem asks for, irregular ("bacteria", "vertebrae"), among singulars,
    # some of several words ("The pelvic girdle"): the number is the head noun's
    (
        "grammar-cue",
        mc(
            "Which microorganisms are the usual cause of strep throat?",
            "Bacteria",
            "Virus",
            "Prion",
            "Protozoan",
        ),
    ),
    (
        "grammar-cue",
        mc(
            "Which bones are stacked one on another to form the spine?",
            "Vertebrae",
            "Femur",
            "The pelvic girdle",
            "Sternum",
        ),
    ),
    # two other options joined by "and", with a word saying they act as one
    (
        "combination-options",
        mc(
            "Who wrote the lyrics of the song Summertime?",
            "DuBose Heyward",
            "George Gershwin",
            "Ira Gershwin",
            "George Gershwin and Ira Gershwin jointly",
        ),
    ),
    # ordinals in a jumbled order, in figures or in words
    (
        "numeric-order",
        mc(
            "In which century was movable-type printing brought to Europe?",
            "The 15th century",
            "The 12th century",
            "The 17th century",
            "The 14th century",
        ),
    ),
    (
        "numeric-order",
        mc(
            "Which amendment to the US Constitution abolished slavery?",
            "The Thirteenth Amendment",
            "The Fifth Amendment",
            "The Nineteenth Amendment",
            "The First Amendment",
        ),
    ),
    # a word and its clipped form
    (
        "near-duplicate-options",
        mc(
            "Which large African mammal spends most of the day in rivers and lakes?",
            "Hippopotamus",
            "Giraffe",
            "Hippo",
            "Zebra",
        ),
    ),
    (
        "near-duplicate-options",
        mc(
            "Where do chemistry students do their practical work?",
            "Laboratory",
            "Library",
            "Lab",
            "Lecture theatre",
        ),
    ),
    # an absolute word in a statement written in title case is no name
    (
        "absolute-terms",
        mc(
            "What does an enzyme do to the activation energy of a reaction?",
            "Lowers it",
            "Always Raises It",
            "Leaves it unchanged",
            "Doubles it",
        ),
    ),
]

#: Near-misses of the rules above: none may carry any finding.
VARIANT_NEAR_MISSES: list[dict[str, Any]] = [
    # formulas, not words: a digit among them is no other kind
    mc("Which compound is table salt?", "NaCl", "KCl", "NaCl2", "NaOH"),
    # every option a name with a head; one number among them
    mc(
        "Which vitamin deficiency causes scurvy?",
        "Vitamin C",
        "Vitamin A",
        "Vitamin B12",
        "Vitamin K",
    ),
    # the stem's pair of words is in a distractor too: no echo of the key alone
    mc(
        "What was the Clean Water Quality Act of 1972 passed to do?",
        "Protect the water quality of rivers and lakes",
        "Measure the water quality of coastal bays",
        "Limit the sulphur emissions of power plants",
        "Ban lead from petrol",
    ),
    # opposite options are not duplicates: negation, quantity, comparison
    mc(
        "A test at the 1% level gives p = 0.4. What follows?",
        "Do not reject the null hypothesis",
        "Reject the null hypothesis",
        "Accept the alternative hypothesis",
        "Double the sample size",
    ),
    gap(
        "A beam with a safety factor of 4 carries a design load of _____ its failure load.",
        "one quarter of",
        "one third of",
        "one half of",
        "two thirds of",
    ),
    mc(
        "What happens in an endothermic reaction?",
        "It absorbs heat, so the products have more enthalpy than the reactants",
        "It releases heat, so the products have more enthalpy than the reactants",
        "It absorbs heat, so the products have less enthalpy than the reactants",
        "It releases heat, so the products have less enthalpy than the reactants",
    ),
    # letters the stem names are variables, not option labels
    gap(
        "The expression P NAND Q is false when _____.",
        "both P and Q are true",
        "both P and Q are false",
        "exactly one of P and Q is true",
        "P is false",
    ),
    # the asked-for noun in an accepted answer gives nothing away
    dict(
        type="short_answer",
        prompt="Which test compares the means of two small independent samples?",
        options=[],
        answer=["t", "t test", "t-test", "Student's t-test"],
    ),
    # a number in the stem that is not the answer
    dict(
        type="numerical",
        prompt="A 12 V battery drives 3 A through a resistor. What is its resistance in ohms?",
        options=[],
        answer=[{"value": 4.0, "tolerance": 0.0}],
    ),
    # every option fits "to"; a verb after a modal with verb options
    gap(
        "In a market economy, prices tend to _____ when demand exceeds supply.",
        "rise",
        "fall",
        "stay fixed",
        "vanish",
    ),
    # people among people, with a one-word name
    mc(
        "Who proposed the heliocentric model in De revolutionibus?",
        "Nicolaus Copernicus",
        "Tycho Brahe",
        "Johannes Kepler",
        "Ptolemy",
    ),
    # "May" the month is no hedge
    tf("The Paris uprising of May 1968 began in the universities."),
    # a sign apart is another answer
    mc("What is the derivative of cos(x)?", "-sin(x)", "sin(x)", "cos(x)", "-cos(x)"),
    # expressions are not of mixed kinds
    mc("Where does logistic growth peak, with carrying capacity N?", "N/2", "N/3", "N", "3N"),
    # a negation that defines what is asked ("never reported") is no negative stem
    dict(
        type="short_answer",
        prompt="What do economists call income that is never declared to the tax authorities?",
        options=[],
        answer=["shadow income", "undeclared income"],
    ),
    # a condition "with no …" is no negated statement
    tf("In a closed economy with no government, output equals consumption plus investment."),
    # the first accepted answer is the answer; a spelling that repeats a stem word is not
    dict(
        type="short_answer",
        prompt="What is the body-centred cubic phase of iron at room temperature called?",
        options=[],
        answer=["ferrite", "alpha iron", "alpha-iron"],
    ),
    # a derived word the key shares with a distractor: no echo of the key alone
    mc(
        "Which measure tells how reliable a questionnaire's repeated scores are?",
        "Test-retest reliability",
        "Inter-rater reliability",
        "Face validity",
        "Construct validity",
    ),
    # "format" is no stem of "formation" ("form" is a word of its own), nor "prime" of
    # "primate"
    mc(
        "In which format do geologists record a rock formation's layers?",
        "A stratigraphic column",
        "A pie chart",
        "A Venn diagram",
        "A flow chart",
    ),
    mc(
        "Which primate was the subject of Jane Goodall's prime field study at Gombe?",
        "Chimpanzee",
        "Mountain gorilla",
        "Bornean orangutan",
        "Ring-tailed lemur",
    ),
    # every option plural, or the stem asks for one thing
    mc(
        "Which organelles are found only in plant cells?",
        "Chloroplasts",
        "Mitochondria",
        "Ribosomes",
        "Lysosomes",
    ),
    mc(
        "Which organelle is the site of aerobic respiration?",
        "Mitochondrion",
        "Nuclei",
        "Ribosomes",
        "Vacuoles",
    ),
    # the answer is the object of a preposition: "are" agrees with the stem's subject
    mc("What are antibodies secreted by?", "Plasma cells", "Red blood cell", "Platelet", "Neuron"),
    # "Hindi" is no Latin plural ("Hindus" is Hindu's), "Athens" no plural, "Plasma" no
    # plural of "plasmon"
    mc("Which of these are Indo-Aryan languages?", "Hindi", "Tamil", "Swahili", "Finnish"),
    mc(
        "Which of these were city-states of ancient Greece?",
        "Athens",
        "Rome",
        "Carthage",
        "Babylon",
    ),
    mc(
        "Which of these are the liquid part of blood?",
        "Plasma",
        "Platelet",
        "Erythrocyte",
        "Leucocyte",
    ),
    # a pair joined by "and" whose parts are no options; a title with "and" in it
    mc(
        "Which pair of elements makes up table salt?",
        "Sodium and chlorine",
        "Potassium and iodine",
        "Calcium and carbon",
        "Magnesium and oxygen",
    ),
    mc(
        "Which play did Tom Stoppard base on two minor characters of Hamlet?",
        "Rosencrantz and Guildenstern Are Dead",
        "Arcadia",
        "The Real Thing",
        "Travesties",
    ),
    # ordinals and years in order; ordinals in names that differ otherwise
    mc(
        "In which century did the Black Death reach Europe?",
        "The 12th century",
        "The 13th century",
        "The 14th century",
        "The 15th century",
    ),
    mc("In which year did the Berlin Wall fall?", "1961", "1975", "1989", "1991"),
    mc(
        "Which war ended with the Treaty of Versailles?",
        "The First World War",
        "The Third Punic War",
        "The Second Boer War",
        "The Hundred Years' War",
    ),
    # one word that another makes longer with an ending or a word: not a clipping
    mc("What is the SI unit of electric potential difference?", "Volt", "Voltage", "Ohm", "Watt"),
    mc(
        "Which African country has the largest population?", "Nigeria", "Niger", "Egypt", "Ethiopia"
    ),
    mc(
        "Which sedimentary rock is made of cemented quartz grains?",
        "Sandstone",
        "Sand",
        "Limestone",
        "Shale",
    ),
    mc("Which language do web browsers run natively?", "JavaScript", "Java", "Python", "Ruby"),
    mc("What is the SI unit of amount of substance?", "Mole", "Molecule", "Gram", "Kelvin"),
    # an absolute word inside a title among titles is part of a name
    mc(
        "Which film won the first Academy Award for Best Picture?",
        "Wings",
        "All Quiet on the Western Front",
        "The Broadway Melody",
        "Cimarron",
    ),
    mc(
        "Which Kazuo Ishiguro novel follows a knight and an old couple in post-Roman Britain?",
        "The Buried Giant",
        "Never Let Me Go",
        "A Pale View of Hills",
        "When We Were Orphans",
    ),
]


@pytest.mark.parametrize(
    ("code", "item"), VARIANTS, ids=[f"{c}-{n}" for n, (c, _) in enumerate(VARIANTS)]
)
def test_it_finds_the_flaw_in_its_other_shapes(code: str, item: dict[str, Any]) -> None:
    assert code in codes(item), item["prompt"]


@pytest.mark.parametrize("item", VARIANT_NEAR_MISSES, ids=lambda item: item["prompt"][:40])
def test_it_finds_nothing_in_the_other_near_misses(item: dict[str, Any]) -> None:
    assert codes(item) == set(), item["prompt"]


def test_it_finds_a_question_asked_again_in_other_words_and_forms() -> None:
    asked = [
        Asked("single_choice", "What is the mains frequency in Japan's west?", ("60 Hz",), "60 Hz"),
        Asked(
            "single_choice",
            "Which disease does the Aedes mosquito spread most widely?",
            ("Dengue fever", "Malaria"),
            "Dengue fever",
        ),
        Asked(
            "numerical",
            "In hertz, what frequency does the mains supply of western Japan use?",
            (),
            [{"value": 60.0}],
        ),
        Asked(
            "short_answer",
            "Which disease, spread by Aedes mosquitoes, is the most widespread?",
            (),
            ["dengue"],
        ),
        Asked(
            "short_answer",
            "Which gas do plants take in for photosynthesis?",
            (),
            ["carbon dioxide"],
        ),
    ]
    assert duplicates(asked) == {2: 0, 3: 1}


def test_it_finds_one_question_asked_again_with_the_same_choices() -> None:
    from course.generator.flaws.bank import Asked, duplicates

    planets = ("Mercury", "Venus", "Mars", "Jupiter")
    asked = [
        Asked("single_choice", "Which planet is closest to the Sun?", planets, "Mercury"),
        Asked("single_choice", "Which planet is the hottest?", planets, "Venus"),
        Asked("single_choice", "Which world has the shortest year of all the planets?",
              (*planets[:3], "Saturn"), "Mercury"),
    ]  # fmt: skip
    # the same key among the same choices, about planets: one question twice; the second
    # shares the choices but has another key
    assert duplicates(asked) == {2: 0}


def test_it_reads_a_negation_inside_what_is_asked_for_as_no_negative_stem() -> None:
    item = gap(
        "What Latin phrase names the principle that a matter decided by a court cannot be "
        "litigated again?",
        "Res judicata",
        "Habeas corpus",
        "Stare decisis",
        "Obiter dictum",
    )
    assert "negative-stem" not in codes(item)
    assert "negative-stem" in codes(
        mc("Which of these is not a Latin legal phrase?", "Carpe diem", "Res judicata",
           "Habeas corpus", "Stare decisis")
    )  # fmt: skip


def test_it_finds_options_that_differ_only_in_a_form_of_one_word() -> None:
    item = mc(
        "Which type of stress pulls a material apart?",
        "Tensile stress",
        "Compressive stress",
        "Compression stress",
        "Shear stress",
    )
    assert "near-duplicate-options" in codes(item)


def test_it_finds_a_verb_only_the_key_agrees_with_though_the_lexicon_lacks_it() -> None:
    item = mc(
        "In the blood, platelets",
        "help form clots at a wound",
        "carries oxygen to the tissues",
        "fights infections in the tissues",
        "transports carbon dioxide",
    )
    assert "grammar-cue" in codes(item)


def test_it_reads_a_bare_term_completed_by_its_options_as_an_unfocused_stem() -> None:
    item = mc(
        "Habeas corpus",
        "is a writ to bring a detained person before a court",
        "is a civil suit for damages",
        "is a tax on land",
        "is the Latin name for a jury",
    )
    assert "unfocused-stem" in codes(item)
    # a subject with its determiner, completed by the options, asks a clear question
    assert "unfocused-stem" not in codes(
        mc("The member cities of the Hanseatic League", "were ports of the Baltic",
           "were ruled by Venice", "were in Castile", "were Roman colonies")
    )  # fmt: skip


def test_it_finds_options_that_combine_numbered_statements() -> None:
    item = mc(
        "Which would shift aggregate demand to the right? I. More government spending "
        "II. A cut in income taxes III. A rise in interest rates",
        "I and II",
        "I",
        "II",
        "I, II and III",
    )
    assert "combination-options" in codes(item)


def test_it_reads_no_number_of_a_name_or_ratio_as_the_answer_in_the_stem() -> None:
    item = dict(
        type="numerical",
        prompt="In 4/4 time, how many beats does a whole note receive?",
        options=[],
        answer=[{"value": 4.0, "tolerance": 0.0}],
    )
    assert "answer-in-stem" not in codes(item)


def test_it_reads_which_of_the_following_as_no_options_only_when_the_stem_lists_none() -> None:
    def short(prompt: str, answer: str) -> dict[str, Any]:
        return dict(type="short_answer", prompt=prompt, options=[], answer=[answer])

    # what the stem itself lists is what to choose among
    for listed in (
        short("Which of the following metals is liquid at room temperature: iron, copper, "
              "mercury or zinc?", "mercury"),
        short("Of Oslo, Lima and Perth, which of these lies south of the equator first?", "Lima"),
        short("(a) Oslo (b) Lima (c) Cairo. Which of these is in South America?", "b"),
    ):  # fmt: skip
        assert "which-without-options" not in codes(listed), listed["prompt"]
    numerical: dict[str, Any] = dict(
        type="numerical",
        prompt="Which one of the following is the freezing point of water in kelvin?",
        options=[],
        answer=[{"value": 273.15, "tolerance": 0.5}],
    )
    essay: dict[str, Any] = dict(
        type="essay",
        prompt="Which of these theories best explains the fall of Rome? Argue your case.",
        options=[],
        answer=None,
    )
    assert "which-without-options" in codes(numerical)
    assert "which-without-options" in codes(essay)


@pytest.mark.parametrize(
    "prompt",
    [
        "Which statement about the Roman Republic is true?",
        "Which of the following is correct regarding the Roman Republic?",
        "Which is true of the Roman Republic?",
        "What is true about the Roman Republic?",
        "Which one of these statements is accurate?",
        "Rome expanded for centuries. Which of the following statements is true?",
    ],
)
def test_it_finds_a_stem_that_asks_only_which_option_is_true(prompt: str) -> None:
    item = mc(
        prompt,
        "Two consuls were elected each year",
        "Its senate was elected by all women",
        "It was ruled by a pharaoh",
        "It had no written laws at all times",
    )
    found = [f for f in findings(**item) if f.code == "unfocused-stem"]
    assert found and found[0].severity >= REPORTED, prompt


def test_it_finds_a_stem_word_built_into_a_hyphenated_key() -> None:
    item = mc(
        "Which kind of unemployment arises while workers search for a better job match?",
        "Search-related unemployment",
        "Structural unemployment",
        "Cyclical unemployment",
        "Seasonal unemployment",
    )
    found = [f for f in findings(**item) if f.code == "word-repeat"]
    assert found and "Search" in found[0].message
    # the compound's part is in a distractor too: no cue
    assert "word-repeat" not in codes(
        mc("Which kind of unemployment arises while workers search for a better job match?",
           "Search-related unemployment", "Search-free unemployment", "Cyclical unemployment",
           "Seasonal unemployment")
    )  # fmt: skip
    # a compound whose parts the stem does not use
    assert "word-repeat" not in codes(
        mc("Which drug class is the first-line reliever in an acute asthma attack?",
           "Short-acting beta agonist", "Inhaled corticosteroid", "Leukotriene antagonist",
           "Long-acting muscarinic antagonist")
    )  # fmt: skip


def test_it_reads_options_that_turn_a_direction_as_distinct_not_near_duplicates() -> None:
    item = mc(
        "A new supplier enters a market with unchanged demand. What happens to price and "
        "quantity traded?",
        "The price drops and the quantity grows",
        "The price drops and the quantity drops",
        "The price grows and the quantity grows",
        "The price grows and the quantity drops",
    )
    assert codes(item) == set()
    # the same change in other words is still one answer twice
    assert "near-duplicate-options" in codes(
        mc("What happens to the quantity demanded when the price falls?", "It increases",
           "It rises", "It is halved", "It becomes zero")
    )  # fmt: skip


def test_it_reads_a_number_in_another_unit_than_the_one_asked_as_no_answer_in_the_stem() -> None:
    def numerical(prompt: str, value: float) -> dict[str, Any]:
        return dict(
            type="numerical", prompt=prompt, options=[], answer=[{"value": value, "tolerance": 0}]
        )

    for fine in (
        numerical("A ticket's price goes up from $40 to $50. By what percentage did it rise?", 25),
        numerical("A town grows from 20 thousand to 25 thousand people. What is the percentage "
                  "increase?", 25),
        numerical("A cyclist rides 30 km in 2 h. What is her average speed, in m/s?", 2),
        # a count in words of something else than what is asked
        numerical("A pentagon has five sides. How many sides does a hexagon have?", 6),
        numerical("Ethane has two carbon atoms. How many hydrogen atoms does it have?", 6),
    ):  # fmt: skip
        assert "answer-in-stem" not in codes(fine), fine["prompt"]
    for given in (
        numerical("A pole is 12 m tall. How tall is it, in metres?", 12),
        numerical("Interest is charged at 4% a year. What is the yearly rate, in %?", 4),
        numerical("A bag of 30 sweets is shared out. How many sweets are in the bag?", 30),
        # the count spelled out before the very thing asked
        numerical(
            "Water, whose formula shows two hydrogen atoms bonded to one oxygen atom, "
            "contains how many hydrogen atoms per molecule?",
            2,
        ),
    ):
        assert "answer-in-stem" in codes(given), given["prompt"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("liable", "liability", True),
        ("flexible", "flexibility", True),
        ("absent", "absence", True),
        ("efficient", "efficiency", True),
        ("dominant", "dominance", True),
        ("productive", "productivity", True),
        ("porous", "porosity", True),
        ("civilise", "civilisation", True),
        ("regulate", "regulation", True),
        ("educate", "education", True),
        # a bare stem that is a word of its own, or endings that make no pair
        ("format", "formation", False),
        ("prime", "primate", False),
        ("place", "placate", False),
        ("active", "action", False),
    ],
)
def test_it_relates_an_adjective_and_the_noun_derived_from_it(a: str, b: str, same: bool) -> None:
    from course.generator.flaws.form import related
    from course.generator.flaws.words import root_of, unit_of

    ra, rb = root_of(unit_of(a)), root_of(unit_of(b))
    assert related(ra, {rb}) == same and related(rb, {ra}) == same, (a, b)


def test_it_names_the_stem_word_a_derived_key_word_echoes() -> None:
    item = mc(
        "Which rule makes an owner liable for harm done by a dog in their care?",
        "Strict liability",
        "Contributory negligence",
        "Volenti non fit injuria",
        "Novus actus interveniens",
    )
    found = [f for f in findings(**item) if f.code == "word-repeat"]
    assert found and "“liability” in the key echoes “liable” in the stem" in found[0].message


def test_it_reports_a_key_half_again_as_long_as_every_distractor() -> None:
    item = mc(
        "In the Solow model, how does steady-state output per worker respond to a higher "
        "saving rate?",
        "It rises, because capital per worker settles at a higher level",
        "It falls, because consumption is lower",
        "It is unchanged, as growth is exogenous",
        "It rises by the same rate as saving",
    )
    assert "longest-option" in codes(item)
    # every option long for a reason they share: no cue
    assert "longest-option" not in codes(
        mc("How does output respond?",
           "It rises, because capital per worker settles higher",
           "It falls, because consumption per worker is lower",
           "It stays unchanged, because growth is exogenous here",
           "It rises at first, then falls back to where it was")
    )  # fmt: skip


def test_it_finds_a_key_repeating_the_noun_modifier_the_stem_asks_for() -> None:
    item = mc(
        "Which 1815 peace settlement redrew the map of Europe after Napoleon?",
        "Peace of Paris",
        "Treaty of Ghent",
        "Congress of Berlin",
        "Treaty of Tilsit",
    )
    assert "word-repeat" in codes(item)
    # a verb after the asked noun is no part of the category
    assert "word-repeat" not in codes(
        mc("Which gland produces insulin?", "Pancreas", "Thyroid", "Adrenal gland", "Pituitary")
    )


def test_it_finds_one_number_written_two_ways_among_the_options() -> None:
    assert "near-duplicate-options" in codes(
        mc("What is the pH of 0.01 M HCl?", "2", "1", "12", "12.0")
    )
    assert "near-duplicate-options" not in codes(
        mc("What is the pH of 0.01 M HCl?", "2", "1", "7", "12")
    )


def test_it_reads_at_all_and_a_capitalised_title_as_no_absolute_or_negative_word() -> None:
    assert codes(
        mc("What happens under a binding price ceiling?",
           "Quantity demanded exceeds quantity supplied",
           "Quantity supplied exceeds quantity demanded",
           "The price rises until the ceiling stops binding at all",
           "Landlords expand supply because rents are regulated")
    ) == set()  # fmt: skip
    assert "negative-stem" not in codes(
        mc("Who wrote the novel Never Let Me Go?", "Kazuo Ishiguro", "Ian McEwan",
           "Julian Barnes", "Margaret Atwood")
    )  # fmt: skip


def test_it_finds_one_answer_spelled_the_british_and_the_american_way() -> None:
    assert "near-duplicate-options" in codes(
        mc('What does the acronym "CPU" stand for?', "Central Processing Unit",
           "Central Program Unit", "Computer Personal Unit", "Central Programme Unit")
    )  # fmt: skip
    # one letter apart, but two substances
    assert "near-duplicate-options" not in codes(
        mc("Which salt is table salt?", "Sodium chloride", "Sodium chlorate",
           "Potassium chloride", "Calcium carbonate")
    )  # fmt: skip


def test_it_reads_a_name_inside_a_stem_as_no_verb() -> None:
    # "States" in "the United States" is a name, not "states": the stem asks nothing
    item = dict(type="short_answer", prompt="The first President of the United States.",
                options=[], answer=["George Washington", "Washington"])  # fmt: skip
    assert "unfocused-stem" in codes(item)
    # a stem with a verb of its own asks
    asked = dict(type="short_answer", prompt="Who was the first President of the United States?",
                 options=[], answer=["George Washington", "Washington"])  # fmt: skip
    assert "unfocused-stem" not in codes(asked)


def test_it_finds_a_key_alone_without_the_article_every_distractor_has() -> None:
    item = mc("Carbon, hydrogen, oxygen and nitrogen are examples of", "elements",
              "a compound", "an alloy", "a mixture")  # fmt: skip
    assert "grammar-cue" in codes(item)
    # options written alike, with or without articles
    assert "grammar-cue" not in codes(
        mc("Carbon and oxygen are examples of", "elements", "compounds", "alloys", "mixtures")
    )
    assert "grammar-cue" not in codes(
        mc("Brass is an example of", "an alloy", "a compound", "an element", "a mixture")
    )


def test_it_reads_a_negation_in_a_clause_of_result_as_content_not_the_ask() -> None:
    assert "negative-stem" not in codes(
        mc("In Greek mythology, which Trojan princess was cursed so that her true prophecies "
           "would never be believed?", "Cassandra", "Andromache", "Hecuba", "Polyxena")
    )  # fmt: skip
    assert "negative-stem" in codes(
        mc("Which Trojan princess was never cursed by Apollo?", "Andromache", "Cassandra",
           "Hecuba", "Polyxena")
    )  # fmt: skip


def test_it_reads_terms_built_on_an_abbreviation_as_one_kind() -> None:
    assert "mixed-kinds" not in codes(
        mc("Which molecule carries amino acids to the ribosome during translation?",
           "Transfer RNA", "Messenger RNA", "Ribosomal RNA", "DNA polymerase")
    )  # fmt: skip
    # a year among them still stands out
    assert "mixed-kinds" in codes(
        mc("Which molecule carries amino acids to the ribosome?", "Transfer RNA",
           "Messenger RNA", "Ribosomal RNA", "1953")
    )  # fmt: skip
