from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        from django.http import JsonResponse

        return JsonResponse(
            {
                "code": "rate_limited",
                "message": _("Terlalu banyak permintaan. Coba lagi beberapa saat lagi."),
            },
            status=429,
        )
    return render(
        request,
        "web/error.html",
        {
            "title": _("Terlalu banyak permintaan"),
            "message": _("Terlalu banyak permintaan dari alamat Anda. Coba lagi beberapa saat lagi."),
        },
        status=429,
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "title": _("Halaman tidak ditemukan"),
            "message": _("Halaman yang Anda cari tidak ada atau Anda tidak berhak melihatnya."),
        },
        status=404,
    )
