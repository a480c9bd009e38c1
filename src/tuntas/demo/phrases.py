"""What staff and reporters write in the demo's transitions: notes, instructions, questions, replies.

Keyed by the SOP field name the text fills; ``phrase(field, rng)`` falls back to a neutral note, so a field
added to an SOP later still gets a sensible text.
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Muhammad",
    "Ahmad",
    "Siti",
    "Nur",
    "Rahmat",
    "Abdul",
    "Fitri",
    "Dewi",
    "Andi",
    "Rusdi",
    "Hasanah",
    "Syarifah",
    "Gusti",
    "Wayan",
    "Made",
    "Ketut",
    "Agus",
    "Sri",
    "Yuli",
    "Rina",
    "Hendra",
    "Fajar",
    "Rizky",
    "Aisyah",
    "Zainal",
    "Halimah",
    "Saleh",
    "Norma",
    "Bahrudin",
    "Jumiati",
    "Samsul",
    "Arbain",
)
LAST_NAMES = (
    "Rahman",
    "Hidayat",
    "Aminah",
    "Saputra",
    "Wati",
    "Fauzi",
    "Hasan",
    "Ramadhan",
    "Lestari",
    "Sulaiman",
    "Baso",
    "Mansyur",
    "Rusdiansyah",
    "Yusuf",
    "Kurniawan",
    "Suryani",
    "Asmuni",
    "Jamaludin",
    "Maulida",
    "Setiawan",
    "Sudarta",
    "Hairani",
    "Noorhasanah",
    "Effendi",
    "Akbar",
    "Mahmud",
)

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

PHRASES: dict[str, tuple[str, ...]] = {
    # koordinator (lapor-admin)
    "instruksi": (
        "Mohon ditindaklanjuti sesuai kewenangan dan dijawab kepada pelapor sesuai tenggat.",
        "Mohon dilakukan peninjauan lapangan dan laporkan hasilnya melalui sistem.",
        "Segera ditangani; pelapor sudah dua kali menanyakan perkembangan.",
        "Mohon klarifikasi kepada unit pelaksana terkait dan jawab pelapor dengan bahasa yang mudah dipahami.",
    ),
    "kekurangan": (
        "Mohon lengkapi lokasi kejadian (desa/kelurahan dan patokan terdekat) serta waktu kejadian.",
        "Laporan belum menyebutkan layanan atau kantor yang dimaksud. Mohon dilengkapi.",
        "Mohon lampirkan bukti pendukung, misalnya foto atau salinan tanda terima pengajuan.",
    ),
    "catatan": (
        "Sudah dikoordinasikan dengan kepala bidang terkait.",
        "Peninjauan lapangan dijadwalkan minggu ini.",
        "Berkas pendukung sudah diminta dari unit pelaksana.",
        "Ditindaklanjuti oleh seksi terkait.",
    ),
    "alasan": (
        "Pengaduan ini menjadi kewenangan unit lain sesuai tugas dan fungsinya.",
        "Pokok pengaduan berada di luar tugas unit ini; diteruskan ke unit yang berwenang.",
    ),
    "penjelasan": (
        "Pengaduan yang sama sudah ditangani dengan kode lacak lain; perkembangan dapat dipantau di sana.",
        "Informasi yang tersedia belum cukup untuk ditindaklanjuti. Silakan mengadu kembali dengan data yang "
        "lebih lengkap.",
    ),
    # OPD / desa
    "kabar": (
        "Pengaduan Anda sedang kami tindak lanjuti; tim dijadwalkan turun ke lokasi minggu ini.",
        "Terima kasih, laporan sudah kami terima dan sedang dikoordinasikan dengan bidang teknis.",
    ),
    "catatan_internal": (
        "Sudah dicek di lapangan oleh Kasi; menunggu ketersediaan material.",
        "Pelapor pernah mengadu hal serupa lewat telepon bulan lalu.",
        "Perlu koordinasi dengan pemerintah desa {desa} sebelum menjawab.",
    ),
    "pertanyaan": (
        "Mohon sebutkan lokasi yang lebih rinci dan sejak kapan masalah ini terjadi.",
        "Mohon kirimkan nomor pendaftaran atau bukti pengajuan yang Anda miliki.",
    ),
    "jawaban": (
        "Pengaduan Bapak/Ibu sudah kami tindak lanjuti. Unit pelaksana sudah turun ke lapangan dan masalah "
        "ditangani. Terima kasih atas laporannya.",
    ),
    # Inspektorat
    "hasil_klarifikasi": (
        "Terlapor memberikan klarifikasi dan dokumen pendukung; pungutan dihentikan dan terlapor diberi "
        "pembinaan oleh atasannya.",
    ),
    "tim": ("Pengendali Teknis: Irban II; Ketua Tim: Auditor Madya; Anggota: 2 orang Auditor Muda.",),
    "ringkasan": (
        "Ditemukan kekurangan volume pekerjaan dan pungutan tanpa dasar hukum. Direkomendasikan pengembalian "
        "kelebihan pembayaran ke kas desa dan pembinaan kepada perangkat yang bersangkutan.",
    ),
    "hasil_pemantauan": (
        "Rekomendasi sudah ditindaklanjuti: kelebihan pembayaran telah disetor kembali ke kas desa dan "
        "pembinaan telah dilakukan.",
    ),
    # Ombudsman
    "terlapor": ("Kepala Dinas terkait di lingkungan Pemerintah Kabupaten Kotabaru",),
    "tindakan_korektif": (
        "Menyelesaikan layanan pelapor paling lambat 14 hari; menyusun dan mengumumkan standar pelayanan "
        "beserta jangka waktu penyelesaiannya; membina petugas yang bersangkutan.",
    ),
    "laporan": (
        "Layanan pelapor sudah diselesaikan dan standar pelayanan telah diumumkan di ruang pelayanan serta "
        "laman resmi. Bukti terlampir dalam surat kepada Ombudsman.",
    ),
    # reporter
    "balasan_klarifikasi": (
        "Lokasinya di dekat masjid, sekitar 200 meter dari kantor desa. Masalahnya sejak awal bulan lalu.",
        "Nomor pendaftaran sudah saya kirim; foto bukti juga sudah saya lampirkan.",
        "Tepatnya di RT 05, depan warung. Sampai sekarang belum ada perubahan.",
    ),
    "sanggahan": (
        "Mohon maaf, sampai hari ini di lapangan belum ada perbaikan seperti yang disampaikan.",
        "Jawabannya belum menjawab pokok masalah saya. Mohon ditinjau kembali.",
    ),
    "terima": ("Terima kasih, sudah ditangani.", "Sudah beres, terima kasih atas respons cepatnya.", ""),
}

# Texts that depend on the SOP and step: "<sop>.<transition>.<field>", "<sop>.<field>", tried before "<field>".
PHRASES.update(
    {
        "lapor-admin.arsipkan.catatan": (
            "Laporan yang sama sudah diterima dan sedang ditindaklanjuti dengan kode lacak lain.",
        ),
        "inspektorat.minta_keterangan.pertanyaan": (
            "Mohon sampaikan waktu kejadian, pihak yang meminta pungutan (bila diketahui), dan bukti pendukung "
            "seperti kuitansi, pesan atau foto.",
        ),
        "inspektorat.telaahan.klarifikasi": (
            "Pengaduan memuat dugaan pungutan tanpa dasar hukum; pelapor menyebutkan nominal dan waktu kejadian. "
            "Disarankan konfirmasi dan klarifikasi kepada pihak terkait.",
        ),
        "inspektorat.telaahan.pemeriksaan_khusus": (
            "Pengaduan berkadar pengawasan: dugaan penyimpangan pengelolaan anggaran dengan indikasi kerugian "
            "daerah. Data awal cukup untuk pemeriksaan khusus.",
        ),
        "inspektorat.telaahan.limpah": (
            "Substansi pengaduan merupakan permasalahan pelayanan teknis dan lebih tepat ditangani perangkat "
            "daerah terkait. Disarankan dilimpahkan dengan pemantauan.",
        ),
        "inspektorat.telaahan.tidak_ditindaklanjuti": (
            "Pengaduan tidak menyebutkan waktu, tempat maupun pihak yang diadukan; bukti awal tidak memadai.",
        ),
        "inspektorat.instruksi": (
            "Lakukan konfirmasi dan klarifikasi kepada pihak terkait paling lambat 14 hari kerja.",
            "Tindak lanjuti dan laporkan hasilnya kepada Inspektur paling lambat 14 hari kerja.",
        ),
        "inspektorat.selesai_klarifikasi.jawaban": (
            "Inspektorat sudah melakukan konfirmasi dan klarifikasi kepada pihak terkait. Pungutan yang Anda "
            "laporkan dihentikan dan pihak terkait diberi pembinaan. Terima kasih atas kepedulian Anda.",
        ),
        "inspektorat.rekomendasi": (
            "1. Kepala {instansi} mengembalikan pungutan tanpa dasar hukum kepada warga dalam 60 hari.\n"
            "2. Kepala {instansi} memberikan teguran tertulis kepada petugas yang bersangkutan.",
            "1. Kepala {instansi} menyusun dan mengumumkan standar pelayanan dalam 60 hari.\n"
            "2. Kepala {instansi} melaporkan tindak lanjut kepada Inspektur.",
        ),
        "inspektorat.kirim_surat_jawaban.jawaban": (
            "Pemeriksaan khusus atas pengaduan Anda telah selesai. Inspektorat merekomendasikan pengembalian "
            "kerugian dan pembinaan kepada pihak terkait; pelaksanaannya kami pantau.",
        ),
        "inspektorat.tutup.penjelasan": (
            "Setelah ditelaah, data dan bukti dalam pengaduan belum cukup untuk ditindaklanjuti. Anda dapat "
            "mengadu kembali dengan melampirkan bukti pendukung.",
        ),
        "ombudsman.minta_kelengkapan.kekurangan": (
            "Mohon lengkapi salinan identitas, kronologi rinci, dan bukti bahwa Anda sudah mengadu kepada "
            "instansi terlapor.",
        ),
        "ombudsman.memenuhi_formil.catatan": (
            "Syarat formil lengkap: identitas, kronologi, dan bukti pengaduan kepada instansi terlapor.",
        ),
        "ombudsman.ajukan_pleno.ringkasan": (
            "Pelapor sudah mengadu kepada instansi terlapor tetapi tidak mendapat penyelesaian dalam waktu yang "
            "patut. Laporan memenuhi syarat materiil dan termasuk kewenangan Ombudsman.",
        ),
        "ombudsman.pleno_tutup.penjelasan": (
            "Rapat pleno memutuskan laporan ditutup karena instansi terlapor masih dalam tenggang waktu "
            "penyelesaian. Silakan melapor kembali bila setelah batas waktu itu layanan belum diberikan.",
        ),
        "ombudsman.selesai_pemeriksaan.ringkasan": (
            "Setelah klarifikasi Ombudsman kepada {instansi}, layanan kepada pelapor sudah diselesaikan dan "
            "pelapor menyatakan masalahnya tuntas.",
        ),
        "ombudsman.lahp_maladministrasi.ringkasan": (
            "Ombudsman menemukan maladministrasi berupa penundaan berlarut. Terlapor wajib melaksanakan tindakan "
            "korektif dalam 30 hari kerja; Anda dapat menanggapi LAHP dalam 14 hari.",
        ),
        "ombudsman.lahp_tidak_ditemukan.ringkasan": (
            "Hasil pemeriksaan menunjukkan layanan telah diberikan sesuai standar pelayanan; maladministrasi "
            "tidak ditemukan.",
        ),
        "ombudsman.ringkasan": (
            "Terlapor telah melaksanakan tindakan korektif: layanan pelapor diselesaikan dan standar pelayanan "
            "diumumkan. Laporan dinyatakan selesai.",
        ),
        "ombudsman.rco_selesai.hasil": (
            "Setelah koordinasi langsung Ombudsman dengan {instansi}, layanan kepada pelapor sudah dipulihkan.",
        ),
        "hasil_klarifikasi.dana-desa": (
            "Kepala desa memberikan klarifikasi dan bukti pertanggungjawaban; ditemukan kekurangan volume yang "
            "disanggupi untuk diselesaikan dalam 30 hari.",
        ),
        "hasil_klarifikasi.pungutan-sekolah": (
            "Pihak sekolah mengakui pungutan yang belum memiliki dasar keputusan komite; pungutan dihentikan dan "
            "dana dikembalikan kepada orang tua.",
        ),
    }
)

RATING_COMMENTS = {
    5: ("Penanganan cepat dan jelas. Terima kasih.", "Sangat membantu, petugas responsif."),
    4: ("Sudah ditangani, walaupun agak lama.", "Cukup baik, semoga dipertahankan."),
    3: ("Ditanggapi, tetapi hasilnya belum sepenuhnya sesuai harapan.",),
    2: ("Jawaban lambat dan kurang jelas.",),
    1: ("Tidak ada perubahan di lapangan.",),
}

WITHDRAW_REASONS = (
    "Masalah sudah selesai setelah saya datang langsung ke kantor.",
    "Sudah diselesaikan secara kekeluargaan.",
    "Saya salah memilih kanal; sudah saya laporkan di tempat lain.",
)

BUKAN_WEWENANG = (
    "Terima kasih atas laporannya. Pokok pengaduan ini bukan kewenangan Pemerintah Kabupaten Kotabaru; "
    "silakan menyampaikannya kepada {remit}. Kami juga sudah meneruskan informasi ini kepada instansi tersebut."
)

GENERIC_NOTE = "Ditindaklanjuti sesuai SOP."


def phrase(field: str, rng: random.Random, *more_specific: str) -> str:
    """A text for ``field``, from the first of ``more_specific`` keys that has one, else the field's own."""
    for key in (*more_specific, field):
        options = PHRASES.get(key)
        if options:
            return rng.choice(options)
    return GENERIC_NOTE


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
