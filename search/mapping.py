"""Settings and mappings of the knowledge index (OpenSearch and Elasticsearch alike).

Each language gets its own analysed fields: the engines' language analyzers
where they exist (stemming "isbjørnen" to "isbjørn", French elision and
plurals); for Icelandic, Kalaallisut, Northern Sámi and Inuktitut, which have
none, a standard tokenizer with lower-casing and ASCII folding, so a reader
without the special letters on the keyboard still finds "Sápmi" as "sapmi".
"""

from django.conf import settings

from search.documents import TEXT_FIELDS

LANGUAGE_ANALYZERS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "nb": "norwegian",
    "sv": "swedish",
    "fi": "finnish",
    "da": "danish",
}
FOLDED = "folded"
FIELD_BOOSTS = {"title": 4, "summary": 2, "headings": 1.5, "body": 1}
TAGS_BOOST = 1.5
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
    return LANGUAGE_ANALYZERS.get(language_code, FOLDED)


def text_field_names():
    return [f"{name}_{code}" for name in TEXT_FIELDS for code in language_codes()]


def index_settings():
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "filter": {
                    "shingles": {"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 3},
                },
                "analyzer": {
                    FOLDED: {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                    "spelling": {"tokenizer": "standard", "filter": ["lowercase", "shingles"]},
                },
            },
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
        "suggest": {"type": "search_as_you_type", "analyzer": FOLDED},
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
            fields[f"{name}_{code}"] = {
                "type": "text",
                "analyzer": analyzer_for(code),
                "copy_to": "spelling",
            }
    return fields
