from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # /metrics; /healthz and /readyz are answered by tuntas.ops.health.ProbeMiddleware
    path("", include("tuntas.ops.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("tuntas.api.urls")),
    path("open311/v2/", include("tuntas.interop.urls")),
    path("console/", include("tuntas.web.console.urls")),
    path("", include("tuntas.web.portal.urls")),
]
# Each in the look of the part of the site asked (API, Open311, console, portal); see tuntas.web.errors.
handler400 = "tuntas.web.errors.bad_request"
handler403 = "tuntas.web.errors.permission_denied"
handler404 = "tuntas.web.errors.not_found"
handler500 = "tuntas.web.errors.server_error"  # falls back to tuntas.ops.views.server_error
