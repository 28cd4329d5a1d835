"""Locust scenario "reader mix": each user requests page kinds at random, in given proportions.

benchmarks/load.py passes the pages as JSON, a list of [page kind, address, weight]:

    locust -f benchmarks/locust_reader_mix.py --headless --host http://127.0.0.1:8104 \
        -u 20 -r 20 -t 60s --pages '[["home page", "/fr/", 3], ["programme", "/fr/programme/", 1]]'

The statistics come out per page kind. Locust patches the standard library with gevent: run it
as its own command only, never import it from Django or pytest.
"""

import json
import random

from locust import FastHttpUser, constant, events, task


@events.init_command_line_parser.add_listener
def pages_argument(parser):
    parser.add_argument(
        "--pages", default='[["home page", "/fr/", 1]]', help="JSON list of [kind, address, weight]"
    )


class Reader(FastHttpUser):
    wait_time = constant(0)  # as many requests as the server answers: a throughput test

    def on_start(self):
        self.pages = [(kind, path) for kind, path, _weight in self._mix()]
        self.weights = [weight for _kind, _path, weight in self._mix()]

    def _mix(self):
        return json.loads(self.environment.parsed_options.pages)

    @task
    def read(self):
        kind, path = random.choices(self.pages, weights=self.weights)[0]
        self.client.get(path, name=kind)
