"""A real IMAP server for the channel tests: Debian's dovecot with a throw-away config and maildir on a free
high port, started once per test session and stopped after; skipped when dovecot is not installed."""

from __future__ import annotations

import contextlib
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = "/usr/sbin/dovecot"
PASSWORD = "rahasia-uji"


@dataclass(frozen=True)
class Imap:
    host: str
    port: int
    user: str
    password: str

    def append(self, raw: bytes) -> None:
        conn = imaplib.IMAP4(self.host, self.port)
        conn.login(self.user, self.password)
        conn.append("INBOX", None, None, raw)
        conn.logout()

    def clear(self) -> None:
        conn = imaplib.IMAP4(self.host, self.port)
        conn.login(self.user, self.password)
        _t, count = conn.select("INBOX")
        if int(count[0]):
            conn.store("1:*", "+FLAGS", "(\\Deleted)")
            conn.expunge()
        conn.logout()

    def unseen(self) -> int:
        conn = imaplib.IMAP4(self.host, self.port)
        conn.login(self.user, self.password)
        conn.select("INBOX")
        _t, data = conn.search(None, "UNSEEN")
        conn.logout()
        return len((data[0] or b"").split())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _config(base: Path, port: int) -> str:
    if os.getuid() == 0:  # mail may not run as root: the mailbox belongs to nobody, services keep their users
        owner = pwd.getpwnam("nobody")
        users = ""
    else:
        owner = pwd.getpwuid(os.getuid())
        users = f"default_internal_user = {owner.pw_name}\ndefault_login_user = {owner.pw_name}\n"
    mail = base / "mail"
    mail.mkdir()
    os.chown(mail, owner.pw_uid, owner.pw_gid)
    return f"""
{users}base_dir = {base}/run
state_dir = {base}/state
instance_name = tuntas-test-{port}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {base}/dovecot.log
first_valid_uid = 1
mail_location = maildir:{mail}/%u
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={mail}/%u
}}
"""


@pytest.fixture(scope="session")
def dovecot() -> Imap:
    if not os.path.exists(DOVECOT):
        pytest.skip(f"{DOVECOT} is not installed (Debian: apt-get install dovecot-imapd)")
    base = Path(tempfile.mkdtemp(prefix="tuntas-dovecot-"))
    base.chmod(0o755)
    port = _free_port()
    conf = base / "dovecot.conf"
    conf.write_text(_config(base, port))
    # The daemon keeps inherited pipes open: output goes nowhere, or run() would wait for it forever.
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run([DOVECOT, "-c", str(conf)], check=True, **quiet)
    imap = Imap("127.0.0.1", port, "pengaduan", PASSWORD)
    try:
        for _i in range(100):  # the listener comes up within a few hundred ms
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                imaplib.IMAP4(imap.host, port).logout()
                break
            time.sleep(0.05)
        yield imap
    finally:
        subprocess.run([DOVECOT, "-c", str(conf), "stop"], check=False, **quiet)
        shutil.rmtree(base, ignore_errors=True)
