"""Builds the demo Cluster from the YAML files in demo/data/.

Members are either real EU Polar Cluster projects and organisations, described
only with facts from their public CORDIS records and project websites, or
clearly labelled fictional ones. Every guide, lesson and legacy output is
demonstration text written for this site; identifiers use only non-resolving
test prefixes (10.5072, 20.500.99999, example.org). The translations
(translations.yaml) mirror their English source block by block; nobody
reviewed them, so they are stored as machine translations.

Idempotent: every item is looked up by its slug or key first and left alone
when it exists, so a second run (or a run after editors changed the demo
pages) changes nothing. Translations go through wagtail-localize, exactly as a
translator's work would, so the demo exercises the real translation workflow.
"""

import datetime
import html
import re
from dataclasses import dataclass

from django.apps import apps as django_apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue
from wagtail_localize.synctree import synchronize_tree

from anyascii import anyascii

from home.models import HomePage
from knowledgebase import content_types
from knowledgebase import models as kb
from legacy.ledger import deferred_updates
from localization.publishing import save_and_publish
from search.sync import deferred_reindexing
from workspaces.roles import setup_roles

from .activities import load_activities
from .consent import load_consent_demo
from .engagements import load_engagements
from .enquiries import load_enquiries
from .feedback import load_feedback
from .files import read_data

INDEX_MODELS = {
    **{kind.index_slug: kind.index_model for kind in content_types.CONTENT_TYPES},
    "topics": kb.TopicIndexPage,
    "regions": kb.RegionIndexPage,
}
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


@dataclass(frozen=True)
class DemoData:
    """The demo's English content and its translations, as read from demo/data/."""

    site: dict
    members: list
    guides: list
    lessons: list
    outputs: list
    infrastructure: list
    translations: dict

    @classmethod
    def read(cls):
        return cls(**{name: read_data(name) for name in cls.__dataclass_fields__})


def parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0
        self.untranslated_strings = 0
        self.default_locale = None
        self.data = DemoData.read()

    @transaction.atomic
    def run(self):
        with deferred_reindexing(), deferred_updates():
            self.build()
        self.log(f"Demo content ready: {self.created} items created.")
        return self.created

    def build(self):
        self.default_locale = self.ensure_locales()
        self.load_taxonomy(kb.Topic, self.data.site["topics"])
        self.load_taxonomy(kb.Region, self.data.site["regions"])
        self.load_glossary()
        home = self.load_home()
        indexes = self.load_indexes(home)
        self.load_pages(indexes["members"], kb.MemberPage, self.data.members, self.member_fields)
        self.load_pages(indexes["guides"], kb.GuidePage, self.data.guides, self.guide_fields)
        self.load_pages(indexes["lessons"], kb.LessonPage, self.data.lessons, self.lesson_fields)
        self.load_pages(indexes["outputs"], kb.OutputPage, self.data.outputs, self.output_fields)
        self.load_pages(
            indexes["infrastructure"],
            kb.InfrastructurePage,
            self.data.infrastructure,
            self.infrastructure_fields,
        )
        call_command("create_demo_users")  # one user per role, in development only
        self.link_guides(home)
        self.translate_all()
        load_consent_demo(self.log)
        load_engagements(self.log)
        load_activities(self.log)
        self.synchronise_locales()
        load_enquiries(self.log)
        load_feedback(self.log)
        # The roles' rights, as the migrations grant them: a database emptied by
        # `flush` has the pages again but not the rights on them.
        setup_roles(django_apps)

    # Locales and taxonomy -------------------------------------------------

    def ensure_locales(self):
        for code, _name in settings.LANGUAGES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.created += created
        return Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    def load_taxonomy(self, model, items):
        for order, item in enumerate(items):
            if model.objects.filter(key=item["key"], locale=self.default_locale).exists():
                continue
            parent = None
            if item["parent"]:
                parent = model.objects.get(key=item["parent"], locale=self.default_locale)
            model.objects.create(
                key=item["key"],
                name=item["name"],
                description=item.get("description", ""),
                parent=parent,
                sort_order=order,
                locale=self.default_locale,
            )
            self.created += 1
        self.log(f"  {model._meta.verbose_name_plural}: {len(items)}")

    def load_glossary(self):
        terms = read_glossary()
        source_language = settings.LANGUAGE_CODE
        for term in terms:
            if kb.GlossaryTerm.objects.filter(key=term["key"], locale=self.default_locale).exists():
                continue
            names = term[source_language]
            kb.GlossaryTerm.objects.create(
                key=term["key"],
                label=names["label"],
                synonyms="\n".join(names.get("synonyms", [])),
                definition=names.get("definition", ""),
                locale=self.default_locale,
            )
            self.created += 1
        self.log(f"  glossary terms: {len(terms)}")

    # Pages ----------------------------------------------------------------

    def load_home(self):
        home = HomePage.objects.filter(locale=self.default_locale, depth=2).first()
        if home is None:
            # A database emptied by `flush` has lost even the tree's root.
            root = Page.get_first_root_node() or Page.add_root(
                instance=Page(title="Root", slug="root", locale=self.default_locale)
            )
            self.remove_wagtail_welcome_page(root)
            texts = self.data.site["home"]
            home = HomePage(
                title=texts["title"],
                slug="home",
                introduction=texts["introduction"] + f"<p>{self.data.site['note']}</p>",
                locale=self.default_locale,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        return home

    def remove_wagtail_welcome_page(self, root):
        for page in root.get_children():
            if page.specific_class is Page:  # the "Welcome to Wagtail" placeholder
                page.delete()

    def load_indexes(self, home):
        indexes = {}
        for name, model in INDEX_MODELS.items():
            data = self.data.site["index_pages"][name]
            indexes[name] = self.get_or_add(
                home,
                model,
                name,
                title=data["title"],
                introduction=data["introduction"],
                show_in_menus=True,
            )
        return indexes

    def load_pages(self, parent, model, items, fields):
        pages = [self.get_or_add(parent, model, item["slug"], **fields(item)) for item in items]
        self.log(f"  {model._meta.verbose_name_plural}: {len(pages)}")
        return pages

    def get_or_add(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        relations = {
            name: fields.pop(name) for name in ("topics", "regions", "members") if name in fields
        }
        page = model(slug=slug, locale=self.default_locale, **fields)
        for name, values in relations.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def classification(self, item):
        source = {"locale": self.default_locale}
        fields = {
            "topics": list(kb.Topic.objects.filter(key__in=item["topics"], **source)),
            "regions": list(kb.Region.objects.filter(key__in=item["regions"], **source)),
        }
        if "members" in item:
            fields["members"] = list(
                kb.MemberPage.objects.filter(slug__in=item["members"], **source)
            )
        return fields

    def member_fields(self, item):
        return {
            "title": item["title"],
            "acronym": item["acronym"],
            "kind": item["kind"],
            "summary": item["summary"],
            "description": item["description"],
            "website": item["website"],
            "funding_programme": item["funding_programme"],
            "grant_number": item["grant_number"],
            "start_date": parse_date(item["start_date"]),
            "end_date": parse_date(item["end_date"]),
            "contact_name": item["contact_name"],
            "contact_email": item["contact_email"],
            "expertise": item["expertise"],
            "contact_points": [("contact_point", point) for point in item["contact_points"]],
            "published": parse_date(item["start_date"]) or datetime.date(2020, 1, 1),
            **self.classification({"topics": item["topics"], "regions": item["regions"]}),
        }

    def guide_fields(self, item):
        return {
            "title": item["title"],
            "summary": item["summary"],
            "body": [stream_block(kind, value) for kind, value in item["body"]],
            "audience": item["audience"],
            "maturity": item["maturity"],
            "published": parse_date(item["published"]),
            "last_reviewed": parse_date(item["last_reviewed"]),
            "review_interval_months": item["review_interval_months"],
            "licence": item["licence"],
            "doi": item["doi"],
            **self.classification(item),
        }

    def lesson_fields(self, item):
        text_fields = ["context", "what_happened", "what_worked", "what_did_not_work"]
        return {
            "title": item["title"],
            "summary": item["summary"],
            "published": parse_date(item["published"]),
            "recommendation": item["recommendation"],
            **{name: item[name] for name in text_fields},
            **self.classification(item),
        }

    def output_fields(self, item):
        return {
            "title": item["title"],
            "summary": item["summary"],
            "kind": item["kind"],
            "identifier": item["identifier"],
            "custodian": item["custodian"],
            "licence": item["licence"],
            "access_notes": item["access_notes"],
            "published": parse_date(item["published"]),
            **self.classification(item),
        }

    def infrastructure_fields(self, item):
        return {
            "title": item["title"],
            "summary": item["summary"],
            "kind": item["kind"],
            "description": item["description"],
            "access_conditions": item["access_conditions"],
            "link": item["link"],
            "published": parse_date(item["published"]),
            **self.classification(item),
        }

    def link_guides(self, home):
        """Related and featured guides, set once when the demo is first built."""
        guides = {g.slug: g for g in kb.GuidePage.objects.filter(locale=self.default_locale)}
        for item in self.data.guides:
            guide = guides[item["slug"]]
            if item["related"] and not guide.related_guides.exists():
                guide.related_guides.set([guides[slug] for slug in item["related"]])
                guide.save_revision().publish()
        if not home.featured_guides.exists():
            home.featured_guides.set([guides[slug] for slug in self.data.site["featured_guides"]])
            home.save_revision().publish()

    # Translations -----------------------------------------------------------

    def translate_all(self):
        self.translate_glossary()
        for code, items in self.data.translations["taxonomy"].items():
            locale = Locale.objects.get(language_code=code)
            for ref, texts in items.items():
                kind, key = ref.split(":", 1)
                model = kb.Topic if kind == "topic" else kb.Region
                source = model.objects.get(key=key, locale=self.default_locale)
                self.translate(source, locale, self.taxonomy_pairs(source, texts))
        for code, pages in self.data.translations["pages"].items():
            locale = Locale.objects.get(language_code=code)
            for ref, texts in pages.items():
                source, source_texts = self.source_for(ref)
                label = self.data.translations["demo_label"].get(code)
                pairs = string_pairs(source_texts, texts, label)
                pairs[source.slug] = slugify(anyascii(texts["title"])) or source.slug
                self.translate(source, locale, pairs)
        languages = ", ".join(sorted(self.data.translations["pages"]))
        self.log(
            f"  translations: {languages} "
            f"({self.untranslated_strings} strings left in the source language)"
        )

    def translate_glossary(self):
        source_language = settings.LANGUAGE_CODE
        for term in read_glossary():
            source = kb.GlossaryTerm.objects.get(key=term["key"], locale=self.default_locale)
            for code, names in term.items():
                if code in ("key", source_language):
                    continue
                locale = Locale.objects.get(language_code=code)
                self.translate(source, locale, glossary_pairs(term[source_language], names))

    def taxonomy_pairs(self, source, texts):
        pairs = {source.name: texts["name"]}
        if source.description and texts.get("description"):
            pairs[source.description] = texts["description"]
        return pairs

    def source_for(self, ref):
        """The source page for a reference like 'guide:slug', and its demo texts."""
        kind, _sep, slug = ref.partition(":")
        if kind == "home":
            return HomePage.objects.get(locale=self.default_locale, depth=2), self.data.site["home"]
        if kind == "index":
            page = INDEX_MODELS[slug].objects.get(locale=self.default_locale)
            return page, self.data.site["index_pages"][slug]
        content_type = content_types.get(kind)
        # The demo data holds each content type under its section's name, e.g. "guides".
        model, items = content_type.model, getattr(self.data, content_type.index_slug)
        item = next(item for item in items if item["slug"] == slug)
        return model.objects.get(locale=self.default_locale, slug=slug), item

    def translate(self, instance, locale, pairs):
        """Translate an instance into a locale through wagtail-localize, once."""
        existing = instance.get_translations().filter(locale=locale)
        if isinstance(instance, Page):
            existing = existing.filter(alias_of__isnull=True)
        if existing.exists():
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        missing = 0
        for segment in segments:
            text = pairs.get(segment.string.data) or pairs.get(html.unescape(segment.string.data))
            if text is None:
                missing += 1
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                # Demo translations were machine-made and nobody reviewed them: say so.
                defaults={"data": text, "translation_type": "machine", "tool_name": "demo"},
            )
        save_and_publish(translation)
        self.untranslated_strings += missing
        self.created += 1

    def synchronise_locales(self):
        """Untranslated pages appear in every locale as aliases of the source."""
        for locale in Locale.objects.exclude(pk=self.default_locale.pk):
            self.log(f"  synchronising the {locale.get_display_name()} page tree…")
            # Creating the synchronisation builds the aliases; later runs top them up.
            _sync, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": self.default_locale}
            )
            if not created:
                synchronize_tree(self.default_locale, locale)


