"""Console URLs of channel drafts: included into the console namespace; names start with "channel_"."""

from django.urls import path

from tuntas.web.console.channels import views as v

urlpatterns = [
    path("kanal/draf/", v.draft_list, name="channel_drafts"),
    path("kanal/draf/<int:draft_id>/", v.draft_detail, name="channel_draft"),
]
