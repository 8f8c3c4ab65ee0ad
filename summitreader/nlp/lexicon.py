"""Word lists the attribution rules rely on; kept together so they are easy to review and extend."""

from __future__ import annotations

import re


def word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


def _forms(*lemmas: str) -> frozenset[str]:
    """Each 'base|3rd|past|ing' spec expands to its forms; a bare word is used as is."""
    forms: set[str] = set()
    for lemma in lemmas:
        forms.update(lemma.split("|"))
    return frozenset(forms)


# Verbs that report an utterance; a quote next to one of them is speech.
SPEECH_VERBS = _forms(
    "say|says|said|saying",
    "tell|tells|told|telling",
    "add|adds|added|adding",
    "explain|explains|explained|explaining",
    "tweet|tweets|tweeted|tweeting",
    "posted",
    "insist|insists|insisted|insisting",
    "warn|warns|warned",
    "ask|asks|asked|asking",
    "reply|replies|replied|replying",
    "respond|responds|responded|responding",
    "answered",
    "noted|noting",
    "write|writes|wrote|writing",
    "declare|declares|declared|declaring",
    "acknowledge|acknowledges|acknowledged|acknowledging",
    "argue|argues|argued|arguing",
    "claimed|claiming",
    "stated|stating",
    "announce|announces|announced|announcing",
    "recall|recalls|recalled|recalling",
    "remarked",
    "commented",
    "continued",
    "conclude|concludes|concluded",
    "admit|admits|admitted|admitting",
    "concede|concedes|conceded|conceding",
    "suggest|suggests|suggested|suggesting",
    "stressed|stressing",
    "emphasise|emphasises|emphasised|emphasising",
    "emphasize|emphasizes|emphasized|emphasizing",
    "observe|observes|observed",
    "predict|predicts|predicted|predicting",
    "promised",
    "vowed|vowing",
    "urge|urges|urged|urging",
    "confirm|confirms|confirmed|confirming",
    "deny|denies|denied|denying",
    "complained|complaining",
    "joked",
    "quipped",
    "boast|boasts|boasted|boasting",
    "countered",
    "cautioned",
    "maintain|maintains|maintained|maintaining",
    "muse|muses|mused",
    "shout|shouts|shouted",
    "exclaim|exclaims|exclaimed",
    "whisper|whispers|whispered",
    "repeated",
    "reported",
    "testify|testifies|testified|testifying",
    "assert|asserts|asserted|asserting",
    "contend|contends|contended",
    "lament|laments|lamented",
    "wonder|wonders|wondered",
    "describe|describes|described|describing",
)

# Verbs that put someone's words on a thing: "called him a 'cheat'". They attribute a fragment,
# but a quote beside them is not a reported utterance on its own.
NAMING_VERBS = _forms(
    "call|calls|called|calling",
    "dub|dubs|dubbed|dubbing",
    "brand|brands|branded|branding",
    "label|labels|labelled|labeled|labelling|labeling",
    "term|terms|termed",
    "describe|describes|described|describing",
    "hail|hails|hailed|hailing",
    "praise|praises|praised|praising",
    "decry|decries|decried",
    "deride|derides|derided",
    "denounce|denounces|denounced|denouncing",
)

# An auxiliary right before a speech verb makes it passive: the subject is not the speaker.
PASSIVE_AUXILIARIES = word_set("been was were is are being be")

# Words that may stand between a subject and its speech verb: "he reportedly told".
VERB_LEAD_INS = word_set(
    "also later then again once previously earlier reportedly repeatedly had has have would will "
    "was is once simply quickly"
)

PERSONAL_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they"})
RELATIVE_PRONOUNS = frozenset({"who"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})

PREPOSITIONS = word_set(
    "with to of for on at by from about against between toward towards into over under after "
    "before among via than like upon within without along across around near through inside "
    "outside behind beyond during below above beside throughout until toward"
)

# Roles a speaker may be named by ("the minister said"); the head word of a description.
ROLE_NOUNS = word_set(
    "president vice-president minister secretary spokesman spokeswoman spokesperson leader "
    "chancellor premier governor mayor senator congressman congresswoman representative "
    "ambassador envoy general commander chief director chairman chairwoman chair professor "
    "analyst economist official diplomat negotiator adviser advisor aide lawyer attorney "
    "judge prosecutor king queen prince princess pope dictator ceo founder executive "
    "manager researcher scientist expert historian author editor correspondent officer "
    "sheriff captain colonel admiral emir sheikh monarch counterpart host"
)

