"""Elasticsearch analyses text exactly as OpenSearch does.

Elasticsearch's analysis-common module is not on Maven Central, so the local
Elasticsearch node gets the token filters the index uses from our own plugin
(scripts/engine/elasticsearch/analysis/). Each filter, and each analyzer of
the index as search/mapping.py defines it, must give the same tokens on both
nodes. A filter added to the mapping is checked here without further work;
one the plugin lacks fails with the node's error.
"""

import pytest
import requests

from search import analysis as search_analysis
from search import mapping
from tests.search.engine import engine_url

pytestmark = pytest.mark.engine

SAMPLES = {
    "en": "The polar bears' research stations were running on the Ice-Sheets, didn't they?",
    "fr": "L'hélicoptère qu'ils ont vu jusqu'à la banquise; les stations d'observation",
    "de": "Die Eisbären und Forschungsstationen auf den Gletschern überwintern, Gaertner Mueller",
    "nb": "Isbjørnene og forskningsstasjonene på isbreene i Tromsø",
    "sv": "Isbjörnarna och forskningsstationerna på glaciärerna i Åre",
    "fi": "Jääkarhut ja tutkimusasemat jäätiköillä Sodankylässä",
    "da": "Isbjørnene og forskningsstationerne på gletsjerne ved Ærø",
}
MIXED = "Sápmi Kalaallit Nunaat ᐃᓄᒃᑎᑐᑦ Þingvellir Straße hélicoptère ÉTÉ Œuvre"

FILTER_CASES = {
    "lowercase": ("lowercase", MIXED),
    "asciifolding": ("asciifolding", MIXED),
    "asciifolding, keeping the original": (
        {"type": "asciifolding", "preserve_original": True},
        MIXED,
    ),
    "elision": (
        {"type": "elision", "articles": ["l", "qu", "jusqu", "d"], "articles_case": True},
        "L'avion Qu'il jusqu'à D'Urville lorsqu'elle",
    ),
    "shingle": ({"type": "shingle"}, "sea ice charts"),
    "ngram": ({"type": "ngram", "min_gram": 3, "max_gram": 4}, "Glacier ice"),
    "edge_ngram": ({"type": "edge_ngram", "min_gram": 1, "max_gram": 4}, "Glacier ice"),
    "keyword_marker": (
        [{"type": "keyword_marker", "keywords": ["stations"]}, {"type": "stemmer"}],
        "stations running sheets",
    ),
    "stemmer possessive_english": (
        {"type": "stemmer", "language": "possessive_english"},
        "the bear's den and the bears' dens",
    ),
    "stemmer minimal_english": (
        {"type": "stemmer", "language": "minimal_english"},
        "glaciers studies ponies",
    ),
}
# Each language's samples under its named stop-word list and its stemmers.
LANGUAGE_FILTERS = {
    "en": ("_english_", ["english", "porter2"]),
    "fr": ("_french_", ["french", "light_french"]),
    # Not "german": since Lucene 10 it reads "ae" as "ä" like german2, OpenSearch 2's does not.
    "de": ("_german_", ["german2", "light_german"]),
    "nb": ("_norwegian_", ["norwegian"]),
    "sv": ("_swedish_", ["swedish", "light_swedish"]),
    "fi": ("_finnish_", ["finnish", "light_finnish"]),
    "da": ("_danish_", ["danish"]),
}
for code, (stopwords, stemmers) in LANGUAGE_FILTERS.items():
    FILTER_CASES[f"stop {stopwords}"] = (
        ["lowercase", {"type": "stop", "stopwords": stopwords}],
        SAMPLES[code],
    )
    for stemmer in stemmers:
        FILTER_CASES[f"stemmer {stemmer}"] = (
            ["lowercase", {"type": "stemmer", "language": stemmer}],
            SAMPLES[code],
        )


def analyze(engine, body):
    response = requests.post(f"{engine_url(engine)}/_analyze", json=body, timeout=30)
    assert response.ok, f"{engine}: {response.text}"
    return [
        (token["token"], token["position"], token["start_offset"], token["end_offset"])
        for token in response.json()["tokens"]
    ]


