"""Texts of the demo service standards: plausible, generic, not any office's real standard.

Each service: (organisation slug, service slug, name, description, time limit in working days, cost in Rupiah,
component texts by code). Components a service leaves out take the shared texts below.
"""

from __future__ import annotations

MAKLUMAT = (
    "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
    "ditetapkan dan, apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan "
    "perundang-undangan yang berlaku."
)

PENGADUAN_OPD = """Langsung di loket pengaduan pada jam pelayanan.
Kotak saran di ruang tunggu.
SP4N-LAPOR! (www.lapor.go.id) atau SMS 1708.
Portal pengaduan Tuntas, menu "Buat pengaduan"; pengaduan dijawab paling lama 5 hari kerja."""

SHARED_OPD = {
    "pengaduan": PENGADUAN_OPD,
    "jaminan_pelayanan": MAKLUMAT,
    "pengawasan_internal": (
        "Pengawasan melekat oleh atasan langsung setiap hari, evaluasi bulanan oleh kepala bidang, dan "
        "pengawasan oleh Inspektorat Kabupaten Kotabaru."
    ),
    "evaluasi_kinerja": (
        "Evaluasi pelaksanaan standar pelayanan setiap tiga bulan oleh pimpinan, dan Survei Kepuasan "
        "Masyarakat (SKM) sekurang-kurangnya sekali setahun; hasilnya diumumkan di ruang pelayanan."
    ),
}

DUKCAPIL_DASAR = """Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor 24 Tahun 2013.
Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.
Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil.
Peraturan Menteri Dalam Negeri tentang pelaksanaan Peraturan Presiden Nomor 96 Tahun 2018."""

DUKCAPIL_SARANA = (
    "Ruang tunggu berpendingin dengan kursi, nomor antrean, alat perekaman KTP-el (kamera, pemindai sidik jari "
    "dan iris mata), pencetak kartu, toilet, tempat parkir, jalur landai, kursi roda dan loket prioritas bagi "
    "penyandang disabilitas, lansia dan ibu hamil."
)

DUKCAPIL_KEAMANAN = (
    "Data pribadi pemohon dijaga kerahasiaannya dan hanya dipakai untuk administrasi kependudukan; blangko "
    "dokumen disimpan di ruang terkunci; ruang pelayanan dilengkapi alat pemadam api ringan dan kamera pengawas."
)

KTP = {
    "persyaratan": """Telah berusia 17 tahun, sudah kawin, atau pernah kawin.
Kartu Keluarga (KK).
Untuk penggantian karena rusak: KTP-el yang rusak.
Untuk penggantian karena hilang: surat keterangan kehilangan dari kepolisian.
Untuk perubahan data: dokumen yang menjadi dasar perubahan.""",
    "prosedur": """Pemohon mengambil nomor antrean di loket informasi.
Petugas memeriksa kelengkapan berkas dan data kependudukan pemohon.
Pemohon melakukan perekaman foto, sidik jari, iris mata dan tanda tangan.
Data hasil perekaman diverifikasi dan dikirim ke pusat data kependudukan.
Setelah data dinyatakan tunggal, KTP-el dicetak.
Pemohon menerima KTP-el dan menandatangani tanda terima.""",
    "jangka_waktu": (
        "1 hari kerja sejak perekaman selesai dan data dinyatakan tunggal. Perekaman dilayani pada hari yang sama."
    ),
    "biaya": "Tidak dipungut biaya (gratis), sesuai Pasal 79A Undang-Undang Nomor 24 Tahun 2013.",
    "produk": "Kartu Tanda Penduduk Elektronik (KTP-el).",
    "dasar_hukum": DUKCAPIL_DASAR,
    "sarana_prasarana": DUKCAPIL_SARANA,
    "kompetensi_pelaksana": (
        "Memahami peraturan administrasi kependudukan, mampu mengoperasikan aplikasi SIAK dan alat perekaman "
        "KTP-el, serta melayani dengan ramah dan jelas."
    ),
    "jumlah_pelaksana": (
        "5 orang: 1 petugas informasi, 2 operator perekaman, 1 operator pencetakan, 1 petugas penyerahan."
    ),
    "jaminan_keamanan": DUKCAPIL_KEAMANAN,
}

