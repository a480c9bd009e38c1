"""What Kotabaru residents complain about, as demo material: each topic says where it happens, which unit
handles it, how it is filed and what the answers sound like. Placeholders: {desa}, {desa2} (another village of
the same kecamatan), {kecamatan}, {n} (a small number), {bulan} (a month name), {nomor} (a reference number).

The texts are invented but modelled on the kinds of reports published by SP4N-LAPOR!, Ombudsman RI and
regional news; no real person, school or incident is described.
"""

from __future__ import annotations

from dataclasses import dataclass

from tuntas.demo.kotabaru import INSPEKTORAT, KOORDINATOR, OMBUDSMAN


@dataclass(frozen=True)
class Topic:
    key: str
    category: str  # slug, "" for none (reports outside the regency's remit)
    handler: (
        str  # organisation slug; "desa" = the village of the location; "bukan_wewenang" = not the Pemkab's
    )
    weight: float
    reports: tuple[tuple[str, str], ...]  # (title, description)
    answers: tuple[str, ...] = ()  # the answer to each report, in the same order (or none)
    questions: tuple[str, ...] = ()
    where: str = "any"  # any | pulau_laut | kota | daratan | desa_desk | kecamatan_desk
    intake: str = KOORDINATOR  # KOORDINATOR, "desk" (the handler's own desk), OMBUDSMAN
    service: str = ""
    reported: bool = True  # the reporter names the handling unit as the party complained about
    remit: str = ""  # for bukan_wewenang: who is competent
    delegate: str = ""  # the work unit the Inspektorat delegates (limpah) to


