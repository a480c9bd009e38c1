from django.core.management.base import BaseCommand, CommandError

from tuntas.api.tokens import token_create
from tuntas.directory.models import User


class Command(BaseCommand):
    help = "Issue an API token acting as a staff user. The token is printed once and cannot be shown again."

    def add_arguments(self, parser):
        parser.add_argument("username", help="the staff user the connected system acts as")
        parser.add_argument("name", help="what the token is for, e.g. 'SP4N-LAPOR! sync'")

    def handle(self, *args, **opts):
        user = User.objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"No user named {opts['username']!r}.")
        if not user.is_active:
            raise CommandError(f"User {opts['username']!r} is not active.")
        name = opts["name"].strip()
        if not name:
            raise CommandError("Give the token a name.")
        new = token_create(user=user, name=name)
        self.stderr.write(f"Token {new.token.name!r} ({new.token.prefix}) for {user.username}; store it now:")
        self.stdout.write(new.raw)
