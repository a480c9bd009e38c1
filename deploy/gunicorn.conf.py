"""gunicorn settings for deploy/systemd/tuntas-web.service (nginx connects to the socket)."""

import multiprocessing
import os

bind = os.environ.get("TUNTAS_GUNICORN_BIND", "unix:/run/tuntas/gunicorn.sock")
# Pages wait on the database more than the CPU: two workers per core, at least two.
workers = int(os.environ.get("TUNTAS_GUNICORN_WORKERS", max(2, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("TUNTAS_GUNICORN_THREADS", "2"))
# Exports and PDFs can take a while on a small VM; nginx's proxy_read_timeout matches.
timeout = 120
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
# One line per request comes from Tuntas itself (JSON, with the request id); gunicorn logs errors only.
accesslog = None
errorlog = "-"
forwarded_allow_ips = "127.0.0.1,::1"


def child_exit(server, worker):  # noqa: ANN001, ANN201
    # Metrics of a gunicorn worker that exited must stop counting as a live process (prometheus-client).
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
