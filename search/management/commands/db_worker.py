from django_tasks_db.management.commands import db_worker

from search.worker import requeue_abandoned_tasks, worker_id


class Command(db_worker.Command):
    help = (
        "Run a database background worker. It first puts back in the queue the tasks a "
        "worker of this host left running when it died."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=worker_id())

    def handle(self, *args, **options):
        if requeued := requeue_abandoned_tasks():
            self.stdout.write(f"Requeued {requeued} task(s) left running by a worker that died.")
        super().handle(*args, **options)
