"""The kinds of question a pack yields, each built from the pack's relations.

A question never stores answer text: it names the items whose answer keys grade it, so the
grader, the hints and the reveal all read the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from trainer.packs.model import Item, Kind, Pack


class QuestionKind(StrEnum):
    """What a question asks for; summaries are grouped by it."""

    THESIS = "thesis"
    PREMISES = "premises"
    COUNTERARGUMENTS = "counterarguments"
    REBUTTAL = "rebuttal"
    WHO_SAID = "who_said"
    WHAT_ARGUED = "what_argued"
    EVIDENCE = "evidence"
    ARGUE_AGAINST = "argue_against"
    AUTHOR_REPLY = "author_reply"
    QUESTION = "question"
    """One of the pack's own questions, asked as the instructor wrote it."""
    CONCLUSION = "conclusion"

    @property
    def display_name(self) -> str:
        """How the app and every report name this kind to a student ("the other side")."""
        return KIND_TITLES[self]

    @property
    def recall(self) -> bool:
        """Open recall: the user must name every target, one answer at a time."""
        return self in (QuestionKind.PREMISES, QuestionKind.COUNTERARGUMENTS)


KIND_TITLES: dict[QuestionKind, str] = {
    QuestionKind.THESIS: "thesis",
    QuestionKind.PREMISES: "premises",
    QuestionKind.COUNTERARGUMENTS: "rejected claims",
    QuestionKind.REBUTTAL: "rebuttal",
    QuestionKind.WHO_SAID: "who said it",
    QuestionKind.WHAT_ARGUED: "what they argued",
    QuestionKind.EVIDENCE: "evidence",
    QuestionKind.ARGUE_AGAINST: "the other side",
    QuestionKind.AUTHOR_REPLY: "the author's reply",
    QuestionKind.QUESTION: "question",
    QuestionKind.CONCLUSION: "conclusion",
}
"""Each kind as a student reads it; the values (`argue_against`) are names for programs."""


def kind_title(kind: str) -> str:
    """A stored kind's name for a student; a kind this version does not know, as stored."""
    try:
        return QuestionKind(kind).display_name
    except ValueError:
        return kind


@dataclass(frozen=True, slots=True)
class Question:
    """One question: what to show, and which items count as answers.

    `subject` is the item the question is about (the thesis, a counterargument, a quote, a
    person, a claim, an other-side argument); `targets` are the items an answer is graded
    against, in pack order.
    """

    kind: QuestionKind
    subject: str
    prompt: str
    targets: tuple[str, ...]
    why: str = ""
    """Why a review asks it now ("You missed ...; the thesis rests on it"), "" otherwise."""

    @property
    def id(self) -> str:
        return f"{self.kind.value}:{self.subject}"

    @property
    def need(self) -> int:
        """How many targets must be named: all of them for recall, otherwise any one."""
        return len(self.targets) if self.kind.recall else 1

    @property
    def more(self) -> bool:
        """Whether the user may go on naming targets after the first right one.

        Only rebuttals: a counterargument usually has several answers worth knowing, while
        a second quote or figure is better asked as its own question.
        """
        return self.kind is QuestionKind.REBUTTAL and len(self.targets) > 1


def _claim(item: Item) -> str:
    """A claim as a prompt quotes it: the short model answer reads better than the study text."""
    return (item.answer.canonical or item.text).strip()


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", '"', "\u201d")) else text + "."


def _inline(text: str) -> str:
    """A claim quoted mid-sentence, before a question mark: no full stop of its own."""
    return text.strip().rstrip(".")


def _thesis(pack: Pack) -> Iterator[Question]:
    if not pack.has_argument:
        return
    thesis = pack.thesis
    prompt = "What is the author's thesis? State the main claim in your own words."
    yield Question(QuestionKind.THESIS, thesis.id, prompt, (thesis.id,))


def _conclusion(pack: Pack) -> Iterator[Question]:
    for conclusion in pack.of_kind(Kind.CONCLUSION):
        prompt = "What does the author conclude should be done?"
        yield Question(QuestionKind.CONCLUSION, conclusion.id, prompt, (conclusion.id,))


def _premises(pack: Pack) -> Iterator[Question]:
    premises = pack.of_kind(Kind.PREMISE)
    if premises and pack.has_argument:
        thesis = pack.thesis
        # Not quoting the thesis: its words often are a premise's answer ("illusory
        # benefits"), and the thesis question comes first (`giveaways.ask_before_giving_away`).
        prompt = f"Name the premises behind the author's thesis ({len(premises)})."
        yield Question(QuestionKind.PREMISES, thesis.id, prompt, tuple(p.id for p in premises))


