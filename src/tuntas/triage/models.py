from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The normalised, stemmed text of one complaint, as the search backends read it.

    ``shared_text``: title, description, what the reporter was told, the tracking code and LAPOR id;
    ``staff_text``: internal notes, kept apart so a search for someone who may not read notes skips them.
    The reporter's identity (name, NIK, phone, address) is never written here.
    """

    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="search_document"
    )
    shared_text = models.TextField(blank=True, default="")
    staff_text = models.TextField(blank=True, default="")
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("dokumen pencarian")

    def __str__(self) -> str:
        return f"search document of complaint {self.complaint_id}"
