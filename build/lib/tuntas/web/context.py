from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"SITE_NAME": settings.TUNTAS_SITE_NAME, "DEMO_MODE": settings.DEMO}
