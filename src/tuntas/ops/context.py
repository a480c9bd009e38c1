from django.http import HttpRequest


def request_id(request: HttpRequest) -> dict:
    """The request id on error pages, so a citizen can quote it and the office can find the log line."""
    return {"request_id": getattr(request, "request_id", "")}
