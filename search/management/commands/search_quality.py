"""Measure search relevance on the project's own judged collection.

The collection (tests/search/relevance/: a multilingual corpus, judged
queries and natural questions tagged by class) is loaded into a throwaway test
database and indexed under its own index prefix, so the site's content and
index are never touched. Each collection is reported as a whole and by class.
"""

import json
import os

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.http import QueryDict
from django.test import override_settings
from django.test.utils import setup_databases, teardown_databases

from search import engines, quality, service
from search.engines.base import EngineUnavailable

COLUMNS = ["ndcg@10", "mrr", "recall@10", "zero_result_rate", "false_suggestion_rate"]


class Command(BaseCommand):
    help = "nDCG@10, MRR, recall@10, zero-result and false-suggestion rates per engine."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            action="append",
            choices=tuple(engines.SHORTCUTS),
            help="Engine to measure (repeatable). Default: the database engine and "
            "the configured SEARCH_ENGINE.",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument(
            "--by-class", action="store_true", help="Also measure each class of query."
        )
        parser.add_argument(
            "--worst", type=int, default=0, help="Also list the N queries with the lowest nDCG."
        )

    def handle(self, *args, **options):
        from tests.search.relevance.loader import load_collection, load_queries, load_questions

        chosen = options["engine"] or list(dict.fromkeys(["database", settings.SEARCH_ENGINE]))
        collections = {"queries": load_queries(), "questions": load_questions()}
        old_config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        try:
            counts = ", ".join(f"{len(queries)} {name}" for name, queries in collections.items())
            self.progress(f"Loading the relevance collection ({counts})…")
            item_keys = {value: key for key, value in load_collection().items()}
            reports = [
                report
                for engine in chosen
                for report in self.measure(engine, collections, item_keys)
            ]
        finally:
            teardown_databases(old_config, verbosity=0)
        if options["json"]:
            self.stdout.write(json.dumps(self.as_json(reports), indent=2))
        else:
            self.print_table(reports, options["worst"])
            if options["by_class"]:
                self.print_classes(reports)

    def measure(self, engine, collections, item_keys):
        """A report per collection, each named by its collection."""
        self.progress(f"Measuring the {engine} engine…")
        with override_settings(SEARCH_ENGINE=engine, SEARCH_INDEX_PREFIX=f"quality-{os.getpid()}"):
            try:
                call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
                reports = []
                for name, queries in collections.items():
                    reports.append(
                        quality.evaluate(engine, queries, item_keys, self.search, collection=name)
                    )
                return reports
            finally:
                self.drop_index()

    @staticmethod
    def search(query):
        params = QueryDict(mutable=True)
        params["q"] = query["q"]
        for facet, values in (query.get("filters") or {}).items():
            params.setlist(facet, [str(value) for value in values])
        request = service.parse_request(params, query["language"])
        answer = service.search(request)
        if answer["fallback"]:
            raise CommandError(f"The {answer['engine']} engine did not answer; is it running?")
        return answer

    @staticmethod
    def drop_index():
        engine = service.get_engine()
        if engine.remote:
            try:
                engine.drop()
            except EngineUnavailable:
                pass

    def progress(self, message):
        self.stderr.write(message)

    @staticmethod
    def as_json(reports):
        return [
            {
                "collection": report.collection,
                **report.summary(),
                "by_class": report.by_class(),
                "per_query": [
                    {
                        "id": o.query["id"],
                        "ndcg@10": o.ndcg,
                        "total": o.total,
                        "top": o.ranked[:3],
                        "suggestion": o.suggestion,
                    }
                    for o in report.outcomes
                ],
            }
            for report in reports
        ]

    def print_classes(self, reports):
        self.stdout.write("\n| engine | class | queries | ndcg@10 | mrr | recall@10 |")
        self.stdout.write("|---|---|---|---|---|---|")
        for report in reports:
            for name, summary in report.by_class().items():
                values = " | ".join(
                    f"{summary[key]:.3f}" for key in ("ndcg@10", "mrr", "recall@10")
                )
                self.stdout.write(f"| {report.engine} | {name} | {summary['queries']} | {values} |")

    def print_table(self, reports, worst):
        self.stdout.write("| collection | engine | class | queries | " + " | ".join(COLUMNS) + " |")
        self.stdout.write("|---" * (len(COLUMNS) + 4) + "|")
        for report in reports:
            self.print_row(report.collection, "all", report.summary())
        for report in reports:
            for name, summary in report.by_class().items():
                self.print_row(report.collection, name, summary)
        for report in reports if worst else []:
            self.stdout.write(f"\nLowest nDCG@10 on {report.engine} ({report.collection}):")
            for outcome in report.worst(worst):
                query = outcome.query
                self.stdout.write(
                    f"  {outcome.ndcg:.2f}  {query['id']}  q={query['q']!r} "
                    f"total={outcome.total} top={outcome.ranked[:3]}"
                )

    def print_row(self, collection, name, summary):
        values = " | ".join(f"{summary[column]:.3f}" for column in COLUMNS)
        self.stdout.write(
            f"| {collection} | {summary['engine']} | {name} | {summary['queries']} | {values} |"
        )
