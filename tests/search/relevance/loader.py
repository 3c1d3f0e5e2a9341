"""Loads the relevance collection (corpus.yaml) into the current database.

The collection is built with the plain Wagtail and wagtail-localize model API,
so the ``search_quality`` command can load it outside the test suite:

- a Locale for every language of the corpus, a default Site with a home page
  and the index pages, and a translation of that tree for every language;
- topics, regions and glossary terms in English with their translations;
- members (written in English first, as content refers to them in the source
  language), guides, lessons and legacy outputs, each created in the tree of
  its source language (the first of its versions) and translated into the others.

A guide's ``headings`` split its ``body`` paragraphs into as many sections, in
order and as evenly as possible (earlier sections take the extra paragraphs).

The search index is left alone: whoever loads the collection rebuilds it.
"""

import datetime
import html
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

import yaml

from home.models import HomePage
from knowledgebase import models as kb
from search.sync import deferred_reindexing

HERE = Path(__file__).resolve().parent
CORPUS_PATH = HERE / "corpus.yaml"
QUERIES_PATH = HERE / "queries.yaml"
QUESTIONS_PATH = HERE / "questions.yaml"

INDEX_PAGES = [
    ("guides", kb.GuideIndexPage, "Guides"),
    ("lessons", kb.LessonIndexPage, "Lessons learned"),
    ("members", kb.MemberIndexPage, "Members"),
    ("outputs", kb.OutputIndexPage, "Legacy outputs"),
    ("topics", kb.TopicIndexPage, "Topics"),
    ("regions", kb.RegionIndexPage, "Regions"),
]
ITEM_TYPES = {
    "guide": (kb.GuidePage, "guides"),
    "lesson": (kb.LessonPage, "lessons"),
    "output": (kb.OutputPage, "outputs"),
}
LESSON_SECTIONS = ["context", "what_happened", "what_worked", "what_did_not_work", "recommendation"]


class CollectionError(ValueError):
    """The collection file refers to something it does not define."""


def read_yaml(path):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def load_queries(path=None):
    """The judged queries: a list of dicts (id, language, q, filters, covers, judgments…)."""
    return read_yaml(path or QUERIES_PATH)


def load_questions(path=None):
    """The natural questions, each tagged with its ``class`` (see questions.yaml)."""
    return read_yaml(path or QUESTIONS_PATH)


def load_collection(path=None):
    """Build the corpus into the database; returns {item or member key: translation key}."""
    corpus = read_yaml(path or CORPUS_PATH)
    with transaction.atomic(), deferred_reindexing():
        return CollectionBuilder(corpus).build()


def paragraph_html(text):
    return f"<p>{html.escape(text, quote=False)}</p>"


def html_paragraphs(paragraphs):
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(paragraph_html(text) for text in paragraphs)


def guide_body(headings, paragraphs):
    """StreamField data: each heading followed by its share of the paragraphs."""
    blocks, start = [], 0
    sections = max(len(headings), 1)
    for index in range(sections):
        size = len(paragraphs) // sections + (index < len(paragraphs) % sections)
        if index < len(headings):
            blocks.append(("heading", {"text": headings[index], "level": "h2", "anchor": ""}))
        section = paragraphs[start : start + size]
        blocks.extend(("paragraph", paragraph_html(text)) for text in section)
        start += size
    return blocks