def assert_same_tokens(body):
    opensearch = analyze("opensearch", body)
    assert opensearch, "the sample should give tokens"
    assert analyze("elasticsearch", body) == opensearch


@pytest.mark.parametrize("case", FILTER_CASES)
def test_filter_gives_the_same_tokens(case):
    filters, text = FILTER_CASES[case]
    chain = filters if isinstance(filters, list) else [filters]
    assert_same_tokens({"tokenizer": "standard", "filter": chain, "text": text})


@pytest.mark.parametrize("tokenizer", ["ngram", "edge_ngram"])
def test_tokenizer_gives_the_same_tokens(tokenizer):
    definition = {"type": tokenizer, "min_gram": 2, "max_gram": 3}
    assert_same_tokens({"tokenizer": definition, "text": "Ice fog"})


def index_analyzers():
    analysis = mapping.index_settings()["settings"]["analysis"]
    filters = analysis.get("filter", {})
    return {
        name: {
            "tokenizer": analyzer["tokenizer"],
            "filter": [filters.get(step, step) for step in analyzer.get("filter", [])],
        }
        for name, analyzer in analysis["analyzer"].items()
    }


@pytest.mark.parametrize("analyzer", sorted(index_analyzers()))
def test_index_analyzer_gives_the_same_tokens(analyzer):
    definition = index_analyzers()[analyzer]
    code = analyzer.removeprefix("text_")
    text = f"{SAMPLES.get(code, SAMPLES['en'])} {MIXED}"
    assert_same_tokens({**definition, "text": text})


def test_a_wide_ngram_range_is_refused_on_both():
    for filter_type in ("ngram", "tokenizer"):
        ngram = {"type": "ngram", "min_gram": 2, "max_gram": 5}
        body = {"tokenizer": "standard", "filter": [ngram], "text": "ice"}
        if filter_type == "tokenizer":
            body = {"tokenizer": ngram, "text": "ice"}
        for engine in ("opensearch", "elasticsearch"):
            response = requests.post(f"{engine_url(engine)}/_analyze", json=body, timeout=30)
            assert response.status_code == 400, engine
            assert "index.max_ngram_diff" in response.text, engine


def test_a_filter_the_node_lacks_is_a_clear_error():
    body = {"tokenizer": "standard", "filter": [{"type": "no_such_filter"}], "text": "ice"}
    response = requests.post(f"{engine_url('elasticsearch')}/_analyze", json=body, timeout=30)
    assert response.status_code == 400
    assert "no_such_filter" in response.text


COMPOUNDS = {
    "nb": "Isbjørnalarmen i leiren og scooterturen over fjorden",
    "da": "Isbjørnealarmen og forskningsstationerne ved fjorden",
    "sv": "Skoterkörningen störde renkalvningen vid forskningsstationen",
    "de": "Die Seilschaft erkennt Spaltenzonen auf Luftbildern der Gletscherzunge",
}


@pytest.mark.parametrize("language", sorted(COMPOUNDS))
def test_compounds_split_alike_in_the_database_and_on_the_engines(language):
    """The index splits a compound into the words it is made of, and the database
    engine's analysis (search/analysis.py) gives the same tokens in the same order."""
    definition = index_analyzers()[f"text_{language}"]
    assert any(
        isinstance(step, dict) and step.get("type") == "dictionary_decompounder"
        for step in definition["filter"]
    ), "the compound word lists are missing: run manage.py build_translations"
    text = COMPOUNDS[language]
    body = {**definition, "text": text}
    engine_tokens = [token for token, _position, _start, _end in analyze("opensearch", body)]
    assert engine_tokens == search_analysis.analyze(text, language)
    plain = search_analysis.analyze(text, language, decompound=False)
    assert len(engine_tokens) > len(plain), "some compound should be split"
    assert analyze("elasticsearch", body) == analyze("opensearch", body)
