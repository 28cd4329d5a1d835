"""Locust scenario "one page": every user requests the same address, without pausing.

benchmarks/load.py runs it once per page kind (with the page cache off, then on):

    locust -f benchmarks/locust_one_page.py --headless --host http://127.0.0.1:8104 \
        -u 20 -r 20 -t 60s --page-kind "home page" --page-path /fr/

Locust patches the standard library with gevent: run it as its own command only, never
import it from Django or pytest.
"""

from locust import FastHttpUser, constant, events, task


@events.init_command_line_parser.add_listener
def page_arguments(parser):
    parser.add_argument("--page-path", default="/fr/", help="the address every user requests")
    parser.add_argument("--page-kind", default="page", help="its name in the statistics")


class Reader(FastHttpUser):
    wait_time = constant(0)  # as many requests as the server answers: a throughput test

    @task
    def read(self):
        options = self.environment.parsed_options
        self.client.get(options.page_path, name=options.page_kind)
