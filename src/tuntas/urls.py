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
handler404 = "tuntas.web.errors.not_found"
handler500 = "tuntas.ops.views.server_error"
