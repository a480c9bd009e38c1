"""The seeded catalogues (focus areas of a nota kesepakatan, kinds of capacity-building activity) as plain
data, put back by ``ensure_catalogues`` when gone (a flushed test database); the data migration 0002 keeps its
own frozen copy. An admin's edits to the rows are kept: both only upsert these codes."""

from __future__ import annotations

# Focus areas of a Pemkab-Ombudsman nota kesepakatan, as named in the 2026 agreements in Kalimantan Selatan:
# code, name, name_en, sort, description.
FOCUS_AREAS = [
    (
        "standar-kualitas",
        "Standar dan kualitas pelayanan",
        "Service standards and quality",
        10,
        "Penyusunan, penetapan dan publikasi standar pelayanan; penyederhanaan proses layanan.",
    ),
    (
        "pencegahan-maladministrasi",
        "Pencegahan maladministrasi",
        "Maladministration prevention",
        20,
        "Desa Anti-Maladministrasi, kajian sistemik, pendampingan unit layanan.",
    ),
    (
        "pengawasan-pengaduan",
        "Pengawasan dan sistem pengaduan",
        "Oversight and complaint system",
        30,
        "Pengelolaan pengaduan di setiap unit, SP4N-LAPOR!, tindak lanjut laporan dan tindakan korektif.",
    ),
    (
        "peningkatan-kapasitas",
        "Peningkatan kapasitas",
        "Capacity building",
        40,
        "Bimbingan teknis, sosialisasi dan pelatihan aparatur pelayanan publik.",
    ),
]

# Kinds of capacity-building activities: code, name, name_en, sort.
TRAINING_KINDS = [
    ("bimtek", "Bimbingan teknis (Bimtek)", "Technical guidance", 10),
    ("sosialisasi", "Sosialisasi pencegahan maladministrasi", "Maladministration prevention outreach", 20),
    ("fgd", "Diskusi kelompok terpumpun (FGD)", "Focus group discussion", 30),
    ("pelatihan", "Pelatihan", "Training course", 40),
    ("pendampingan", "Pendampingan/asistensi", "Mentoring and assistance", 50),
    ("rapat-koordinasi", "Rapat koordinasi", "Coordination meeting", 60),
]


def ensure_catalogues() -> None:
    from tuntas.cooperation.models import FocusArea, TrainingKind

    if FocusArea.objects.exists() and TrainingKind.objects.exists():
        return
    for code, name, name_en, sort, description in FOCUS_AREAS:
        FocusArea.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "sort": sort, "description": description}
        )
    for code, name, name_en, sort in TRAINING_KINDS:
        TrainingKind.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "sort": sort}
        )