KK_V1 = {
    "persyaratan": """Kartu Keluarga lama (untuk perubahan atau penggantian).
Dokumen peristiwa yang menjadi dasar perubahan: buku nikah/akta perkawinan, akta kelahiran, akta kematian atau surat keterangan pindah.
Untuk KK hilang: surat keterangan kehilangan dari kepolisian.
Formulir biodata keluarga yang disediakan petugas.""",
    "prosedur": """Pemohon mengambil nomor antrean dan menyerahkan berkas di loket.
Petugas memverifikasi dan memvalidasi berkas.
Operator memutakhirkan data keluarga pada aplikasi SIAK.
KK dicetak dengan tanda tangan elektronik kepala dinas.
KK diserahkan kepada pemohon di loket atau dikirim sebagai berkas PDF.""",
    "jangka_waktu": "3 hari kerja sejak berkas dinyatakan lengkap.",
    "biaya": "Tidak dipungut biaya (gratis).",
    "produk": "Kartu Keluarga (KK) bertanda tangan elektronik, dicetak pada kertas HVS A4 atau berkas PDF.",
    "dasar_hukum": DUKCAPIL_DASAR,
    "sarana_prasarana": DUKCAPIL_SARANA,
    "kompetensi_pelaksana": (
        "Memahami peraturan administrasi kependudukan dan pencatatan sipil serta mampu mengoperasikan aplikasi "
        "SIAK."
    ),
    "jumlah_pelaksana": "3 orang: 1 petugas loket, 1 operator SIAK, 1 verifikator.",
    "jaminan_keamanan": DUKCAPIL_KEAMANAN,
}

# The revision put to public consultation in the demo: one working day instead of three.
KK_V2_CHANGES = {
    "jangka_waktu": "1 hari kerja sejak berkas dinyatakan lengkap.",
    "prosedur": KK_V1["prosedur"]
    + "\nPemohon dapat mengajukan dari kantor desa melalui operator desa yang terhubung ke SIAK.",
}

NIB = {
    "persyaratan": """NIK (KTP-el) pemilik usaha.
NPWP pemilik usaha, bila ada.
Alamat email dan nomor telepon yang aktif.
Data usaha: nama, alamat lokasi usaha, bidang usaha (KBLI), modal usaha dan jumlah tenaga kerja.""",
    "prosedur": """Pemohon datang ke loket DPMPTSP atau mengakses sistem OSS (oss.go.id) secara mandiri.
Petugas membantu membuat akun OSS bila pemohon belum punya.
Pemohon bersama petugas mengisi data usaha dan memilih KBLI.
Pemohon membuat pernyataan mandiri pemenuhan standar usaha.
NIB terbit di sistem OSS dan diunduh atau dicetak.
Petugas menjelaskan kewajiban pelaku usaha setelah NIB terbit, termasuk laporan kegiatan penanaman modal.""",
    "jangka_waktu": "NIB terbit pada hari yang sama bila data lengkap; pendampingan paling lama 1 hari kerja.",
    "biaya": "Gratis, tidak dipungut biaya.",
    "produk": (
        "Nomor Induk Berusaha (NIB) sebagai identitas pelaku usaha, beserta sertifikat standar untuk usaha "
        "berisiko rendah dan menengah rendah sesuai KBLI."
    ),
    "dasar_hukum": """Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.
Peraturan Pemerintah tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko beserta peraturan pelaksanaannya.
Peraturan Bupati Kotabaru tentang pendelegasian kewenangan perizinan kepada DPMPTSP.""",
    "sarana_prasarana": (
        "Loket pelayanan, komputer dan jaringan internet untuk pendampingan OSS, pencetak, ruang tunggu, toilet, "
        "tempat parkir dan jalur landai."
    ),
    "kompetensi_pelaksana": (
        "Memahami perizinan berusaha berbasis risiko dan klasifikasi KBLI, serta mampu mengoperasikan sistem OSS."
    ),
    "jumlah_pelaksana": "3 orang: 1 petugas front office, 2 pendamping OSS.",
    "jaminan_keamanan": (
        "Akun OSS dan data pemohon hanya diisi bersama pemohon dan tidak disimpan petugas; kata sandi diketik "
        "sendiri oleh pemohon."
    ),
}

