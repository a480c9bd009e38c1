"""The console's URL namespace: each feature package (web/console/<feature>/) owns its URL module, included
here at the root of the namespace in the order the patterns have always been matched."""

from django.urls import include, path

app_name = "console"
urlpatterns = [
    path("", include("tuntas.web.console.auth.urls")),
    path("", include("tuntas.web.console.inbox.urls")),
    path("", include("tuntas.web.console.complaint.urls")),
    path("", include("tuntas.web.console.standards.urls")),
    path("", include("tuntas.web.console.deliveries.urls")),
    path("", include("tuntas.web.console.audit.urls")),
    path("", include("tuntas.web.console.prevention.urls")),
    path("", include("tuntas.web.console.oversight.urls")),
    path("", include("tuntas.web.console.profile.urls")),
    path("", include("tuntas.web.console.clarifications.urls")),
    path("", include("tuntas.web.console.surveys.urls")),
    path("", include("tuntas.web.console.compliance.urls")),
    path("", include("tuntas.web.console.villages.urls")),
    path("", include("tuntas.web.console.cooperation.urls")),
    path("", include("tuntas.web.console.channels.urls")),
    path("", include("tuntas.web.console.followup.urls")),
    path("", include("tuntas.web.console.insights.urls")),
    path("", include("tuntas.web.console.webhooks.urls")),
]