# Titles stripped from the front of names. Longest first, so "Secretary of State" beats
# "Secretary". Matched case-sensitively at the start of a name, except the courtesy titles.
_TITLE_PHRASES = sorted(
    (
        "President",
        "Chief Executive",
        "Chief Executive Officer",
        "Chief Financial Officer",
        "Councillor",
        "Councilman",
        "Councilwoman",
        "Commissioner",
        "Inspector",
        "Detective",
        "Sergeant",
        "Coach",
        "Opposition leader",
        "Mayor",
        "Vice President",
        "Vice-President",
        "Former President",
        "Prime Minister",
        "Deputy Prime Minister",
        "Foreign Minister",
        "Defence Minister",
        "Defense Minister",
        "Finance Minister",
        "Minister",
        "Secretary of State",
        "Secretary of Defense",
        "Defense Secretary",
        "Treasury Secretary",
        "Foreign Secretary",
        "Home Secretary",
        "Press Secretary",
        "Secretary-General",
        "Secretary General",
        "Secretary",
        "Chancellor",
        "Supreme Leader",
        "Leader",
        "leader",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Premier",
        "King",
        "Queen",
        "Prince",
        "Crown Prince",
        "Princess",
        "Pope",
        "Senator",
        "Sen.",
        "Rep.",
        "Representative",
        "Congressman",
        "Congresswoman",
        "Governor",
        "Gov.",
        "General",
        "Gen.",
        "Lt.",
        "Col.",
        "Colonel",
        "Captain",
        "Capt.",
        "Admiral",
        "Adm.",
        "Judge",
        "Justice",
        "Chief Justice",
        "Ambassador",
        "Professor",
        "Prof.",
        "Dr",
        "Dr.",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Miss",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Rev.",
        "Reverend",
        "Sheikh",
        "Emir",
        "Dictator",
        "dictator",
        "Envoy",
        "envoy",
    ),
    key=len,
    reverse=True,
)
TITLE_RE = re.compile(r"(?:" + "|".join(re.escape(t) for t in _TITLE_PHRASES) + r")(?=\s)")

# A title just before a name, possibly led by a country adjective: "North Korean leader".
TITLE_BEFORE_NAME_RE = re.compile(
    r"(?:(?:[A-Z][\w’'\-]*\s+){0,3})?"
    r"(?P<title>(?:" + "|".join(re.escape(t) for t in _TITLE_PHRASES) + r")),?\s+$",
    re.IGNORECASE,
)

# Months and weekdays are capitalised but never names.
CALENDAR_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december"
)


def title_at_end(window: str) -> re.Match[str] | None:
    """TITLE_BEFORE_NAME_RE matched against the end of `window`, trying only the last few word
    starts (a plain search backtracks over the whole window and dominated analysis time)."""
    starts = [m.start() for m in re.finditer(r"\S+", window)][-7:]
    for start in starts:
        match = TITLE_BEFORE_NAME_RE.fullmatch(window, start)
        if match:
            return match
    return None


# Nouns that say a phrase names a person: "Ana Ruiz, a hydrologist at ...", "farmer Ana Ruiz".
PERSON_NOUNS = ROLE_NOUNS | word_set(
    "farmer grower campaigner activist mediator engineer hydrologist biologist ecologist "
    "geologist climatologist physicist chemist doctor nurse teacher student resident mother father "
    "son daughter wife husband widow owner worker fisherman fishermen deputy lawmaker legislator "
    "candidate member organiser organizer coordinator consultant architect journalist reporter "
    "writer novelist activist protester spokesman spokeswoman chair head boss veteran "
    "businessman businesswoman entrepreneur banker trader investor economist scholar lecturer "
    "mp councillor councilor pilot driver officer soldier priest bishop rabbi imam player coach "
    "man woman"
)

# Head words of organisations' names and descriptions: "... Association", "a campaign group".
ORG_NOUNS = word_set(
    "association group union commission committee council ministry department agency authority "
    "board body company corporation firm bank party university institute foundation federation "
    "organisation organization network coalition alliance movement trust fund society club "
    "court parliament government newspaper magazine channel broadcaster service office team "
    "league confederation cooperative co-operative"
)

# Words for places: "the Tagus, the longest river", "Caceres province", "the Danube basin".
PLACE_NOUNS = word_set(
    "river basin estuary valley delta lake sea ocean bay gulf coast island mountains mountain "
    "peninsula city town village province region capital port reservoir canal plain plateau "
    "county district state country"
)

# A bare name right after one of these is usually a place: "in Madrid", "near Santarem".
LOCATIVE_PREPOSITIONS = word_set("in near outside inside across along around throughout toward")
