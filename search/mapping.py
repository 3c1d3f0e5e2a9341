"""Settings and mappings of the knowledge index (OpenSearch and Elasticsearch alike).

Each language gets its own analysed fields: stop words and a stemmer where the
engines have them (stemming "isbjørnen" to "isbjørn", French elision and
plurals); for Icelandic, Kalaallisut, Northern Sámi and Inuktitut, which have
none, a standard tokenizer with lower-casing only. Every analyzer also folds
accents after the stop words, so a reader without the special letters on the
keyboard still finds "hélicoptère" as "helicoptere" and "Sápmi" as "sapmi".
"""

from django.conf import settings

from search.documents import TEXT_FIELDS

# language code -> (stop words, stemmer) of the engines' analysis module
LANGUAGE_ANALYSIS = {
    "en": ("_english_", "english"),
    "fr": ("_french_", "light_french"),
    "de": ("_german_", "light_german"),
    "nb": ("_norwegian_", "norwegian"),
    "sv": ("_swedish_", "light_swedish"),
    "fi": ("_finnish_", "light_finnish"),
    "da": ("_danish_", "danish"),
}
FRENCH_ELIDED = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]
FOLDED = "folded"
FIELD_BOOSTS = {"title": 4, "summary": 2, "headings": 1.5, "body": 1}
TAGS_BOOST = 1.5
LIVE_SETTINGS = {"refresh_interval": "1s", "translog.durability": "request"}
SPELLING_SOURCES = ("title", "summary", "headings")  # body words would slow indexing down
FACET_FIELDS = {
    "topic": "topics",
    "member": "members",
    "type": "type",
    "region": "regions",
    "language": "translations",
    "year": "year",
}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def analyzer_for(language_code):
    return f"text_{language_code}" if language_code in LANGUAGE_ANALYSIS else FOLDED


def language_analysis():
    """Stop-word and stemmer filters, and one analyzer per language that has them."""
    filters = {"fr_elision": {"type": "elision", "articles": FRENCH_ELIDED, "articles_case": True}}
    analyzers = {}
    for code, (stopwords, stemmer) in LANGUAGE_ANALYSIS.items():
        filters[f"{code}_stop"] = {"type": "stop", "stopwords": stopwords}
        filters[f"{code}_stem"] = {"type": "stemmer", "language": stemmer}
        chain = ["lowercase", f"{code}_stop", "asciifolding", f"{code}_stem"]
        if code == "fr":
            chain.insert(0, "fr_elision")
        analyzers[analyzer_for(code)] = {"tokenizer": "standard", "filter": chain}
    return filters, analyzers


def text_field_names():
    return [f"{name}_{code}" for name in TEXT_FIELDS for code in language_codes()]


def index_settings():
    """A new index, set up for a fast bulk load (see LIVE_SETTINGS for afterwards)."""
    filters, analyzers = language_analysis()
    analyzers[FOLDED] = {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}
    analyzers["spelling"] = {"tokenizer": "standard", "filter": ["lowercase"]}
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "refresh_interval": "-1",
            "translog.durability": "async",
            "analysis": {"filter": filters, "analyzer": analyzers},
        },
        "mappings": {"dynamic": "strict", "properties": properties()},
    }


def properties():
    keyword = {"type": "keyword"}
    stored_only = {"type": "keyword", "index": False, "doc_values": False}
    fields = {
        "id": keyword,
        "translation_key": keyword,
        "locale": keyword,
        "is_representative": {"type": "boolean"},
        "page_id": {"type": "integer", "index": False},
        "url": stored_only,
        "title": {"type": "text", "index": False},
        "summary": {"type": "text", "index": False},
        "suggest": {"type": "text", "analyzer": FOLDED},  # titles, matched as typed
        "translations": keyword,
        "versions": {"type": "object", "enabled": False},
        "tags": {"type": "text", "analyzer": FOLDED, "copy_to": "spelling"},
        "type": keyword,
        "topics": keyword,
        "regions": keyword,
        "members": keyword,
        "year": keyword,
        "published": {"type": "date"},
        "last_reviewed": {"type": "date"},
        "spelling": {"type": "text", "analyzer": "spelling"},
    }
    for name in TEXT_FIELDS:
        for code in language_codes():
            field = {"type": "text", "analyzer": analyzer_for(code)}
            if name in SPELLING_SOURCES:
                field["copy_to"] = "spelling"
            else:  # no phrase queries run on bodies: term frequencies are enough
                field["index_options"] = "freqs"
            fields[f"{name}_{code}"] = field
    return fields
