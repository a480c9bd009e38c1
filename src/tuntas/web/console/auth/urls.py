"""Console URLs of signing in and out."""

from django.urls import path

from tuntas.web.console.auth import views as v

urlpatterns = [
    path("masuk/", v.LoginView.as_view(), name="login"),
    path("keluar/", v.LogoutView.as_view(), name="logout"),
]
