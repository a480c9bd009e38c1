from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _hand_to_worker(message_id: int) -> None:
    # Imported when first used, so starting Django loads no task module; looked up on every call, so a test
    # can swap the task out.
    from tuntas.jobs import tasks

    tasks.deliver_message(message_id)


class JobsConfig(AppConfig):
    """The one place background and periodic tasks are registered (``tasks.py``, found by ``run_huey``)."""

    name = "tuntas.jobs"
    label = "jobs"
    verbose_name = _("Tugas latar")

    def ready(self) -> None:
        from tuntas.notify import dispatch

        # notify sits below this app: it hands each written message to the worker through this hook.
        dispatch.install_hand_off(_hand_to_worker)
