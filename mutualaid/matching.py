"""Who could help, who might be interested: the matching of help entries with
each other and with the offers and needs of the members' profiles.

An offer matches the open requests and the profiles' needs; a request matches
the open offers and the profiles' offers. Two texts match when they share a
word (French, accents and case aside) or when they name the same skill.

On PostgreSQL the words are an OR of the text's words against the stored,
GIN-indexed vectors (`french_unaccent`: stemmed, « vidéoprojecteur » finds
« videoprojecteurs »); on SQLite each significant word, cut to a crude stem, is
looked for in the folded text (`intranet.fulltext.Unaccent`). Either way it is
one query per kind of candidate, never a loop over the members.
"""

import re
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.lookups import Contains

from intranet import fulltext

# Words that say nothing of what is offered or needed: every entry has them.
GENERIC = frozenset(
    """
    aide aider aiderait aimerais avec besoin bonjour cherche cherchons chez
    conseil conseils vos idee idees avis svp heure heures jour jours mois
    semaine semaines fois annee petit petite grand grande bon bonne autre
    autres deux trois sous sur sans entre vers par plus moins tres aussi mais
    donc comme quand leurs elle elles ils avons avez sont suis fait faut peut
    peux veux vous tous toutes cela ceci celle celui dont encore deja apres avant
    pendant depuis chaque quelques
    coup dans des donne est etre faire main merci mon nous pour propose
    proposons quelqu quelqu'un recherche sur une vous les aux qui que ton
    votre notre mes ses leur cette tout tous moi temps peu plus bien
    """.split()
)
MAX_WORDS = 12
MIN_LENGTH = 3
# SQLite looks for a stem inside the text: a shorter one is inside too many words.
LIKE_FROM = 4
_WORD = re.compile(r"[^\W_]+")


def words(*texts: str) -> list[str]:
    """The significant words of `texts`, folded (no accents, lower case), in
    order, without repeats."""
    found: list[str] = []
    for text in texts:
        for word in _WORD.findall(fulltext.fold(text or "")):
            if (
                len(word) >= MIN_LENGTH
                and not word.isdigit()
                and word not in GENERIC
                and word not in found
            ):
                found.append(word)
    return found[:MAX_WORDS]


def stem(word: str) -> str:
    """SQLite's crude stem: a plural's s or x off, then up to two last letters
    of a long word, keeping five (« enfants » → « enfan », « vidéoprojecteurs »
    → « videoprojecte »)."""
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    return word[: max(5, len(word) - 2)]


def query(word_list: list[str]) -> SearchQuery | None:
    """PostgreSQL: any of the words, stemmed without accents."""
    if not word_list:
        return None
    return SearchQuery(" | ".join(word_list), config=fulltext.CONFIG, search_type="raw")


def any_of(word_list: list[str]) -> str:
    """The words as one text, for `shares_any` (one value of a query kept per
    process): on PostgreSQL, the query « any of them »."""
    return " | ".join(word_list)


def shares_any(columns: tuple[str, ...], words: str) -> Q:
    """`text_q` of the words `any_of` wrote: on PostgreSQL the text is the query
    itself, so that the SQL is the same whatever the words, none included (an
    empty query matches nothing)."""
    if connection.vendor == "postgresql":
        return Q(
            search_vector=SearchQuery(words, config=fulltext.CONFIG, search_type="raw")
        )
    return text_q(columns, words.split(" | ") if words else [])


def text_q(columns: tuple[str, ...], word_list: list[str]) -> Q:
    """The rows whose text shares a word with `word_list` (`columns` hold the
    text on SQLite; PostgreSQL reads the stored vector made of them)."""
    if not word_list:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        return Q(search_vector=query(word_list))
    word_list = [word for word in word_list if len(word) >= LIKE_FROM]
    if not word_list:
        return Q(pk__in=[])
    return reduce(
        or_,
        (
            Q(Contains(fulltext.Unaccent(column), stem(word)))
            for word in word_list
            for column in columns
        ),
    )


def ranked(rows: QuerySet, word_list: list[str], skill_id: int | None) -> QuerySet:
    """`rows` best first: the same skill, then (PostgreSQL) the closest text."""
    order = []
    if skill_id is not None:
        rows = rows.annotate(same_skill=Q(skill_id=skill_id))
        order.append("-same_skill")
    if connection.vendor == "postgresql" and word_list:
        rows = rows.annotate(rank=SearchRank(F("search_vector"), query(word_list)))
        order.append("-rank")
    return rows.order_by(*order, "-pk")


def matching_q(
    columns: tuple[str, ...], word_list: list[str], skill_id: int | None
) -> Q:
    found = text_q(columns, word_list)
    if skill_id is not None:
        found |= Q(skill_id=skill_id)
    return found


def shares_words(text: str, word_list: list[str]) -> bool:
    """In Python, for a few rows already read: whether `text` has one of the
    words (the same crude stems as SQLite)."""
    folded = fulltext.fold(text or "")
    return any(stem(word) in folded for word in word_list if len(word) >= LIKE_FROM)