def read_glossary():
    """The demo glossary: [{"key": ..., language code: {"label", "synonyms", "definition"}}]."""
    return read_data("glossary")


def glossary_pairs(source, target):
    """{source text: translated text} of a glossary term, as wagtail-localize stores them.

    Synonyms are one text, one per line; wagtail-localize keeps such a text as
    HTML with <br> between the lines, so both sides are given in that form.
    """
    pairs = {}
    for field in ("label", "synonyms", "definition"):
        source_text, target_text = source.get(field), target.get(field)
        if field == "synonyms":
            source_text = "\n".join(source_text or [])
            target_text = "\n".join(target_text or [])
        if source_text and target_text:
            as_stored = StringValue.from_plaintext
            pairs[as_stored(source_text).data] = as_stored(target_text).data
    return pairs


def stream_block(kind, value):
    """A demo body entry as (block type, block value) for a StreamField."""
    if kind == "steps":
        return ("steps", [{"title": title, "text": f"<p>{text}</p>"} for title, text in value])
    if kind == "table":
        return (
            "table",
            {"data": [value["header"], *value["rows"]], "first_row_is_table_header": True},
        )
    if kind == "heading":
        return ("heading", {"text": value, "level": "h2", "anchor": ""})
    return (kind, value)


def string_pairs(source, target, demo_label=None):
    """{source text: translated text} from two parallel demo structures.

    Paragraph HTML is paired paragraph by paragraph, because wagtail-localize
    translates rich text one paragraph at a time. The demo label goes after the
    summary so readers know a demo translation when they see one.
    """
    pairs = {}

    def walk(a, b):
        if isinstance(a, str) and isinstance(b, str):
            source_paragraphs = PARAGRAPH.findall(a)
            if source_paragraphs:
                pairs.update(zip(source_paragraphs, PARAGRAPH.findall(b), strict=False))
            else:
                pairs[a] = b
        elif isinstance(a, dict) and isinstance(b, dict):
            for key in a.keys() & b.keys():
                walk(a[key], b[key])
        elif isinstance(a, list | tuple) and isinstance(b, list | tuple):
            for x, y in zip(a, b, strict=False):
                walk(x, y)

    walk(source, target)
    if isinstance(source, dict) and "summary" in source and "summary" in target:
        if demo_label:
            pairs[source["summary"]] = f"{target['summary']} ({demo_label}.)"
    return pairs