DOMISILI = {
    "persyaratan": """Surat pengantar dari Ketua RT.
KTP-el pemohon.
Kartu Keluarga (KK).""",
    "prosedur": """Pemohon meminta surat pengantar dari Ketua RT.
Pemohon datang ke kantor desa dan menyerahkan berkas kepada operator desa.
Operator memeriksa data pada buku induk penduduk desa.
Operator menyiapkan surat keterangan domisili.
Kepala desa atau sekretaris desa menandatangani surat.
Surat diserahkan kepada pemohon dan dicatat dalam buku agenda.""",
    "jangka_waktu": (
        "Selesai pada hari yang sama bila berkas lengkap; paling lama 1 hari kerja bila penandatangan dinas luar."
    ),
    "biaya": "Gratis. Pemerintah desa tidak memungut biaya apa pun untuk surat keterangan.",
    "produk": "Surat Keterangan Domisili yang ditandatangani kepala desa.",
    "pengaduan": """Langsung kepada kepala desa atau Badan Permusyawaratan Desa (BPD).
Kotak saran di kantor desa.
WhatsApp kantor desa yang diumumkan di papan informasi.
Portal pengaduan Tuntas, menu "Buat pengaduan".""",
    "dasar_hukum": """Undang-Undang Nomor 6 Tahun 2014 tentang Desa.
Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.
Keputusan Kepala Desa Stagen tentang Standar Pelayanan Desa.""",
    "sarana_prasarana": "Ruang pelayanan kantor desa, meja layanan, komputer dan pencetak, kursi tunggu, papan informasi.",
    "kompetensi_pelaksana": "Memahami administrasi kependudukan desa dan mampu mengoperasikan komputer.",
    "pengawasan_internal": "Pengawasan oleh kepala desa dan Badan Permusyawaratan Desa (BPD), serta oleh Camat.",
    "jumlah_pelaksana": "2 orang: operator desa dan Kepala Urusan Tata Usaha dan Umum.",
    "jaminan_pelayanan": MAKLUMAT,
    "jaminan_keamanan": "Berkas pemohon disimpan dalam lemari terkunci; data pribadi tidak diberikan kepada pihak lain.",
    "evaluasi_kinerja": "Evaluasi setiap enam bulan dalam musyawarah desa, dengan masukan dari kotak saran dan survei kepuasan.",
}

# organisation slug, service slug, name, description, time limit (working days), cost (Rupiah), texts
SERVICES = (
    (
        "disdukcapil",
        "penerbitan-ktp-el",
        "Penerbitan KTP-el",
        "Perekaman dan pencetakan KTP-el baru, penggantian karena rusak atau hilang, dan perubahan data.",
        1,
        0,
        {**SHARED_OPD, **KTP},
    ),
    (
        "disdukcapil",
        "penerbitan-kartu-keluarga",
        "Penerbitan Kartu Keluarga",
        "Kartu Keluarga baru, perubahan data keluarga (kelahiran, kematian, perkawinan, pindah) dan penggantian.",
        3,
        0,
        {**SHARED_OPD, **KK_V1},
    ),
    (
        "dpmptsp",
        "nib-usaha-mikro-kecil",
        "Izin usaha: Nomor Induk Berusaha (NIB) usaha mikro dan kecil",
        "Pendampingan pendaftaran usaha mikro dan kecil di sistem OSS sampai NIB terbit.",
        1,
        0,
        {**SHARED_OPD, **NIB},
    ),
    (
        "desa-stagen",
        "surat-keterangan-domisili",
        "Surat keterangan domisili",
        "Surat keterangan tempat tinggal bagi warga Desa Stagen.",
        1,
        0,
        DOMISILI,
    ),
)

CONSULTATION_COMMENTS = (
    ("Rahmah", "jangka_waktu", "Setuju sekali jadi 1 hari. Mohon juga dicantumkan jam layanan loketnya."),
    (
        "",
        "prosedur",
        "Pengajuan lewat desa sangat membantu warga pulau. Tolong jelaskan desa mana saja yang sudah terhubung.",
    ),
)
