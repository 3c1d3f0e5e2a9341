"""A synthetic multilingual corpus in the exact shape search/documents.py produces.

Everything is drawn from one seeded random generator, so a seed gives the same
corpus and the same query mix every time. Frequencies are skewed on purpose:
word ranks follow a Zipf-like law, a few topics, regions and members tag most
content, English is the most common source language and recent years have
more content than old ones.
"""

import bisect
import datetime
import itertools
import random
import uuid
from dataclasses import dataclass, field

from bench import vocabulary

LANGUAGE_SHARE = {
    "en": 0.46, "fr": 0.08, "de": 0.09, "nb": 0.07, "sv": 0.06, "fi": 0.05,
    "da": 0.05, "is": 0.04, "kl": 0.04, "se": 0.03, "iu": 0.03,
}  # fmt: skip
GROUP_SIZE_SHARE = {1: 0.5, 2: 0.3, 3: 0.2}  # how many language versions a group has
TYPE_SHARE = {"guide": 0.5, "lesson": 0.3, "output": 0.2}  # members come from the member list
SECTIONS = {"guide": "guides", "lesson": "lessons", "member": "members", "output": "outputs"}
# Median body length in words per type; lengths are log-normal around it.
BODY_WORDS = {"guide": 450, "lesson": 280, "output": 90, "member": 160}
FIRST_YEAR, LAST_YEAR = 2008, 2025
TODAY = datetime.date(2026, 1, 15)
MISSPELLING_RATE = 0.15
TEXT_QUERY_SHARE = 0.7
FILTER_COUNT_SHARE = {0: 0.35, 1: 0.3, 2: 0.2, 3: 0.15}
FACET_CHOICE_SHARE = {
    "topic": 0.3, "language": 0.2, "type": 0.15, "region": 0.15, "member": 0.1, "year": 0.1,
}  # fmt: skip
SORT_SHARE = {"relevance": 0.7, "newest": 0.2, "reviewed": 0.1}
PAGE_SHARE = {1: 0.8, 2: 0.15, 3: 0.05}


class Weighted:
    """Draws items with given weights (cumulative weights, bisect: fast for big lists)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    @classmethod
    def from_shares(cls, shares):
        return cls(shares.keys(), shares.values())

    @classmethod
    def zipf(cls, items, exponent=1.0, offset=2.7):
        """Rank r gets weight 1 / (r + offset) ** exponent (Zipf-Mandelbrot)."""
        items = list(items)
        return cls(items, [1 / (rank + offset) ** exponent for rank in range(len(items))])

    def draw(self, rng):
        point = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_right(self.cumulative, point)]

    def draw_many(self, rng, count):
        return rng.choices(self.items, cum_weights=self.cumulative, k=count)

    def draw_distinct(self, rng, count):
        chosen = []
        while len(chosen) < min(count, len(self.items)):
            item = self.draw(rng)
            if item not in chosen:
                chosen.append(item)
        return chosen


class Language:
    """Word samplers of one language: running text, and content words only."""

    def __init__(self, code):
        self.code = code
        function_words = vocabulary.FUNCTION_WORDS[code].split()
        content = list(dict.fromkeys(vocabulary.CONTENT_WORDS[code].split()))
        self.content_words = content
        self.text_words = Weighted.zipf(function_words + content, exponent=1.0)
        self.keywords = Weighted.zipf(content, exponent=0.9)

    def sentence(self, rng, length):
        words = self.text_words.draw_many(rng, length)
        return words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:]) + "."

    def text(self, rng, word_count):
        sentences, written = [], 0
        while written < word_count:
            length = rng.randint(6, 18)
            sentences.append(self.sentence(rng, length))
            written += length
        return " ".join(sentences)

    def phrase(self, rng, low, high):
        words = self.keywords.draw_many(rng, rng.randint(low, high))
        return (words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:])).strip()


@dataclass
class TaxonomyItem:
    key: str
    parent: str | None
    names: dict  # language code -> name


@dataclass
class Member:
    key: str
    acronym: str
    title: str


@dataclass
class Group:
    """One translation group: facets shared by all versions, texts per version."""

    translation_key: str
    type: str
    languages: list  # source first
    slug: str
    topics: list
    regions: list
    members: list
    published: datetime.date
    last_reviewed: datetime.date | None
    texts: dict = field(default_factory=dict)  # code -> {title, summary, headings, body}


@dataclass
class Corpus:
    topics: list
    regions: list
    members: list
    documents: list
    groups: int


# The taxonomy and the members ------------------------------------------------------------


def taxonomy(entries, languages, rng):
    """Items with an English name and names made of each other language's own words."""
    items = []
    for key, parent, english in entries:
        names = {"en": english}
        for code, language in languages.items():
            if code != "en" and rng.random() < 0.8:  # some items stay untranslated
                names[code] = language.phrase(rng, 1, 3)
        items.append(TaxonomyItem(key, parent, names))
    return items


