"""Who said a quote, and what kind of quote it is, from the words around it.

Rules, tried in order for each quote (all on the quote-masked text, so words inside quotes are
never taken for attribution):
1. after the closing mark: `“…,” X said`, `“…,” X, a professor at Y, told Z`, `“…,” said X`;
2. before the opening mark: `X said, “…`, `X, when asked, said “…`, `according to X, “…`;
3. in the quote's sentence: the nearest speech or naming verb before the quote and its subject
   (`who called the mayor a “liar”`; for an -ing verb, the subject of the main clause);
4. carried over: an unattributed stand-alone quote goes to the speaker of the quote before it in
   the same or the previous paragraph, unless another person became the subject in between.
Pronouns go to the most recent person who was the subject of a clause; descriptions ("the
president") to the most recent person written with that title; a role nobody is named for
("the White House Press Secretary") is the speaker itself. When no rule is sure: None.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from summitreader.nlp.entities import EntityTable, ResolvedMention
from summitreader.nlp.lexicon import (
    DETERMINERS,
    NAMING_VERBS,
    PASSIVE_AUXILIARIES,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_RE,
    VERB_LEAD_INS,
)
from summitreader.nlp.names import clean_name_span, name_key
from summitreader.nlp.paragraphs import paragraph_spans
from summitreader.nlp.quotemarks import QuoteSpan
from summitreader.nlp.sentences import MASK, mask_quotes, sentence_spans
from summitreader.nlp.types import QuoteResult

_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
_CAPITALISED_RE = re.compile(
    r"[A-Z][\w’'\-]*\.?(?:\s+(?:(?:de|van|von|der|bin|al|da|le)\s+)?[A-Z][\w’'\-]*\.?){0,3}"
)
_POSSESSIVE_AFTER_RE = re.compile(r"[’'′]")
_ACCORDING_TO_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
_SO_CALLED_RE = re.compile(r"(?:so-called|so called|dubbed|known as|titled|entitled)\s*$", re.I)
_APPOSITION_LIMIT = 160
_PRONOUN_PARAGRAPHS_BACK = 2
_QUOTED_SPEAKER_ROLES = {"speaker", "person"}


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    cue: str | None
    adjacent: bool  # the cue sits right beside the quote, which makes it a reported utterance


def _is_speech_verb(word: str) -> bool:
    return word.casefold() in SPEECH_VERBS


class QuoteAttributor:
    """Attribution and kinds for every quote of one article."""

    def __init__(self, text: str, quotes: list[QuoteSpan], table: EntityTable) -> None:
        self.text = text
        self.quotes = quotes
        self.table = table
        self.masked = mask_quotes(text, quotes)
        self.sentences = sentence_spans(self.masked)
        self._sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = paragraph_spans(text)
        self._paragraph_starts = [p for p, _ in self.paragraphs]
        self._people = [m for m in table.mentions if m.type == "PERSON"]

    # ---- positions -------------------------------------------------------------------------
    def _sentence_of(self, position: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self._sentence_starts, position) - 1)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def paragraph_index(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, position) - 1)

    def _quoted(self, position: int) -> bool:
        return self.masked[position] == MASK

    def _word_at(self, position: int, limit: int) -> re.Match[str] | None:
        while position < limit and self.masked[position] in " \t":
            position += 1
        return _WORD_RE.match(self.masked, position, limit)

    def _words(self, lo: int, hi: int) -> list[re.Match[str]]:
        return list(_WORD_RE.finditer(self.masked, lo, hi))

    # ---- who is meant ----------------------------------------------------------------------
    def _subject_like(self, start: int, end: int) -> bool:
        """Not a possessive and not the object of a preposition: a likely subject of a clause."""
        if self._quoted(start):
            return False
        if _POSSESSIVE_AFTER_RE.match(self.text, end):
            return False
        before = self.masked[max(0, start - 60) : start]
        before = re.sub(r"(?:" + TITLE_RE.pattern + r")\s*$", "", before.rstrip() + " ").rstrip()
        before = re.sub(r"\b(?:the|The)$", "", before).rstrip()
        words = before.split()
        previous = words[-1].casefold() if words else ""
        if previous == "by" and len(words) > 1 and words[-2].endswith("ed"):
            return True  # "chaired by Ana Ruiz": the agent of a passive
        return previous not in PREPOSITIONS

    def _in_object_apposition(self, start: int) -> bool:
        """ "criticised his counterpart, Ana Ruiz, personally": a name set beside an object, not
        a subject ("The conference chair, Ana Ruiz, said" is beside a subject and stays)."""
        if not self.masked[:start].rstrip().endswith(","):
            return False
        mention = self.table.starting_at(start)
        end = mention.end if mention is not None else start
        if self.masked[end : end + 1] not in {",", ".", ";"}:
            return False  # "Back in Lisbon, Ana Ruiz said": the subject after an opening phrase
        sentence_start, _ = self._sentence_of(start)
        comma = self.masked.rfind(",", sentence_start, start)
        before = [w.group(0).casefold() for w in self._words(sentence_start, comma)]
        short_noun_phrase = len(before) <= 5 and not any(w in PREPOSITIONS for w in before)
        return not short_noun_phrase

    def resolve_pronoun(self, position: int) -> str | None:
        """The most recent person who was the subject of a clause, within a few paragraphs."""
        oldest = self.paragraphs[max(0, self.paragraph_index(position) - _PRONOUN_PARAGRAPHS_BACK)][
            0
        ]
        for mention in reversed(self._people):
            if mention.start >= position:
                continue
            if mention.start < oldest:
                break
            if self._subject_like(mention.start, mention.end) and not self._in_object_apposition(
                mention.start
            ):
                return mention.name
        return None

    def _antecedent_of_who(self, position: int) -> str | None:
        sentence_start, _ = self._sentence_of(position)
        for mention in reversed(self._people):
            if sentence_start <= mention.end <= position and not self._quoted(mention.start):
                return mention.name
        return None

    def resolve_description(self, description: str, position: int) -> str | None:
        """'the president' → the person last written with that title; else the role itself."""
        words = description.split()
        if words and words[0].casefold() in DETERMINERS:
            words = words[1:]
        if not words:
            return None
        role = " ".join(words).strip(" ,")
        lowered = role.casefold()
        head = lowered.split()[-1]
        for mention in reversed(self._people):
            if mention.start >= position or not mention.title:
                continue
            title = mention.title
            if lowered == title or lowered.endswith(" " + title) or title.endswith(" " + lowered):
                return mention.name
            if len(lowered.split()) == 1 and title.split()[-1] == head:
                return mention.name
        named_later = self._named_later(head, position)
        if named_later is not None:
            return named_later
        if head in ROLE_NOUNS or any(w[:1].isupper() for w in words):
            if head.endswith("s") and head[:-1] in ROLE_NOUNS:
                return None  # "officials said": a group, not one speaker
            return role
        return None

    def _named_later(self, head: str, position: int) -> str | None:
        """ "the chair told reporters ... The chair, Ana Ruiz, is": a role named just after."""
        if head not in ROLE_NOUNS:
            return None
        paragraph = self.paragraph_index(position)
        limit = self.paragraphs[min(len(self.paragraphs) - 1, paragraph + 1)][1]
        for mention in self._people:
            title = mention.title or ""
            if position < mention.start < limit and title.split()[-1:] == [head]:
                return mention.name
        return None

    def link_name(self, start: int, end: int) -> str | None:
        """A capitalised name the recogniser missed, linked to a known entity when possible."""
        start, end = clean_name_span(self.text, start, end)
        if end <= start:
            return None
        key = name_key(self.text[start:end])
        tokens = key.split()
        if (
            not tokens
            or tokens[0].casefold() in DETERMINERS
            or tokens[0].casefold()
            in (PERSONAL_PRONOUNS | {"it", "they", "we", "i", "but", "and", "when", "if"})
        ):
            return None
        names = [e.name for e in self.table.entities]
        if key in names:
            return key
        for entity in self.table.entities:
            if entity.type != "PERSON":
                continue
            other = entity.name.split()
            n = len(tokens)
            if len(other) > n and (other[-n:] == tokens or other[:n] == tokens):
                return entity.name
        return key

    # ---- subjects around a verb -------------------------------------------------------------
    def _mention_starting(self, position: int) -> ResolvedMention | None:
        mention = self.table.starting_at(position)
        if mention is None:
            title = TITLE_RE.match(self.text, position)
            if title:
                after = title.end()
                while after < len(self.text) and self.text[after] == " ":
                    after += 1
                mention = self.table.starting_at(after)
        return mention

    def _description_forward(self, position: int, limit: int) -> tuple[str, int] | None:
        """'the White House Press Secretary' up to a verb, preposition or punctuation."""
        end = position
        count = 0
        for match in _WORD_RE.finditer(self.masked, position, limit):
            gap = self.masked[end : match.start()]
            if count and gap.strip():
                break
            word = match.group(0).casefold()
            if count and (_is_speech_verb(word) or word in PREPOSITIONS - {"of"}):
                break
            if count and word in VERB_LEAD_INS:
                break
            end = match.end()
            count += 1
            if count > 7:
                return None
        if count < 2:
            return None
        return self.text[position:end], end

    def subject_forward(self, position: int, limit: int) -> tuple[str | None, int] | None:
        """The subject written at `position`: a name, a pronoun, a description, a role."""
        while position < limit and self.text[position] in " \t":
            position += 1
        if position >= limit or self._quoted(position):
            return None
        mention = self._mention_starting(position)
        if mention is not None and mention.end <= limit:
            if _POSSESSIVE_AFTER_RE.match(self.text, mention.end):
                return None
            return mention.name, mention.end
        word = self._word_at(position, limit)
        if word is None or word.start() != position:
            return None
        lowered = word.group(0).casefold()
        if lowered in PERSONAL_PRONOUNS:
            return self.resolve_pronoun(position), word.end()
        if lowered in {"they", "we", "i", "you", "it"}:
            return None, word.end()
        if lowered in DETERMINERS:
            found = self._description_forward(position, limit)
            if found is None:
                return None
            description, end = found
            return self.resolve_description(description, position), end
        capitalised = _CAPITALISED_RE.match(self.text, position, limit)
        if capitalised and not _is_speech_verb(capitalised.group(0).split()[0]):
            end = capitalised.end()
            if _POSSESSIVE_AFTER_RE.match(self.text, end):
                return None
            return self.link_name(position, end), end
        return None

    def _verb_after(self, position: int, limit: int) -> re.Match[str] | None:
        """A speech verb at `position`, allowing lead-ins such as 'reportedly' or 'had'."""
        while True:
            word = self._word_at(position, limit)
            if word is None or self.masked[position : word.start()].strip():
                return None
            lowered = word.group(0).casefold()
            if _is_speech_verb(lowered) and not lowered.endswith("ing"):
                return word
            if lowered in VERB_LEAD_INS or lowered.endswith("ly"):
                position = word.end()
                continue
            return None

    def _person_exactly_in(self, lo: int, hi: int) -> str | None:
        """The person whose name fills text[lo:hi] (an apposition), if any."""
        segment = self.text[lo:hi]
        start = lo + len(segment) - len(segment.lstrip())
        for mention in self._people:
            if mention.start == start and mention.end == hi:
                return mention.name
        return None

    def subject_backward(self, verb_start: int, lo: int) -> tuple[str | None, bool]:
        """The subject written right before a verb. Returns (speaker, found-a-subject)."""
        words = self._words(lo, verb_start)
        end = verb_start
        while (
            words
            and (
                words[-1].group(0).casefold() in VERB_LEAD_INS or words[-1].group(0).endswith("ly")
            )
            and not self.masked[words[-1].end() : end].strip()
        ):
            end = words[-1].start()
            words.pop()
        cut = self.masked[lo:end].rstrip()
        end = lo + len(cut)
        if cut.endswith(","):
            opening = self.masked.rfind(",", max(lo, end - _APPOSITION_LIMIT), end - 1)
            if opening == -1:
                return None, False
            named = self._person_exactly_in(opening + 1, end - 1)
            if named is not None:
                return named, True  # "Its spokeswoman, Ana Ruiz, said"
            end = opening
        mention = self.table.ending_at(end)
        if mention is not None and mention.start >= lo and not self._quoted(mention.start):
            return mention.name, True
        word_matches = self._words(lo, end)
        if not word_matches or word_matches[-1].end() != end:
            return None, False
        last = word_matches[-1]
        lowered = last.group(0).casefold()
        if lowered in PERSONAL_PRONOUNS:
            return self.resolve_pronoun(last.start()), True
        if lowered in RELATIVE_PRONOUNS:
            return self._antecedent_of_who(last.start()), True
        if lowered in {"they", "we", "i", "you", "it"}:
            return None, True
        for back in range(2, min(8, len(word_matches)) + 1):
            first = word_matches[-back]
            if first.group(0).casefold() in DETERMINERS:
                if self.masked[first.start() : end].count(",") == 0:
                    description = self.text[first.start() : end]
                    return self.resolve_description(description, first.start()), True
                break
        capitalised = None
        for match in _CAPITALISED_RE.finditer(self.text, max(lo, end - 80), end):
            if match.end() == end:
                capitalised = match
        if capitalised is not None and capitalised.start() > lo:
            return self.link_name(capitalised.start(), end), True
        if capitalised is not None:
            return self.link_name(capitalised.start(), end), True
        return None, False

    # ---- the rules ---------------------------------------------------------------------------
    def after_quote(self, quote: QuoteSpan, limit: int) -> Attribution | None:
        """`“…,” X said` and `“…,” said X` (with apposition: `X, a professor, told Y`)."""
        position = (quote.close_at + 1) if quote.close_at is not None else quote.end
        while position < limit and self.text[position] in " \t,—–-":
            position += 1
        verb = self._verb_after(position, limit)
        if verb is not None:  # “…,” said X
            subject = self.subject_forward(verb.end(), limit)
            if subject is not None:
                return Attribution(subject[0], verb.group(0), adjacent=True)
            return None
        subject = self.subject_forward(position, limit)
        if subject is None or self._describes_the_words(position, subject):
            return None
        speaker, end = subject
        verb = self._verb_after(end, limit)
        if verb is None and end < limit and self.text[end] == ",":
            closing = self.masked.find(",", end + 1, min(limit, end + _APPOSITION_LIMIT))
            if closing != -1 and '"' not in self.masked[end:closing]:
                verb = self._verb_after(closing + 1, limit)
                named = self._person_exactly_in(end + 1, closing)
                if verb is not None and named is not None:
                    speaker = named  # "the chief engineer, Dana Whitlock, said"
        if verb is None:
            return None
        return Attribution(speaker, verb.group(0), adjacent=True)

    def _describes_the_words(self, position: int, subject: tuple[str | None, int]) -> bool:
        """ "“…,” a phrase her officials repeated": a description of the words, not a speaker."""
        speaker, end = subject
        if speaker is not None:
            return False
        words = [w.group(0).casefold() for w in self._words(position, end)]
        return bool(words) and words[0] in {"a", "an"} and not PERSON_NOUNS.intersection(words)

    def _introduced_by_colon(self, quote: QuoteSpan, lo: int) -> Attribution | None:
        """ "Ana Ruiz gave her own version: “…”": the person the sentence is about speaks."""
        if not self.masked[lo : quote.open_at].rstrip().endswith(":"):
            return None
        sentence_start, _ = self._sentence_of(quote.open_at)
        speaker = self._nearest_subject(sentence_start, quote.open_at, main=True)
        if speaker is None or self.table.type_of(speaker) != "PERSON":
            return None
        return Attribution(speaker, None, adjacent=True)

    def before_quote(self, quote: QuoteSpan, lo: int) -> Attribution | None:
        """`X said, “…`, `X, when asked, said “…`, `according to X, “…`."""
        region = self.masked[lo : quote.open_at]
        matches = list(_ACCORDING_TO_RE.finditer(region))
        according = matches[-1] if matches else None
        if according is not None and not any(ch in region[according.end() :] for ch in ".;?!"):
            start = lo + according.end()
            tail = region[according.end() :].rstrip().rstrip(",:").rstrip()
            subject = self.subject_forward(start, start + len(tail) + 1)
            if subject is not None:
                return Attribution(subject[0], "according to", adjacent=True)
            return Attribution(
                self.resolve_description("the " + tail, start), "according to", adjacent=True
            )
        words = self._words(lo, quote.open_at)[-7:]
        for word in reversed(words):
            lowered = word.group(0).casefold()
            if not _is_speech_verb(lowered):
                continue
            between = self.masked[word.end() : quote.open_at].strip()
            if between and not (between[-1] in ",:" or between.casefold() == "that"):
                return None  # "declaring he wanted a “fair split”": not beside the verb
            if any(ch in between for ch in ".;!?"):
                return None
            speaker, found = self.subject_backward(word.start(), lo)
            if not found:
                sentence_start, _ = self._sentence_of(quote.open_at)
                speaker = self._nearest_subject(sentence_start, word.start(), main=False)
            # "warned that “…”": the words run on in the writer's sentence, a fragment
            return Attribution(speaker, word.group(0), adjacent=between.casefold() != "that")
        return self._introduced_by_colon(quote, lo)

    def _candidates(self, lo: int, hi: int) -> list[tuple[int, int, str | None]]:
        """Possible subjects in [lo, hi): people, organisations and pronouns, in order."""
        found: list[tuple[int, int, str | None]] = []
        for mention in self.table.mentions:
            if lo <= mention.start and mention.end <= hi and mention.type in {"PERSON", "ORG"}:
                found.append((mention.start, mention.end, mention.name))
        for match in re.finditer(r"\b(?:he|she|who|He|She)\b", self.masked[lo:hi]):
            start = lo + match.start()
            word = match.group(0).casefold()
            name = (
                self._antecedent_of_who(start)
                if word in RELATIVE_PRONOUNS
                else self.resolve_pronoun(start)
            )
            found.append((start, lo + match.end(), name))
        found.sort()
        return [c for c in found if self._subject_like(c[0], c[1])]

    def _nearest_subject(self, lo: int, verb_start: int, *, main: bool) -> str | None:
        candidates = self._candidates(lo, verb_start)
        if not candidates:
            return None
        return candidates[0][2] if main else candidates[-1][2]

    def in_sentence(self, quote: QuoteSpan) -> Attribution | None:
        """A speech or naming verb earlier in the quote's sentence, and its subject."""
        sentence_start, _ = self._sentence_of(quote.open_at)
        verbs = [
            w
            for w in self._words(sentence_start, quote.open_at)
            if w.group(0).casefold() in SPEECH_VERBS | NAMING_VERBS
        ]
        if not verbs:
            return None
        verb = verbs[-1]
        if self._passive(verb.start(), sentence_start):
            return Attribution(None, verb.group(0), adjacent=False)  # "was told X by officials"
        if verb.group(0).casefold().endswith("ing"):
            speaker = self._nearest_subject(sentence_start, verb.start(), main=True)
        else:
            speaker, found = self.subject_backward(verb.start(), sentence_start)
            if not found:
                speaker = self._nearest_subject(sentence_start, verb.start(), main=False)
        return Attribution(speaker, verb.group(0), adjacent=False)

    def _passive(self, verb_start: int, lo: int) -> bool:
        words = self._words(max(lo, verb_start - 40), verb_start)
        return bool(words) and words[-1].group(0).casefold() in PASSIVE_AUXILIARIES

    # ---- putting it together -----------------------------------------------------------------
    def stands_alone(self, quote: QuoteSpan) -> bool:
        """The quote opens its sentence: nothing of the writer's comes before it."""
        sentence_start, _ = self._sentence_of(quote.open_at)
        return not self._words(sentence_start, quote.open_at)

    def _reads_as_sentence(self, quote: QuoteSpan) -> bool:
        content = self.text[quote.start : quote.end]
        return len(content.split()) >= 3 or content.rstrip()[-1:] in ".?!"

    def attribute_all(self) -> list[QuoteResult]:
        results: list[QuoteResult] = []
        attributions: list[Attribution | None] = []
        for index, quote in enumerate(self.quotes):
            attribution = self._attribute(index, quote)
            attributions.append(attribution)
        for index, quote in enumerate(self.quotes):
            attribution = attributions[index]
            alone = self.stands_alone(quote)
            before = self.masked[max(0, quote.open_at - 40) : quote.open_at]
            if _SO_CALLED_RE.search(before):
                kind, attribution = "scare", None  # "a so-called “water bank,” said the critics"
            elif attribution is not None and attribution.adjacent:
                kind = "speech"
            elif alone and self._reads_as_sentence(quote):
                kind = "speech"
                if attribution is None or attribution.speaker is None:
                    carried = self._carried_speaker(index, attributions)
                    attribution = Attribution(carried, None, adjacent=False) if carried else None
            elif attribution is not None:
                kind = "fragment"  # someone is said to have used the words, named or not
            else:
                kind, attribution = "scare", None
            speaker = attribution.speaker if attribution else None
            cue = attribution.cue if attribution else None
            if speaker is not None and speaker.casefold() in _QUOTED_SPEAKER_ROLES:
                speaker = None
            results.append(
                QuoteResult(
                    self.text[quote.start : quote.end], speaker, kind, quote.start, quote.end, cue
                )
            )
        return results

    def _attribute(self, index: int, quote: QuoteSpan) -> Attribution | None:
        close = quote.close_at if quote.close_at is not None else quote.end
        _, sentence_end = self._sentence_of(close)
        limit = sentence_end
        if index + 1 < len(self.quotes):
            limit = min(limit, self.quotes[index + 1].open_at)
        limit = min(max(limit, close + 1), len(self.text))
        lo, _ = self._sentence_of(quote.open_at)
        if index > 0 and self.quotes[index - 1].close_at is not None:
            previous_close = self.quotes[index - 1].close_at
            assert previous_close is not None
            lo = max(lo, previous_close + 1)
        attribution = self.after_quote(quote, limit) or self.before_quote(quote, lo)
        if attribution is not None:
            return attribution
        if self.stands_alone(quote):
            return None
        return self.in_sentence(quote)

    def _carried_speaker(self, index: int, attributions: list[Attribution | None]) -> str | None:
        """The speaker of a neighbouring attributed quote, if nobody else spoke in between."""
        quote = self.quotes[index]
        paragraph = self.paragraph_index(quote.open_at)
        for other in range(index - 1, -1, -1):
            previous = self.quotes[other]
            if self.paragraph_index(previous.open_at) < paragraph - 1:
                break
            attribution = attributions[other]
            if attribution is None or attribution.speaker is None:
                continue
            gap_start = previous.close_at if previous.close_at is not None else previous.end
            if self._someone_else_between(gap_start, quote.open_at, attribution.speaker):
                return None
            return attribution.speaker
        for other in range(index + 1, len(self.quotes)):
            following = self.quotes[other]
            if self.paragraph_index(following.open_at) != paragraph:
                break
            attribution = attributions[other]
            if attribution is not None and attribution.speaker is not None:
                return attribution.speaker
        return None

    def _someone_else_between(self, lo: int, hi: int, speaker: str) -> bool:
        return any(
            name is not None and name != speaker
            for _, _, name in self._candidates(lo, hi)
            if self.table.type_of(name or "") == "PERSON"
        )
