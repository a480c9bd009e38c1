"""A URL configuration that (wrongly) serves uploads publicly, for the doctor's media check."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from tuntas.urls import urlpatterns as base

urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}), *base]