class CollectionBuilder:
    def __init__(self, corpus):
        self.corpus = corpus
        self.locales = {}
        self.indexes = {}  # (language, index name) -> index page
        self.members = {}  # member key -> source MemberPage

    def build(self):
        self.create_locales()
        self.create_site()
        self.load_taxonomy(kb.Topic, self.corpus.get("topics", []))
        self.load_taxonomy(kb.Region, self.corpus.get("regions", []))
        self.load_glossary(self.corpus.get("glossary", []))
        keys = {}
        for member in self.corpus.get("members", []):
            if next(iter(member["versions"])) != settings.LANGUAGE_CODE:
                # Content refers to members in the source language (see in_source_language).
                raise CollectionError(
                    f"{member['key']}: write members in the source language first"
                )
            page = self.add_item(member, kb.MemberPage, "members", self.member_fields)
            self.members[member["key"]] = page
            keys[member["key"]] = str(page.translation_key)
        for item in self.corpus.get("items", []):
            if item["key"] in keys:
                raise CollectionError(f"Duplicate key {item['key']!r}")
            if item.get("type") not in ITEM_TYPES:
                raise CollectionError(f"{item['key']}: type must be one of {sorted(ITEM_TYPES)}")
            model, index_name = ITEM_TYPES[item["type"]]
            fields = getattr(self, f"{item['type']}_fields")
            keys[item["key"]] = str(self.add_item(item, model, index_name, fields).translation_key)
        return keys

    # Locales and the page tree ------------------------------------------------

    def create_locales(self):
        languages = [settings.LANGUAGE_CODE, *self.corpus["languages"]]
        for code in dict.fromkeys(languages):
            self.locales[code], _created = Locale.objects.get_or_create(language_code=code)

    @property
    def default_locale(self):
        return self.locales[settings.LANGUAGE_CODE]

    def create_site(self):
        if kb.GuidePage.objects.exists() or HomePage.objects.exists():
            raise CollectionError("Load the relevance collection into an empty database.")
        root = Page.get_first_root_node()
        for page in root.get_children():
            if page.specific_class is Page:  # Wagtail's "Welcome" placeholder
                page.delete()
        home = HomePage(title="Polar Knowledge Base", slug="home", locale=self.default_locale)
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        pages = []
        for name, model, title in INDEX_PAGES:
            page = model(title=title, slug=name, show_in_menus=True, locale=self.default_locale)
            home.add_child(instance=page)
            page.save_revision().publish()
            self.indexes[settings.LANGUAGE_CODE, name] = page
            pages.append((name, page))
        for code, locale in self.locales.items():
            if locale == self.default_locale:
                continue
            publish(home.copy_for_translation(locale))  # parents before their children
            for name, page in pages:
                self.indexes[code, name] = publish(page.copy_for_translation(locale))

    # Taxonomy and glossary ----------------------------------------------------

    def load_taxonomy(self, model, items):
        sources = {}
        for order, item in enumerate(items):
            parent_key = item.get("parent")
            if parent_key is not None and parent_key not in sources:
                raise CollectionError(f"{item['key']}: parent {parent_key!r} must come first")
            source = model.objects.create(
                key=item["key"],
                name=self.source_name(item),
                parent=sources.get(parent_key),
                sort_order=order,
                locale=self.default_locale,
            )
            sources[item["key"]] = source
            for code, name in item["names"].items():
                if code != settings.LANGUAGE_CODE:
                    translation = source.copy_for_translation(self.locale(code))
                    translation.name = name
                    translation.save()

    def source_name(self, item):
        try:
            return item["names"][settings.LANGUAGE_CODE]
        except KeyError:
            raise CollectionError(f"{item['key']}: needs a name in the source language") from None

    def load_glossary(self, terms):
        for term in terms:
            names = term["names"]
            label, *synonyms = self.source_name(term)
            source = kb.GlossaryTerm.objects.create(
                key=term["key"],
                label=label,
                synonyms="\n".join(synonyms),
                definition=term.get("definition", ""),
                locale=self.default_locale,
            )
            for code, (label, *synonyms) in names.items():
                if code != settings.LANGUAGE_CODE:
                    translation = source.copy_for_translation(self.locale(code))
                    translation.label = label
                    translation.synonyms = "\n".join(synonyms)
                    translation.definition = ""
                    translation.save()

    def locale(self, code):
        try:
            return self.locales[code]
        except KeyError:
            raise CollectionError(f"Language {code!r} is not in the corpus languages") from None

    # Pages --------------------------------------------------------------------

    def add_item(self, item, model, index_name, fields):
        """Create the item in its source language, then publish each translation."""
        (source_code, source_version), *translations = item["versions"].items()
        page = model(
            slug=item["key"],
            locale=self.locale(source_code),
            **self.shared_fields(item),
            **fields(item, source_version),
        )
        for name, values in self.relations(item).items():
            getattr(page, name).set(values)
        self.indexes[source_code, index_name].add_child(instance=page)
        publish(page)
        for code, version in translations:
            translation = page.copy_for_translation(self.locale(code))
            for name, value in fields(item, version).items():
                setattr(translation, name, value)
            publish(translation)
        return page

    def shared_fields(self, item):
        return {"published": parse_date(item.get("published", "2024-01-01"))}

    def relations(self, item):
        source = {"locale": self.default_locale}
        relations = {
            "topics": self.lookup(kb.Topic, item.get("topics", []), **source),
            "regions": self.lookup(kb.Region, item.get("regions", []), **source),
        }
        if "members" in item:
            relations["members"] = [self.member(key) for key in item["members"]]
        return relations

    def lookup(self, model, keys, **filters):
        found = {obj.key: obj for obj in model.objects.filter(key__in=keys, **filters)}
        missing = sorted(set(keys) - found.keys())
        if missing:
            raise CollectionError(f"Unknown {model._meta.verbose_name} keys: {missing}")
        return [found[key] for key in keys]

    def member(self, key):
        try:
            return self.members[key]
        except KeyError:
            raise CollectionError(f"Unknown member {key!r}") from None

    def member_fields(self, item, version):
        return {
            "title": version["title"],
            "summary": version["summary"],
            "description": html_paragraphs(version.get("body", [])),
            "acronym": item.get("acronym", ""),
            "kind": item.get("kind", kb.MemberKind.PROJECT),
            "start_date": parse_date(item.get("start_date")),
            "end_date": parse_date(item.get("end_date")),
        }

    def guide_fields(self, item, version):
        published = parse_date(item.get("published", "2024-01-01"))
        return {
            "title": version["title"],
            "summary": version["summary"],
            "body": guide_body(version.get("headings", []), version["body"]),
            "audience": version.get("audience", ""),
            "maturity": item.get("maturity", kb.Maturity.PRACTISED),
            "last_reviewed": parse_date(item.get("last_reviewed")) or published,
        }

    def lesson_fields(self, item, version):
        return {
            "title": version["title"],
            "summary": version["summary"],
            **{name: html_paragraphs(version.get(name, [])) for name in LESSON_SECTIONS},
        }

    def output_fields(self, item, version):
        return {
            "title": version["title"],
            "summary": version["summary"],
            "access_notes": version.get("access_notes", ""),
            "kind": item["kind"],
            "custodian": item["custodian"],
            "identifier": item["identifier"],
        }


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def parse_date(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)