def _counterarguments(pack: Pack) -> Iterator[Question]:
    claims = pack.of_kind(Kind.COUNTERARGUMENT)
    if claims and pack.has_argument:
        prompt = f"Which claimed benefits does the author reject? Name them ({len(claims)})."
        yield Question(
            QuestionKind.COUNTERARGUMENTS, pack.thesis.id, prompt, tuple(c.id for c in claims)
        )


def _rebuttals(pack: Pack) -> Iterator[Question]:
    for claim in pack.of_kind(Kind.COUNTERARGUMENT):
        rebuttals = pack.pointing_at(claim.id, Kind.REBUTTAL)
        if rebuttals:
            said = _sentence(_claim(claim))
            prompt = f'The other side says: "{said}" How does the author answer?'
            yield Question(QuestionKind.REBUTTAL, claim.id, prompt, tuple(r.id for r in rebuttals))


def _who_said(pack: Pack) -> Iterator[Question]:
    for quote in pack.of_kind(Kind.QUOTE):
        if quote.speaker and pack.get(quote.speaker) is not None:
            prompt = f'Who said "{(quote.words or quote.text).strip()}"?'
            yield Question(QuestionKind.WHO_SAID, quote.id, prompt, (quote.speaker,))


def _what_argued(pack: Pack) -> Iterator[Question]:
    said: dict[str, list[str]] = {}  # one pass over the quotes, not one per person
    for quote in pack.of_kind(Kind.QUOTE):
        said.setdefault(quote.speaker, []).append(quote.id)
    for person in pack.of_kind(Kind.PERSON):
        quotes = tuple(said.get(person.id, ()))
        if quotes:
            who = f"{person.name} ({person.role})" if person.role else person.name
            yield Question(QuestionKind.WHAT_ARGUED, person.id, f"What did {who} argue?", quotes)


def _evidence(pack: Pack) -> Iterator[Question]:
    for claim in pack:
        evidence = pack.pointing_at(claim.id, Kind.EVIDENCE)
        if evidence:
            said = _inline(_claim(claim))
            prompt = f'What figure or event does the author give for the claim "{said}"?'
            yield Question(QuestionKind.EVIDENCE, claim.id, prompt, tuple(e.id for e in evidence))


def _argue_against(pack: Pack) -> Iterator[Question]:
    for claim in pack:
        against = pack.pointing_at(claim.id, Kind.OTHER_SIDE)
        if against:
            prompt = f'Argue against the author\'s claim that "{_inline(_claim(claim))}".'
            yield Question(
                QuestionKind.ARGUE_AGAINST, claim.id, prompt, tuple(o.id for o in against)
            )


def _author_reply(pack: Pack) -> Iterator[Question]:
    for argument in pack.of_kind(Kind.OTHER_SIDE):
        replies = pack.pointing_at(argument.id, Kind.REPLY)
        if replies:
            prompt = f'How would the author reply to the argument "{_inline(_claim(argument))}"?'
            yield Question(
                QuestionKind.AUTHOR_REPLY, argument.id, prompt, tuple(r.id for r in replies)
            )


def _questions(pack: Pack) -> Iterator[Question]:
    """The pack's own questions, each asked as written: the prompt is the instructor's, so
    nothing here assumes an argument or an author."""
    for item in pack.questions:
        yield Question(QuestionKind.QUESTION, item.id, item.text.strip(), (item.id,))


_GENERATORS: dict[QuestionKind, Callable[[Pack], Iterator[Question]]] = {
    QuestionKind.THESIS: _thesis,
    QuestionKind.PREMISES: _premises,
    QuestionKind.COUNTERARGUMENTS: _counterarguments,
    QuestionKind.REBUTTAL: _rebuttals,
    QuestionKind.WHO_SAID: _who_said,
    QuestionKind.WHAT_ARGUED: _what_argued,
    QuestionKind.EVIDENCE: _evidence,
    QuestionKind.ARGUE_AGAINST: _argue_against,
    QuestionKind.AUTHOR_REPLY: _author_reply,
    QuestionKind.QUESTION: _questions,
    QuestionKind.CONCLUSION: _conclusion,
}


def questions_of_kind(pack: Pack, kind: QuestionKind) -> tuple[Question, ...]:
    """Every question of one kind the pack supports, in pack order (empty when it has none),
    each prompt the trainer writes trimmed of the key words of the answers it asks for.

    The pack's own questions are asked as the instructor wrote them: "Which is longer, the
    Nile or the Amazon?" names its answer on purpose, and trimmed it would ask nothing."""
    from trainer.quiz.giveaways import trim_own_answer  # it builds on this module

    questions = _GENERATORS[kind](pack)
    if kind is QuestionKind.QUESTION:
        return tuple(questions)
    return tuple(trim_own_answer(pack, questions))
