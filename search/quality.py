"""Relevance measures of a judged query collection: nDCG@10, MRR, recall@10, the
share of answerable queries that find nothing and of correctly spelled queries
that get a did-you-mean."""

import math
from dataclasses import dataclass, field
from statistics import mean

CUTOFF = 10


def average(values):
    values = list(values)
    return mean(values) if values else 0.0


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(ranked, judgments, cutoff=CUTOFF):
    ideal = dcg(sorted(judgments.values(), reverse=True)[:cutoff])
    found = dcg([judgments.get(item, 0) for item in ranked[:cutoff]])
    return found / ideal if ideal else 0.0


def reciprocal_rank(ranked, judgments):
    for rank, item in enumerate(ranked, start=1):
        if judgments.get(item, 0) > 0:
            return 1 / rank
    return 0.0


def recall(ranked, judgments, cutoff=CUTOFF):
    relevant = {item for item, grade in judgments.items() if grade > 0}
    return len(relevant & set(ranked[:cutoff])) / len(relevant) if relevant else 0.0


@dataclass
class QueryOutcome:
    query: dict
    ranked: list  # item keys, best first
    total: int
    suggestion: str | None

    @property
    def judgments(self):
        return self.query.get("judgments") or {}

    @property
    def answerable(self):
        return any(grade > 0 for grade in self.judgments.values())

    @property
    def ndcg(self):
        return ndcg(self.ranked, self.judgments)

    @property
    def false_suggestion(self):
        return bool(self.suggestion) and not self.query.get("misspelled", False)


@dataclass
class Report:
    engine: str
    outcomes: list = field(default_factory=list)
    collection: str = ""

    def answerable(self):
        return [outcome for outcome in self.outcomes if outcome.answerable]

    def summary(self, outcomes=None):
        outcomes = self.outcomes if outcomes is None else outcomes
        answerable = [outcome for outcome in outcomes if outcome.answerable]
        correctly_spelled = [o for o in outcomes if not o.query.get("misspelled", False)]
        return {
            "engine": self.engine,
            "queries": len(outcomes),
            "ndcg@10": mean_of(o.ndcg for o in answerable),
            "mrr": mean_of(reciprocal_rank(o.ranked, o.judgments) for o in answerable),
            "recall@10": mean_of(recall(o.ranked, o.judgments) for o in answerable),
            "zero_result_rate": mean_of(o.total == 0 for o in answerable),
            "false_suggestion_rate": mean_of(o.false_suggestion for o in correctly_spelled),
        }

    def by_class(self):
        """{class: summary} over the queries of each class: a question's ``class``, the
        ``covers`` tags of a query."""
        classes = {}
        for outcome in self.outcomes:
            for name in classes_of(outcome.query):
                classes.setdefault(name, []).append(outcome)
        return {
            name: self.summary(outcomes)
            for name, outcomes in sorted(classes.items())
            if any(outcome.answerable for outcome in outcomes)
        }

    def worst(self, count=10):
        """The answerable queries with the lowest nDCG@10, for finding what to fix."""
        return sorted(self.answerable(), key=lambda outcome: outcome.ndcg)[:count]


def classes_of(query):
    return {*([query["class"]] if "class" in query else []), *query.get("covers", [])}


def mean_of(values):
    values = list(values)
    return mean(values) if values else 0.0


def evaluate(engine_name, queries, item_keys, search, collection=""):
    """Run every query through ``search(query) -> answer`` (the API's JSON shape) and
    map result ids back to item keys with ``item_keys`` {translation key: item key}."""
    report = Report(engine_name, collection=collection)
    for query in queries:
        answer = search(query)
        ranked = [item_keys.get(result["id"], result["id"]) for result in answer["results"]]
        report.outcomes.append(QueryOutcome(query, ranked, answer["total"], answer["suggestion"]))
    return report