def make_members(count, rng):
    members, used = [], set()
    while len(members) < count:
        acronym = "".join(rng.sample(vocabulary.ACRONYM_PARTS, rng.randint(1, 3)))
        if acronym in used:
            continue
        used.add(acronym)
        title = " ".join(rng.sample(vocabulary.MEMBER_NAME_WORDS, rng.randint(3, 5)))
        members.append(Member(key=acronym.lower(), acronym=acronym, title=title))
    return members


def expand_with_ancestors(keys, parents):
    expanded = set()
    for key in keys:
        while key and key not in expanded:
            expanded.add(key)
            key = parents.get(key)
    return sorted(expanded)


# Groups and their documents ----------------------------------------------------------------


class CorpusMaker:
    def __init__(self, seed, member_count):
        self.rng = random.Random(seed)
        self.languages = {code: Language(code) for code in LANGUAGE_SHARE}
        self.topics = taxonomy(vocabulary.TOPICS, self.languages, self.rng)
        self.regions = taxonomy(vocabulary.REGIONS, self.languages, self.rng)
        self.members = make_members(member_count, self.rng)
        self.source_language = Weighted.from_shares(LANGUAGE_SHARE)
        self.group_size = Weighted.from_shares(GROUP_SIZE_SHARE)
        self.content_type = Weighted.from_shares(TYPE_SHARE)
        # Popularity is a shuffled Zipf over the items, not the order they are listed in.
        self.topic_popularity = self.shuffled_zipf([item.key for item in self.topics], 1.1)
        self.region_popularity = self.shuffled_zipf([item.key for item in self.regions], 1.2)
        self.member_popularity = self.shuffled_zipf([m.key for m in self.members], 1.1)
        self.year = Weighted(
            range(FIRST_YEAR, LAST_YEAR + 1), [1.18**i for i in range(LAST_YEAR - FIRST_YEAR + 1)]
        )
        self.topic_parents = {item.key: item.parent for item in self.topics}
        self.region_parents = {item.key: item.parent for item in self.regions}
        self.labels = self.label_table()
        self.member_names = {m.key: [m.title, m.acronym] for m in self.members}
        self.page_ids = itertools.count(1000)

    def shuffled_zipf(self, keys, exponent):
        keys = list(keys)
        self.rng.shuffle(keys)
        return Weighted.zipf(keys, exponent=exponent)

    def label_table(self):
        """{language: {key: label}} for topics and regions, English standing in."""
        table = {}
        for code in LANGUAGE_SHARE:
            table[code] = {
                item.key: item.names.get(code, item.names["en"])
                for item in self.topics + self.regions
            }
        return table

    def documents(self, count, progress=None):
        """Groups until ``count`` documents: first one group per member, then content."""
        documents, groups = [], 0
        member_groups = iter(self.members)
        while len(documents) < count:
            member = next(member_groups, None)
            group = self.member_group(member) if member else self.content_group()
            documents.extend(self.group_documents(group)[: count - len(documents)])
            groups += 1
            if progress and groups % 2000 == 0:
                progress(len(documents))
        return documents, groups

    def member_group(self, member):
        group = self.new_group("member", slug=member.key)
        group.members = [member.key]
        for code in group.languages:
            group.texts[code]["title"] = member.title
        return group

    def content_group(self):
        return self.new_group(self.content_type.draw(self.rng))

    def new_group(self, content_type, slug=None):
        rng = self.rng
        source = self.source_language.draw(rng)
        languages, size = [source], self.group_size.draw(rng)
        while len(languages) < size:  # translations favour the big languages
            translation = self.source_language.draw(rng)
            if translation not in languages:
                languages.append(translation)
        published = self.published_date()
        group = Group(
            translation_key=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            type=content_type,
            languages=languages,
            slug=slug or f"item-{rng.getrandbits(40):x}",
            topics=expand_with_ancestors(
                self.topic_popularity.draw_distinct(rng, rng.randint(1, 3)), self.topic_parents
            ),
            regions=expand_with_ancestors(
                self.region_popularity.draw_distinct(rng, rng.randint(0, 2)), self.region_parents
            ),
            members=sorted(self.member_popularity.draw_distinct(rng, rng.randint(1, 3))),
            published=published,
            last_reviewed=self.review_date(published) if content_type == "guide" else None,
        )
        group.texts = {code: self.version_texts(code, content_type) for code in languages}
        return group

    def published_date(self):
        year = self.year.draw(self.rng)
        return datetime.date(year, 1, 1) + datetime.timedelta(days=self.rng.randrange(365))

    def review_date(self, published):
        reviewed = published + datetime.timedelta(days=self.rng.randrange(0, 3 * 365))
        return min(reviewed, TODAY)

    def version_texts(self, code, content_type):
        rng, language = self.rng, self.languages[code]
        body_words = int(rng.lognormvariate(0, 0.5) * BODY_WORDS[content_type])
        headings = [language.phrase(rng, 2, 5) for _ in range(rng.randint(0, 8))]
        return {
            "title": language.phrase(rng, 3, 8),
            "summary": language.text(rng, rng.randint(20, 45)),
            "headings": " ".join(headings),
            "body": language.text(rng, body_words),
        }

    def group_documents(self, group):
        """The documents of a group, as search.documents.build_group_documents builds them:
        a card per version on every document, the text of every version on the
        representative (the source-language version) only."""
        versions = {
            code: {
                "title": texts["title"],
                "url": f"/{code}/{SECTIONS[group.type]}/{group.slug}/",
                "summary": texts["summary"],
            }
            for code, texts in group.texts.items()
        }
        facets = {
            "type": group.type,
            "topics": group.topics,
            "regions": group.regions,
            "members": group.members,
            "published": group.published.isoformat(),
            "year": str(group.published.year),
            "last_reviewed": group.last_reviewed.isoformat() if group.last_reviewed else None,
        }
        documents = [
            {
                "id": f"{group.translation_key}-{code}",
                "translation_key": group.translation_key,
                "locale": code,
                "is_representative": code == group.languages[0],
                "page_id": next(self.page_ids),
                **versions[code],
                "suggest": versions[code]["title"],
                "translations": sorted(versions),
                "versions": versions,
                **facets,
            }
            for code in group.languages
        ]
        representative = documents[0]
        representative["tags"] = self.tags(group)
        for code, texts in group.texts.items():
            for name, value in texts.items():
                representative[f"{name}_{code}"] = value
            if group.type == "member":
                representative[f"title_{code}"] = f"{texts['title']} ({group.slug.upper()})"
        return documents

    def tags(self, group):
        """Topic and region names in each version's language, and the members' names."""
        words = set()
        for code in group.languages:
            words.update(self.labels[code][key] for key in group.topics + group.regions)
        for key in group.members:
            words.update(self.member_names[key])
        return " ".join(sorted(words))