TOPICS: tuple[Topic, ...] = (
    Topic(
        "jalan-rusak",
        "jalan-jembatan",
        "dinas-pupr",
        12,
        (
            (
                "Jalan poros Desa {desa} rusak parah dan berlubang",
                "Jalan poros di Desa {desa}, Kecamatan {kecamatan}, sudah lebih dari setahun rusak. Lubangnya "
                "dalam dan tergenang saat hujan, sudah beberapa kali pengendara motor terjatuh, terutama anak "
                "sekolah yang berangkat pagi. Mohon segera ada perbaikan atau minimal penimbunan sementara.",
            ),
            (
                "Ruas jalan {desa} - {desa2} tidak bisa dilalui saat hujan",
                "Ruas jalan antara Desa {desa} dan Desa {desa2} masih tanah dan berlumpur. Saat hujan mobil "
                "pengangkut hasil kebun tidak bisa lewat dan warga yang sakit sulit dibawa ke puskesmas. "
                "Kami sudah mengusulkan lewat musrenbang dua tahun berturut-turut tetapi belum ada kabar.",
            ),
            (
                "Aspal baru di {desa} sudah mengelupas",
                "Pengaspalan jalan di Desa {desa} baru selesai sekitar {n} bulan lalu, tetapi di beberapa titik "
                "aspalnya sudah mengelupas dan retak. Kami khawatir kualitas pekerjaannya tidak sesuai. Mohon "
                "diperiksa dan kontraktornya diminta memperbaiki selama masa pemeliharaan.",
            ),
            (
                "Jembatan kayu di {desa} lapuk dan membahayakan",
                "Jembatan kayu penghubung RT di Desa {desa}, Kecamatan {kecamatan}, papannya banyak yang lapuk "
                "dan patah. Setiap hari dilewati anak sekolah dan warga yang membawa hasil kebun. Mohon "
                "diperbaiki sebelum ada korban.",
            ),
        ),
        answers=(
            "Terima kasih atas laporannya. Tim UPT Jalan dan Jembatan sudah meninjau lokasi di Desa {desa} pada "
            "{hari}. Penambalan sementara dijadwalkan minggu ini, sedangkan peningkatan ruas jalan tersebut kami "
            "usulkan dalam anggaran perubahan tahun ini.",
            "Ruas jalan yang dilaporkan sudah kami tinjau. Penimbunan dan perataan dengan alat berat dilakukan "
            "minggu ini agar bisa dilalui saat hujan; peningkatan menjadi jalan beton kami usulkan dalam rencana "
            "kerja tahun depan sesuai hasil musrenbang.",
            "Pekerjaan tersebut masih dalam masa pemeliharaan. Kami sudah menyurati penyedia jasa untuk "
            "memperbaiki bagian yang rusak paling lambat dua minggu ke depan dan akan memeriksa hasilnya.",
            "Jembatan sudah ditinjau. Papan yang lapuk sudah diganti sementara bersama warga, dan penggantian "
            "jembatan dengan konstruksi beton kami usulkan tahun depan.",
        ),
        questions=(
            "Mohon sebutkan titik lokasi yang lebih tepat (nama RT atau patokan terdekat) dan kirim foto "
            "kerusakannya bila ada.",
            "Apakah kerusakan berada di jalan kabupaten atau jalan desa? Mohon sebutkan nama ruas jalannya.",
        ),
        where="pulau_laut",
        service="Pemeliharaan jalan kabupaten",
    ),
    Topic(
        "air-mati",
        "air-bersih",
        "pdam-kotabaru",
        10,
        (
            (
                "Air PDAM tidak mengalir sudah {n} hari",
                "Sudah {n} hari air PDAM di rumah kami di {desa}, Kecamatan {kecamatan}, tidak mengalir sama "
                "sekali. Kami terpaksa membeli air tandon. Tidak ada pemberitahuan gangguan dari PDAM. Mohon "
                "segera diperbaiki dan dijelaskan penyebabnya.",
            ),
            (
                "Air PDAM keruh dan berbau",
                "Sejak minggu lalu air PDAM yang mengalir di {desa} keruh kecokelatan dan berbau. Kami tidak "
                "berani memakainya untuk memasak. Tetangga juga mengalami hal yang sama.",
            ),
            (
                "Tagihan PDAM naik drastis padahal pemakaian biasa",
                "Tagihan PDAM bulan {bulan} naik hampir tiga kali lipat dari biasanya padahal pemakaian kami "
                "tidak berubah. Kami menduga meteran tidak dibaca langsung oleh petugas. Mohon dicek dan "
                "tagihannya dikoreksi.",
            ),
            (
                "Pipa PDAM bocor di depan rumah tidak kunjung diperbaiki",
                "Pipa PDAM di pinggir jalan di {desa} bocor dan airnya terbuang sejak dua minggu. Sudah "
                "dilaporkan lewat telepon kantor tetapi belum ada petugas yang datang.",
            ),
        ),
        answers=(
            "Mohon maaf atas gangguannya. Gangguan disebabkan kerusakan pompa di instalasi pengolahan. Pompa "
            "sudah diganti pada {hari} dan aliran air di wilayah {desa} sudah normal kembali.",
            "Air keruh terjadi karena endapan di pipa distribusi setelah perbaikan jaringan. Pipa di wilayah "
            "{desa} sudah dikuras dan hasil uji kualitas air kembali memenuhi syarat. Mohon maaf atas "
            "ketidaknyamanannya.",
            "Petugas kami sudah memeriksa meteran pelanggan. Terdapat kesalahan pencatatan angka meter bulan "
            "{bulan}; tagihan sudah dikoreksi dan selisihnya diperhitungkan pada rekening bulan depan.",
            "Kebocoran pipa sudah diperbaiki oleh tim distribusi. Terima kasih telah melapor, laporan warga "
            "sangat membantu kami mengurangi kehilangan air.",
        ),
        questions=(
            "Mohon kirimkan nomor sambungan pelanggan yang tertera pada rekening PDAM Anda.",
            "Sejak tanggal berapa tepatnya air tidak mengalir, dan apakah tetangga sekitar mengalami hal yang "
            "sama?",
        ),
        where="kota",
        service="Layanan air minum",
    ),
    Topic(
        "ktp-lama",
        "administrasi-kependudukan",
        "disdukcapil",
        10,
        (
            (
                "KTP-el belum jadi padahal sudah rekam {n} bulan",
                "Saya sudah melakukan perekaman KTP-el di kantor Kecamatan {kecamatan} sekitar {n} bulan lalu, "
                "tetapi sampai sekarang KTP-el belum dicetak. Setiap ditanya jawabannya blangko kosong. Saya "
                "membutuhkan KTP untuk mengurus pekerjaan.",
            ),
            (
                "Perubahan data KK tidak selesai-selesai",
                "Saya mengajukan perubahan data Kartu Keluarga (penambahan anggota keluarga) sejak bulan "
                "{bulan}. Berkas sudah lengkap tetapi sampai sekarang belum selesai dan tidak ada kabar.",
            ),
            (
                "Akta kelahiran anak belum terbit",
                "Akta kelahiran anak kami diajukan melalui desa {desa} lebih dari sebulan lalu tetapi belum "
                "terbit. Akta itu diperlukan untuk mendaftar sekolah.",
            ),
        ),
        answers=(
            "KTP-el atas nama pelapor sudah dicetak dan dapat diambil di kantor Disdukcapil atau kantor "
            "Kecamatan {kecamatan} dengan membawa bukti perekaman. Mohon maaf atas keterlambatan karena "
            "terbatasnya blangko.",
            "Perubahan KK sudah kami proses dan KK baru telah terbit. Dokumen dapat diunduh melalui layanan "
            "daring atau diambil di loket pelayanan.",
            "Akta kelahiran sudah terbit dan kami kirimkan ke kantor desa {desa}. Keterlambatan terjadi karena "
            "berkas belum diunggah lengkap oleh operator desa.",
        ),
        questions=("Mohon kirimkan NIK dan nomor tanda terima pengajuan agar dapat kami telusuri.",),
        service="Penerbitan dokumen kependudukan",
    ),
    Topic(
        "dukcapil-loket",
        "administrasi-kependudukan",
        "disdukcapil",
        4,
        (
            (
                "Antrean loket Disdukcapil dibatasi, warga dari pulau jauh pulang tanpa dilayani",
                "Saya datang dari {kecamatan} menyeberang sejak subuh, tetapi nomor antrean sudah habis pukul "
                "09.00. Warga dari kecamatan jauh tidak mendapat prioritas. Mohon ada jadwal jemput bola atau "
                "kuota khusus.",
            ),
        ),
        answers=(
            "Terima kasih atas masukannya. Mulai bulan depan kami membuka layanan jemput bola terjadwal di "
            "Kecamatan {kecamatan} dan menyediakan kuota antrean khusus bagi warga dari kecamatan kepulauan.",
        ),
        intake="desk",
        service="Pelayanan loket Disdukcapil",
    ),
    Topic(
        "pungutan-sekolah",
        "pungli-penyimpangan",
        INSPEKTORAT,
        6,
        (
            (
                "Pungutan uang seragam dan buku di sekolah negeri",
                "Sekolah negeri tempat anak saya belajar di {desa}, Kecamatan {kecamatan}, meminta orang tua "
                "membayar Rp {n}00.000 untuk seragam, buku LKS dan 'uang pembangunan'. Orang tua yang belum "
                "membayar diminta menghadap kepala sekolah. Bukankah sekolah negeri sudah dibiayai dana BOS?",
            ),
            (
                "Ijazah ditahan karena belum melunasi sumbangan",
                "Ijazah anak kami ditahan oleh sekolah karena belum melunasi sumbangan komite sebesar Rp "
                "{n}50.000. Kami keluarga tidak mampu. Mohon ditindaklanjuti.",
            ),
        ),
        service="Pendidikan dasar",
        delegate="dinas-pendidikan",
    ),
    Topic(
        "sekolah-fasilitas",
        "pendidikan",
        "dinas-pendidikan",
        5,
        (
            (
                "Atap kelas sekolah dasar di {desa} bocor",
                "Atap dua ruang kelas SD di Desa {desa} bocor sehingga saat hujan murid dipulangkan lebih "
                "awal. Kondisi ini sudah berlangsung sejak {bulan}.",
            ),
            (
                "Guru sering tidak hadir di sekolah {desa}",
                "Di SD di Desa {desa}, Kecamatan {kecamatan}, ada guru yang jarang hadir sehingga satu guru "
                "mengajar dua kelas sekaligus. Anak-anak sering hanya diberi tugas lalu ditinggal.",
            ),
            (
                "Informasi penerimaan murid baru tidak jelas",
                "Kami kesulitan mendapatkan informasi jadwal dan syarat penerimaan murid baru jenjang SMP di "
                "Kecamatan {kecamatan}. Pengumuman hanya ditempel di sekolah dan sering berubah.",
            ),
        ),
        answers=(
            "Dinas Pendidikan sudah meninjau sekolah tersebut. Perbaikan atap dimasukkan dalam rehabilitasi "
            "ringan tahun ini; sementara itu kelas dipindahkan ke ruang perpustakaan.",
            "Kami sudah memanggil kepala sekolah dan guru yang bersangkutan. Kehadiran guru kini dipantau "
            "melalui presensi harian dan pengawas sekolah akan berkunjung rutin.",
            "Informasi penerimaan murid baru diumumkan di laman dan media sosial Dinas Pendidikan serta di "
            "setiap kantor kecamatan. Layanan pertanyaan dibuka pada jam kerja.",
        ),
        questions=("Mohon sebutkan nama sekolahnya agar dapat kami tindak lanjuti.",),
        service="Pendidikan dasar",
    ),
    Topic(
        "puskesmas",
        "kesehatan",
        "dinas-kesehatan",
        6,
        (
            (
                "Puskesmas di {kecamatan} tutup sebelum jam pelayanan berakhir",
                "Kemarin saya membawa anak yang demam ke puskesmas di Kecamatan {kecamatan} pukul 11.00, tetapi "
                "loket sudah tutup dan petugas menyuruh datang besok. Jam pelayanan yang tertulis sampai pukul "
                "14.00.",
            ),
            (
                "Obat di puskesmas sering kosong",
                "Setiap kontrol tekanan darah di puskesmas {kecamatan}, obat yang diresepkan sering kosong dan "
                "kami disuruh membeli di apotek. Padahal kami peserta BPJS.",
            ),
            (
                "Ambulans desa {desa} tidak bisa dipakai",
                "Warga Desa {desa} kesulitan membawa pasien ke rumah sakit karena ambulans puskesmas pembantu "
                "rusak sejak {bulan}. Kemarin seorang ibu melahirkan terpaksa dibawa dengan mobil bak terbuka.",
            ),
        ),
        answers=(
            "Kepala puskesmas sudah kami tegur dan jadwal jaga loket diperbaiki sehingga pelayanan buka sesuai "
            "jam yang diumumkan. Terima kasih atas laporannya.",
            "Stok obat hipertensi sudah didistribusikan ulang dari gudang farmasi kabupaten. Bila obat kosong, "
            "petugas wajib mencarikan pengganti atau merujuk ke apotek mitra BPJS.",
            "Ambulans sudah diperbaiki dan kembali beroperasi. Nomor layanan ambulans kami umumkan di kantor "
            "desa.",
        ),
        questions=("Mohon sebutkan tanggal dan jam kejadian serta nama puskesmasnya.",),
        service="Pelayanan puskesmas",
    ),
    Topic(
        "rsud",
        "kesehatan",
        "rsud-pangeran-jaya-sumitra",
        6,
        (
            (
                "Pasien BPJS diminta membeli obat sendiri di RSUD",
                "Keluarga saya dirawat di RSUD Pangeran Jaya Sumitra sebagai pasien BPJS, tetapi kami diminta "
                "membeli beberapa obat dan infus di apotek luar dengan biaya sendiri.",
            ),
            (
                "Antrean poliklinik RSUD sangat lama",
                "Saya mendaftar di poliklinik penyakit dalam RSUD sejak pukul 07.00 dan baru diperiksa pukul "
                "13.30. Tidak ada informasi kapan dokter datang.",
            ),
            (
                "Petugas IGD RSUD kurang ramah",
                "Saat membawa ayah saya ke IGD malam hari, petugas berbicara kasar dan kami menunggu lama tanpa "
                "penjelasan. Mohon pelayanan IGD diperbaiki.",
            ),
        ),
        answers=(
            "Kami sudah menelusuri resep pasien. Obat tersebut seharusnya ditanggung dan disediakan instalasi "
            "farmasi; biaya yang sudah dikeluarkan keluarga akan kami ganti. Petugas terkait sudah dibina.",
            "Kami menambah jadwal praktik dokter penyakit dalam dan memasang papan informasi jadwal dokter di "
            "ruang tunggu. Pendaftaran daring juga sudah dibuka.",
            "Terima kasih atas masukannya. Petugas IGD yang bertugas malam itu sudah diberi pembinaan, dan "
            "pelatihan pelayanan prima dijadwalkan bulan ini.",
        ),
        questions=("Mohon sebutkan nama pasien atau nomor rekam medis serta tanggal perawatan.",),
        intake="desk",
        where="kota",
        service="Pelayanan rumah sakit",
    ),
    Topic(
        "bpjs-pbi",
        "kesehatan",
        "dinas-sosial",
        3,
        (
            (
                "Kepesertaan BPJS PBI dinonaktifkan tanpa pemberitahuan",
                "Saat berobat, saya diberi tahu kartu BPJS PBI saya tidak aktif. Saya tidak pernah diberi tahu "
                "dan masih termasuk keluarga tidak mampu di Desa {desa}.",
            ),
        ),
        answers=(
            "Data Bapak/Ibu sudah kami usulkan untuk diaktifkan kembali sebagai peserta PBI yang dibiayai "
            "daerah. Aktivasi berlaku mulai bulan depan; sementara itu surat keterangan dari Dinas Sosial dapat "
            "dipakai untuk berobat.",
        ),
        questions=("Mohon kirimkan nomor kartu BPJS dan NIK kepala keluarga.",),
        service="Jaminan kesehatan PBI daerah",
    ),
    Topic(
        "bansos",
        "bantuan-sosial",
        "dinas-sosial",
        7,
        (
            (
                "Bantuan sosial tidak tepat sasaran di Desa {desa}",
                "Di Desa {desa}, Kecamatan {kecamatan}, ada warga yang mampu (punya mobil dan toko) menerima "
                "bantuan sosial, sedangkan lansia yang hidup sendiri tidak terdaftar. Mohon pendataan ulang.",
            ),
            (
                "Penyaluran bantuan beras terlambat",
                "Bantuan beras untuk bulan {bulan} belum diterima warga {desa} padahal desa tetangga sudah "
                "menerima. Tidak ada penjelasan dari pendamping.",
            ),
        ),
        answers=(
            "Dinas Sosial bersama pemerintah desa sudah melakukan verifikasi lapangan. Dua penerima yang tidak "
            "memenuhi kriteria diusulkan dikeluarkan, dan lansia yang dilaporkan sudah diusulkan masuk DTKS.",
            "Keterlambatan terjadi karena jadwal angkutan ke wilayah tersebut. Bantuan sudah disalurkan pada "
            "{hari} dan diterima warga.",
        ),
        questions=("Mohon sebutkan nama RT dan jenis bantuan yang dimaksud.",),
        service="Penyaluran bantuan sosial",
    ),
    Topic(
        "surat-desa",
        "pelayanan-desa",
        "desa",
        8,
        (
            (
                "Surat keterangan tidak mampu lama diterbitkan",
                "Saya mengurus surat keterangan tidak mampu di kantor Desa {desa} untuk keringanan biaya rumah "
                "sakit, tetapi sudah seminggu belum ditandatangani karena kepala desa sering tidak di kantor.",
            ),
            (
                "Kantor desa {desa} sering tutup pada jam kerja",
                "Beberapa kali saya datang ke kantor Desa {desa} pada pukul 10.00 tetapi kantor tutup. Warga "
                "sulit mengurus surat pengantar.",
            ),
            (
                "Informasi penggunaan dana desa tidak dipasang",
                "Papan informasi APBDes di Desa {desa} tidak pernah dipasang sehingga warga tidak tahu rencana "
                "penggunaan dana desa tahun ini.",
            ),
        ),
        answers=(
            "Surat keterangan sudah ditandatangani dan dapat diambil di kantor desa. Ke depan penandatanganan "
            "dapat dilakukan sekretaris desa bila kepala desa berhalangan.",
            "Kami sudah menetapkan jadwal piket perangkat desa sehingga kantor buka setiap hari kerja pukul "
            "08.00-15.00. Jadwal piket ditempel di depan kantor.",
            "Baliho APBDes tahun ini sudah dipasang di depan kantor desa dan di balai warga.",
        ),
        where="desa_desk",
        intake="desk",
        service="Pelayanan administrasi desa",
    ),
    Topic(
        "kecamatan",
        "pelayanan-desa",
        "kecamatan",
        4,
        (
            (
                "Legalisasi dokumen di kantor Kecamatan {kecamatan} memakan waktu seminggu",
                "Saya meminta legalisasi fotokopi KK dan surat keterangan di kantor Kecamatan {kecamatan}, "
                "tetapi diminta kembali seminggu lagi karena camat sedang dinas luar. Di papan standar pelayanan "
                "tertulis selesai satu hari.",
            ),
            (
                "Rekomendasi izin keramaian dari kecamatan belum keluar",
                "Kami mengajukan rekomendasi izin keramaian untuk acara perkawinan di Desa {desa} ke kantor "
                "Kecamatan {kecamatan} dua minggu lalu, tetapi sampai sekarang belum ada jawaban, padahal acara "
                "tinggal beberapa hari lagi.",
            ),
        ),
        answers=(
            "Mohon maaf atas keterlambatannya. Penandatanganan legalisasi kini dapat dilakukan sekretaris camat "
            "bila camat berhalangan, sehingga layanan selesai di hari yang sama sesuai standar pelayanan.",
            "Rekomendasi sudah ditandatangani dan dapat diambil di loket PATEN kantor kecamatan. Keterlambatan "
            "terjadi karena berkas belum diteruskan dari desa; alurnya sudah kami perbaiki.",
        ),
        where="kecamatan_desk",
        intake=KOORDINATOR,
        service="Pelayanan administrasi terpadu kecamatan (PATEN)",
    ),
    Topic(
        "dana-desa",
        "pungli-penyimpangan",
        INSPEKTORAT,
        3,
        (
            (
                "Dugaan penyimpangan dana desa untuk pembangunan jalan usaha tani",
                "Pembangunan jalan usaha tani di Desa {desa} yang dibiayai dana desa hanya dikerjakan sekitar "
                "setengah dari panjang yang tertulis di papan proyek, tetapi dilaporkan selesai 100 persen.",
            ),
            (
                "Pungutan untuk pembuatan surat di kantor desa",
                "Perangkat Desa {desa} meminta uang Rp {n}0.000 untuk setiap surat pengantar, tanpa kuitansi dan "
                "tanpa dasar peraturan desa.",
            ),
        ),
        service="Pengelolaan keuangan desa",
        delegate="dpmd",
    ),
    Topic(
        "pungli-layanan",
        "pungli-penyimpangan",
        INSPEKTORAT,
        2,
        (
            (
                "Oknum menawarkan 'jalur cepat' pengurusan dokumen dengan bayaran",
                "Di sekitar kantor pelayanan ada oknum yang mengaku kenal petugas dan menawarkan pengurusan "
                "dokumen selesai dalam sehari dengan membayar Rp {n}00.000. Beberapa warga {kecamatan} sudah "
                "membayar.",
            ),
        ),
        service="Pelayanan perizinan dan dokumen",
        delegate="disdukcapil",
    ),
    Topic(
        "izin",
        "perizinan",
        "dpmptsp",
        5,
        (
            (
                "Pengajuan PBG lewat OSS tidak diproses",
                "Saya mengajukan Persetujuan Bangunan Gedung (PBG) untuk ruko di {desa} lewat sistem sejak "
                "bulan {bulan}, statusnya masih 'verifikasi' dan tidak ada petugas yang bisa dihubungi.",
            ),
            (
                "Syarat izin usaha mikro berbeda dengan yang diumumkan",
                "Petugas meminta dokumen tambahan untuk izin usaha mikro yang tidak tercantum dalam standar "
                "pelayanan di laman DPMPTSP.",
            ),
        ),
        answers=(
            "Permohonan PBG sudah diverifikasi tim teknis dan tinggal menunggu pembayaran retribusi. "
            "Notifikasi sudah dikirim ke akun pemohon.",
            "Kami mohon maaf. Persyaratan yang berlaku adalah yang tercantum pada standar pelayanan; petugas "
            "loket sudah diingatkan dan permohonan Anda dapat dilanjutkan tanpa dokumen tambahan itu.",
        ),
        questions=("Mohon sebutkan nomor permohonan atau nomor induk berusaha (NIB).",),
        where="kota",
        service="Perizinan berusaha dan PBG",
    ),
    Topic(
        "sampah",
        "lingkungan",
        "dinas-lingkungan-hidup",
        6,
        (
            (
                "Sampah menumpuk di TPS {desa} tidak diangkut",
                "Sampah di TPS dekat pasar di {desa} sudah seminggu tidak diangkut, baunya menyengat dan "
                "meluber ke badan jalan.",
            ),
            (
                "Pembakaran sampah di lahan kosong mengganggu warga",
                "Setiap sore ada pembakaran sampah di lahan kosong di {desa}. Asapnya masuk ke rumah warga dan "
                "mengganggu pernapasan anak-anak.",
            ),
        ),
        answers=(
            "Armada pengangkut sudah dijadwalkan ulang; sampah di TPS tersebut sudah diangkut pada {hari} dan "
            "pengangkutan kini dilakukan dua hari sekali.",
            "Petugas DLH bersama Satpol PP sudah menegur pemilik lahan dan memasang larangan membakar sampah.",
        ),
        where="kota",
        service="Pengangkutan sampah",
    ),
    Topic(
        "pju",
        "transportasi",
        "dinas-perhubungan",
        5,
        (
            (
                "Lampu jalan mati di jalan menuju {desa}",
                "Sekitar {n} titik lampu penerangan jalan umum di jalan menuju Desa {desa} mati sejak {bulan}. "
                "Jalan menjadi gelap dan rawan kejahatan serta kecelakaan.",
            ),
        ),
        answers=(
            "Tim pemeliharaan PJU sudah mengganti lampu yang mati pada {hari}. Bila masih ada titik yang mati, "
            "silakan laporkan kembali dengan menyebutkan nomor tiang.",
        ),
        questions=("Mohon sebutkan patokan lokasi atau nomor tiang lampu yang mati.",),
        service="Penerangan jalan umum",
    ),
    Topic(
        "angkutan",
        "transportasi",
        "dinas-perhubungan",
        2,
        (
            (
                "Tarif angkutan perdesaan dinaikkan sepihak",
                "Sopir angkutan dari {kecamatan} ke kota menaikkan tarif tanpa pengumuman resmi. Penumpang yang "
                "menolak diturunkan di jalan.",
            ),
        ),
        answers=(
            "Dishub sudah memanggil pengurus angkutan trayek tersebut. Tarif kembali mengikuti ketentuan dan "
            "daftar tarif ditempel di setiap kendaraan.",
        ),
        service="Angkutan umum",
    ),
    Topic(
        "ketertiban",
        "ketertiban-umum",
        "satpol-pp",
        3,
        (
            (
                "Lapak pedagang menutup trotoar di pusat kota",
                "Trotoar di sekitar pasar di {desa} dipenuhi lapak pedagang sehingga pejalan kaki harus berjalan "
                "di badan jalan.",
            ),
        ),
        answers=(
            "Satpol PP sudah melakukan penertiban persuasif dan pedagang dipindahkan ke area yang disediakan "
            "pengelola pasar.",
        ),
        where="kota",
        service="Ketertiban umum",
    ),
    Topic(
        "asn",
        "kepegawaian",
        "bkpsdm",
        2,
        (
            (
                "Tunjangan pegawai honorer terlambat dibayar",
                "Honor tenaga non-ASN di salah satu sekolah di {kecamatan} sudah {n} bulan belum dibayar.",
            ),
            (
                "Pegawai kantor kecamatan bermain ponsel saat melayani",
                "Saat mengurus surat di kantor Kecamatan {kecamatan}, petugas loket sibuk dengan ponselnya dan "
                "meminta saya menunggu lama padahal tidak ada antrean.",
            ),
        ),
        answers=(
            "BKPSDM sudah berkoordinasi dengan perangkat daerah terkait; pembayaran honor dilakukan bulan ini "
            "setelah dokumen pertanggungjawaban dilengkapi.",
            "Pegawai yang bersangkutan sudah dipanggil dan diberi pembinaan disiplin oleh atasannya.",
        ),
        service="Manajemen ASN",
    ),
    Topic(
        "pbb",
        "pajak-daerah",
        "bapenda",
        3,
        (
            (
                "SPPT PBB tidak sampai ke wajib pajak",
                "SPPT PBB tahun ini untuk tanah kami di {desa} tidak pernah kami terima, sekarang tiba-tiba "
                "dikenai denda keterlambatan.",
            ),
        ),
        answers=(
            "SPPT sudah kami cetak ulang dan dapat diambil di kantor desa. Denda keterlambatan dihapus karena "
            "SPPT terlambat didistribusikan.",
        ),
        service="Pajak bumi dan bangunan",
    ),
    Topic(
        "rumah-layak",
        "pelayanan-desa",
        "dinas-perkim",
        2,
        (
            (
                "Bantuan bedah rumah tidak transparan",
                "Penetapan penerima bantuan rumah tidak layak huni di Desa {desa} tidak diumumkan dan warga yang "
                "rumahnya paling rusak tidak terpilih.",
            ),
        ),
        answers=(
            "Daftar penerima bantuan RTLH tahun ini sudah diumumkan di kantor desa. Rumah yang dilaporkan sudah "
            "disurvei dan diusulkan untuk tahun anggaran berikutnya.",
        ),
        service="Bantuan rumah tidak layak huni",
    ),
    Topic(
        "pln",
        "",
        "bukan_wewenang",
        3,
        (
            (
                "Listrik sering padam di {kecamatan}",
                "Dalam seminggu listrik di {desa}, Kecamatan {kecamatan}, padam hampir setiap malam selama "
                "beberapa jam tanpa pemberitahuan.",
            ),
        ),
        remit="PT PLN (Persero) unit layanan setempat, melalui layanan pengaduan PLN 123",
        reported=False,
    ),
    Topic(
        "ferry",
        "transportasi",
        "bukan_wewenang",
        2,
        (
            (
                "Jadwal kapal penyeberangan Tanjung Serdang sering terlambat",
                "Kapal penyeberangan Tanjung Serdang - Batulicin sering berangkat terlambat lebih dari dua jam "
                "tanpa pengumuman, antrean kendaraan mengular.",
            ),
        ),
        remit="operator penyeberangan dan Balai Pengelola Transportasi Darat (Kementerian Perhubungan)",
        reported=False,
        where="pulau_laut",
    ),
    Topic(
        "sertifikat",
        "",
        "bukan_wewenang",
        2,
        (
            (
                "Sertifikat tanah program PTSL belum terbit",
                "Tanah kami di {desa} didaftarkan program PTSL sejak tahun lalu, tetapi sertifikat belum juga "
                "terbit.",
            ),
        ),
        remit="Kantor Pertanahan (BPN) Kabupaten Kotabaru",
        reported=False,
    ),
)

