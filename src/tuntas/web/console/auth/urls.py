"""Console URLs of signing in and out and of the password (reset by email, change)."""

from django.urls import path

from tuntas.web.console.auth import two_factor
from tuntas.web.console.auth import views as v

urlpatterns = [
    path("masuk/", v.LoginView.as_view(), name="login"),
    path("keluar/", v.LogoutView.as_view(), name="logout"),
    path("masuk/lupa-kata-sandi/", v.password_reset, name="password_reset"),
    path("masuk/lupa-kata-sandi/terkirim/", v.password_reset_sent, name="password_reset_sent"),
    path(
        "masuk/kata-sandi-baru/<uidb64>/<token>/",
        v.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("kata-sandi/", v.PasswordChangeView.as_view(), name="password_change"),
    # Under masuk/: open while the session still owes the second step (audit.two_factor.OPEN_PREFIXES).
    path("masuk/dua-langkah/", two_factor.verify, name="two_factor_verify"),
    path("masuk/pasang-dua-langkah/", two_factor.setup, name="two_factor_setup"),
]