def make_corpus(count, seed, progress=None):
    maker = CorpusMaker(seed, member_count=max(20, min(300, count // 40)))
    documents, groups = maker.documents(count, progress)
    return maker, Corpus(maker.topics, maker.regions, maker.members, documents, groups)


# The query mix ---------------------------------------------------------------------------------


@dataclass
class Query:
    params: dict  # facet/q/sort/page -> list of values, as a query string would give
    language: str
    kind: str  # "text" or "browse"
    filters: int  # number of facets filtered on


class QueryMaker:
    def __init__(self, maker, documents, seed):
        self.maker = maker
        self.documents = documents
        self.rng = random.Random(seed)
        self.reader_language = Weighted.from_shares(LANGUAGE_SHARE)
        self.filter_count = Weighted.from_shares(FILTER_COUNT_SHARE)
        self.facet_choice = Weighted.from_shares(FACET_CHOICE_SHARE)
        self.sort = Weighted.from_shares(SORT_SHARE)
        self.page = Weighted.from_shares(PAGE_SHARE)
        self.type = Weighted.from_shares({**TYPE_SHARE, "member": 0.05})
        self.value_makers = {
            "topic": lambda: maker.topic_popularity.draw(self.rng),
            "region": lambda: maker.region_popularity.draw(self.rng),
            "member": lambda: maker.member_popularity.draw(self.rng),
            "type": lambda: self.type.draw(self.rng),
            "language": lambda: self.reader_language.draw(self.rng),
            "year": lambda: str(maker.year.draw(self.rng)),
        }

    def queries(self, count):
        return [self.query() for _ in range(count)]

    def query(self):
        rng = self.rng
        language = self.reader_language.draw(rng)
        params = {"sort": [self.sort.draw(rng)], "page": [str(self.page.draw(rng))]}
        kind = "text" if rng.random() < TEXT_QUERY_SHARE else "browse"
        if kind == "text":
            params["q"] = [self.text(language)]
        facets = self.facet_choice.draw_distinct(rng, self.filter_count.draw(rng))
        for facet in facets:
            values = {self.value_makers[facet]() for _ in range(2 if rng.random() < 0.15 else 1)}
            params[facet] = sorted(values)
        return Query(params=params, language=language, kind=kind, filters=len(facets))

    def text(self, language):
        """1-3 words: from a title someone remembers, or typed from their own vocabulary."""
        rng = self.rng
        count = rng.choice((1, 1, 1, 2, 2, 3))
        if rng.random() < 0.4:
            title = rng.choice(self.documents)["title"].split()
            start = rng.randrange(max(1, len(title) - count + 1))
            words = title[start : start + count]
        else:
            source = language if rng.random() < 0.7 else "en"
            words = self.maker.languages[source].keywords.draw_many(rng, count)
        if rng.random() < MISSPELLING_RATE:
            position = rng.randrange(len(words))
            words[position] = misspell(words[position], rng)
        return " ".join(words)


def misspell(word, rng):
    """A typo: two letters swapped, one dropped or one doubled."""
    if len(word) < 4:
        return word
    position = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]
    if kind == "drop":
        return word[:position] + word[position + 1 :]
    return word[:position] + word[position] + word[position:]
