"""Settings and mappings of the knowledge index (OpenSearch and Elasticsearch alike).

Each language gets its own analysed fields: the stop words of search/analysis.py
and the Snowball stemmer where the language has one ("isbjørnen" and "isbjørn"
share a stem, French elision and plurals are undone), then accent folding, so
a reader without the special letters on the keyboard still finds "hélicoptère"
as "helicoptere". Icelandic, Kalaallisut, Northern Sámi and Inuktitut are
folded only. The database engine analyses text with the same lists and
stemmers (search/analysis.py), so both give the same words the same meaning.

``words`` holds every word of an item as written (folded, not stemmed): typo
tolerance works on it, and did-you-mean asks it whether the index knows a word at
all. ``words_<language>`` holds the words of one language's fields and the names of
the item's topics, regions and members in that language: did-you-mean takes its
corrections from the query's language only.
"""

from django.conf import settings

from search import analysis, facets
from search.documents import TEXT_FIELDS

FOLDED = "folded"
WRITTEN = "written"
FIELD_BOOSTS = {"title": 4, "summary": 2, "headings": 1.5, "body": 1}
TAGS_BOOST = 1.5
PHRASE_FIELDS = ("title", "summary", "headings")  # the fields with positions
HIGHLIGHTED_FIELDS = ("summary", "body", "headings")  # results show fragments of these
LIVE_SETTINGS = {"refresh_interval": "1s", "translog.durability": "request"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def analyzer_for(language_code):
    return f"text_{language_code}" if language_code in analysis.STEMMERS else FOLDED


def text_fields(language_code, names=TEXT_FIELDS):
    """Field names with their boosts, e.g. 'title_fr^4'."""
    return [f"{name}_{language_code}^{FIELD_BOOSTS[name]}" for name in names]


def language_analysis():
    """Stop-word and stemmer filters, and one analyzer per language that has them."""
    filters = {
        "fr_elision": {
            "type": "elision",
            "articles": list(analysis.FRENCH_ELIDED),
            "articles_case": True,
        }
    }
    analyzers = {}
    for code, stemmer in analysis.ENGINE_STEMMERS.items():
        filters[f"{code}_stop"] = {
            "type": "stop",
            "stopwords": sorted(analysis.STOP_WORDS.get(code, ())),
        }
        filters[f"{code}_stem"] = {"type": "stemmer", "language": stemmer}
        chain = ["lowercase", f"{code}_stop", f"{code}_stem", "asciifolding"]
        if code == "fr":
            chain.insert(0, "fr_elision")
        if parts := analysis.dictionary_parts(code):
            # Queries are not split: a word of another language would be ("frostbite"
            # is German "frost" and "bite"); the reader's own compounds are (query.py).
            analyzers[search_analyzer_for(code)] = {"tokenizer": "standard", "filter": chain}
            filters[f"{code}_parts"] = decompounder(parts)
            chain = [*chain[:2], f"{code}_parts", *chain[2:]]
        analyzers[analyzer_for(code)] = {"tokenizer": "standard", "filter": chain}
    return filters, analyzers


def search_analyzer_for(language_code):
    """The analyzer queries use on a language's fields, where it differs from the index's."""
    if analysis.dictionary_parts(language_code):
        return f"text_{language_code}_search"
    return None


def decompounder(parts):
    """The engines' dictionary_decompounder with a language's word list (nb 6k, da 4k,
    sv 4k, de 19k words from search/bilingual.py), set as search/analysis.py splits."""
    return {
        "type": "dictionary_decompounder",
        "word_list": sorted(parts),
        "min_word_size": analysis.MIN_COMPOUND,
        "min_subword_size": analysis.MIN_PART,
        "max_subword_size": analysis.MAX_PART,
        "only_longest_match": False,
    }


def words_field(language_code):
    """The field of the words written in one language (did-you-mean's vocabulary)."""
    return f"words_{language_code}"


def text_field_names():
    return [f"{name}_{code}" for name in TEXT_FIELDS for code in language_codes()]


def names_field_names():
    return [f"names_{code}" for code in language_codes()]


def lemmas_field(language_code):
    """The lemmas of an item's text in a LEMMATIZED language, written by the indexer."""
    return f"lemmas_{language_code}"


def lemmas_field_names_by_language():
    return {code: lemmas_field(code) for code in analysis.LEMMATIZED if code in language_codes()}


def lemmas_field_names():
    return list(lemmas_field_names_by_language().values())


def index_settings():
    """A new index, set up for a fast bulk load (see LIVE_SETTINGS for afterwards)."""
    filters, analyzers = language_analysis()
    analyzers[FOLDED] = {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}
    analyzers[WRITTEN] = {
        "tokenizer": "standard",
        "filter": ["fr_elision", "lowercase", "asciifolding"],
    }
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
    # Words as written: enough for typo tolerance and spelling, so no frequencies,
    # positions or norms.
    words = {"type": "text", "analyzer": WRITTEN, "index_options": "docs", "norms": False}
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
        "versions": {"type": "object", "enabled": False},
        "tags": {"type": "text", "analyzer": FOLDED, "copy_to": "words"},
        "published": {"type": "date"},
        "last_reviewed": {"type": "date"},
        "ends": {"type": "date"},
        "words": words,
    }
    # Every search counts the facets (search/facets.py): their global ordinals are built
    # when the index refreshes, not by the first search after a change.
    for name in facets.fields():
        fields[name] = {"type": "keyword", "eager_global_ordinals": True}
    for code in language_codes():
        fields[words_field(code)] = words
        # Topic, region and member names in the language: only spelling reads them.
        fields[f"names_{code}"] = {"type": "text", "index": False, "copy_to": words_field(code)}
    for name in lemmas_field_names():
        fields[name] = {"type": "text", "analyzer": FOLDED, "index_options": "freqs"}
    for name in TEXT_FIELDS:
        for code in language_codes():
            field = {
                "type": "text",
                "analyzer": analyzer_for(code),
                "copy_to": ["words", words_field(code)],
            }
            if search_analyzer := search_analyzer_for(code):
                field["search_analyzer"] = search_analyzer
            if name in HIGHLIGHTED_FIELDS:
                # The words' places in the text: the highlighter reads them instead of
                # analysing each result's text again, which cost the engine almost as
                # much CPU as the search itself.
                field["index_options"] = "offsets"
            fields[f"{name}_{code}"] = field
    return fields