# Reports filed directly with Ombudsman RI Perwakilan Kalimantan Selatan about Kotabaru's services, after the
# reporter's own complaint to the agency went nowhere.
OMBUDSMAN_TOPICS: tuple[Topic, ...] = (
    Topic(
        "ombudsman-dukcapil",
        "administrasi-kependudukan",
        "disdukcapil",
        3,
        (
            (
                "Penundaan berlarut penerbitan KTP-el di Kabupaten Kotabaru",
                "Saya sudah merekam KTP-el sejak {n} bulan lalu dan sudah mengadu ke Disdukcapil Kotabaru "
                "melalui SP4N-LAPOR! tetapi tidak ada penyelesaian. Saya mohon Ombudsman memeriksa penundaan "
                "berlarut ini.",
            ),
        ),
        intake=OMBUDSMAN,
        service="Penerbitan KTP-el",
    ),
    Topic(
        "ombudsman-sekolah",
        "pendidikan",
        "dinas-pendidikan",
        2,
        (
            (
                "Penahanan ijazah oleh sekolah di Kotabaru",
                "Ijazah anak saya ditahan sekolah karena tunggakan sumbangan. Saya sudah mengadu ke Dinas "
                "Pendidikan Kotabaru sebulan lalu tanpa hasil.",
            ),
        ),
        intake=OMBUDSMAN,
        service="Pendidikan",
    ),
    Topic(
        "ombudsman-pdam",
        "air-bersih",
        "pdam-kotabaru",
        2,
        (
            (
                "Air bersih tidak mengalir berminggu-minggu di {desa}",
                "Air PDAM di {desa} tidak mengalir selama tiga minggu. Pengaduan ke PDAM hanya dijawab 'sedang "
                "diupayakan'. Warga terpaksa memakai air sumur yang keruh.",
            ),
        ),
        intake=OMBUDSMAN,
        where="kota",
        service="Air minum",
    ),
    Topic(
        "ombudsman-rsud",
        "kesehatan",
        "rsud-pangeran-jaya-sumitra",
        2,
        (
            (
                "Pasien BPJS ditolak rawat inap dengan alasan kamar penuh",
                "Ibu saya, peserta BPJS, ditolak rawat inap di RSUD dengan alasan kamar penuh, tetapi ditawari "
                "kamar bila membayar sebagai pasien umum. Pengaduan ke rumah sakit belum dijawab.",
            ),
        ),
        intake=OMBUDSMAN,
        where="kota",
        service="Pelayanan rumah sakit",
    ),
)
