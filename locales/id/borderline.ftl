# Kata-kata Borderline sebagaimana dirender oleh inti: layar pertama, jendela
# sembul (popup), peringatan di halaman, dan alasan di balik nilai. Nama kolom
# JSON dan judul kolom CSV adalah kontrak dan tetap dalam bahasa Inggris;
# keduanya tidak ada di sini.
#
# Variabel: $unit bernilai "requests" atau "connections" (apa yang dihitung);
# $n, $count, $points, dan sejenisnya adalah angka; selebihnya berupa teks.
# Nama negara berasal dari CLDR (country-XX, dihasilkan otomatis), bukan dari berkas ini.

## Satuan

unit-many = { $unit ->
    [connections] koneksi
   *[requests] permintaan
}
unit-many-cap = { $unit ->
    [connections] Koneksi
   *[requests] Permintaan
}
unit-count = { $unit ->
    [connections] { $n ->
       *[other] { $n } koneksi
    }
   *[requests] { $n ->
       *[other] { $n } permintaan
    }
}
unit-short = { $unit ->
    [connections] kon.
   *[requests] perm.
}

## Layar pertama

glance-heading = Tujuan { unit-many }: ke mana dan kepada siapa
glance-main-reason = Alasan utama nilai ini: { $reason }
glance-server-countries = Negara server ({ unit-many })
glance-server-countries-chart = { unit-many-cap } per negara server, dalam diagram batang
glance-company-countries = Negara perusahaan pengendali ({ unit-many })
glance-company-countries-chart = { unit-many-cap } per negara perusahaan pengendali, dalam diagram batang
glance-top-companies = Perusahaan teratas
glance-country-not-known = negara tidak diketahui
glance-of-concern = menjadi perhatian
glance-bar-unknown = tidak diketahui
glance-bar-local = lokal
glance-bar-no-company = perusahaan tidak disebutkan
glance-bar-folded = digabungkan (tidak dirinci)

## Yurisdiksi (tag di samping server atau perusahaan)

jurisdiction-home = dalam negeri
jurisdiction-foreign = luar negeri
jurisdiction-of-concern = menjadi perhatian
jurisdiction-unknown = tidak diketahui
jurisdiction-local = lokal

## Nilai

grade-aria = Nilai { $letter }, { $score } dari 100
grade-why = Mengapa { $letter }?
reason-trackers = { $companies ->
    [0] { $domains ->
       *[other] { $domains } domain pelacak yang tidak teridentifikasi
    }
   *[other] { $companies ->
       *[other] { $companies } perusahaan pelacak
    }{ $domains ->
        [0] {""}
       *[other] {" "}dan { $domains } domain pelacak yang tidak teridentifikasi
    }
} menerima { unit-many } pelacak (masing-masing { $per } poin, maksimum { $max } poin)
reason-session-replay = layanan perekaman sesi dapat merekam apa yang Anda lakukan di halaman
reason-fingerprinting = layanan pelacakan sidik jari dapat mengenali peramban Anda tanpa cookie
reason-server-of-concern = { unit-count } menuju server yang terdaftar di negara yang menjadi perhatian
reason-entity-of-concern = { unit-count } menuju titik akhir yang dikendalikan oleh perusahaan yang berbasis di negara yang menjadi perhatian
reason-third-party-cookies = { $n ->
   *[other] { $n } cookie pihak ketiga dipasang
}
reason-identifiers-sent = data yang menyerupai pengenal dikirim ke luar situs atau ke pelacak ({ $n ->
   *[other] { $n } kolom
})
reason-contact-details-sent = alamat email, nomor telepon, atau hash-nya dikirim ({ $n ->
   *[other] { $n } kolom
})
reason-clean = tidak ada pelacak, tidak ada cookie pihak ketiga, tidak ada yang dikirim ke negara atau perusahaan yang menjadi perhatian

## Ringkasan di jendela sembul

popup-tracker-count = { $unit ->
    [connections] { $n ->
       *[other] { $n } koneksi pelacak
    }
   *[requests] { $n ->
       *[other] { $n } permintaan pelacak
    }
}
popup-tracker-endpoints = { $n ->
   *[other] { $n } titik akhir pelacak
}
popup-tracker-companies = { $n ->
   *[other] { $n } perusahaan pelacak
}
popup-unidentified-domains = { $n ->
   *[other] { $n } domain pelacak yang tidak teridentifikasi
}
popup-sent = { $size } terkirim
popup-folded = { $endpoints } titik akhir ({ unit-count }) digabungkan agar ukuran laporan tetap terbatas: sudah dihitung di atas, tetapi tidak dirinci.
popup-server-of-concern = { unit-count } ke server di negara yang menjadi perhatian
popup-app = Aplikasi
popup-device = Perangkat ini
popup-published-by = {" "}· diterbitkan oleh { $publisher }
popup-part-of = , bagian dari { $group }
popup-no-publisher = {" "}· penerbit tidak diketahui: setiap host dihitung sebagai pihak ketiga
popup-packet-limits = Yang tidak dapat ditunjukkan oleh tangkapan paket
popup-details = Detail: telemetri, perusahaan, jaringan, dan setiap titik akhir
popup-telemetry = Telemetri platform
popup-companies = Perusahaan
popup-networks = Jaringan hosting
popup-endpoints = Titik akhir
popup-endpoints-caption = Titik akhir yang dihubungi oleh { $site }
popup-col-host = Host
popup-col-company = Perusahaan
popup-col-server = Server
popup-col-count = { $unit ->
    [connections] Kon.
   *[requests] Perm.
}
popup-col-sent = Terkirim
popup-attribution = Negara adalah tempat blok alamat didaftarkan. Data IP: NRO, RouteViews, IP Geolocation by DB-IP (db-ip.com). Kebijakan: { $policy }.

## Detail di jendela sembul: perusahaan, jaringan, titik akhir

rule-in-list = {" "}di { $list }, baris { $line }
rule-entity-map = peta entitas menggolongkan domain ini sebagai { $category }
idn-note = (nama internasional, bentuk ASCII)
idn-title = Nama domain internasional, ditampilkan dalam bentuk ASCII-nya (punycode): bentuk Unicode-nya bisa tampak seperti nama lain.
company-domiciled = {" "}— berdomisili di{" "}
company-domicile-title = negara tempat perusahaan didirikan
company-headquartered = , berkantor pusat di{" "}
company-part-of = {" "}· bagian dari { $parent }
company-received = {" "}· menerima { $fields }
not-known-title = tidak diketahui
network-unknown = jaringan tidak diketahui
network-share = {" "}— { $requests } dari seluruh { unit-many }, { $bytes } dari byte yang diterima
telemetry-line = { unit-count } ({ $size }) ke { $endpoints } titik akhir telemetri dan pencatatan log
telemetry-countries = , server terdaftar di { $countries }
telemetry-identifiers = ; pengenal yang dikirim:{" "}
endpoint-why = mengapa
endpoint-party = { $party ->
    [first-party] pihak pertama
    [same-entity] entitas yang sama
   *[third-party] pihak ketiga
} · domain{" "}
endpoint-name-from = Sumber nama: { $basis }, { unit-count }
endpoint-also-answered = Alamatnya juga menjadi jawaban DNS untuk:{" "}
endpoint-not-matched = Tidak cocok dengan daftar pelacak mana pun.
endpoint-rules-not-listed = { $n } { unit-many } pelacak lainnya cocok dengan aturan yang tidak dicantumkan di sini.
endpoint-sent = Terkirim:{" "}
endpoint-binary = { $n ->
   *[other] { $n } isi biner
} ({ $type }, { $size }), tidak dibaca untuk mencari kolom
endpoint-owner = Pemilik: { $basis }
endpoint-hq-stated-by = ; kantor pusat menurut { $source }
endpoint-sources = Sumber:{" "}
endpoint-company-unknown = tidak diketahui
endpoint-no-ip = { $n } { unit-short } tanpa IP server (lokasi tidak diketahui)
basis-cited = dikutip dari sumber
basis-listed = dicantumkan oleh { $source }
basis-network = disimpulkan dari jaringannya, AS{ $asn }
location-registered = terdaftar
location-local = lokal
location-overlay = lapisan
location-unknown = tidak diketahui
name-basis-tls = nama server TLS (SNI)
name-basis-quic = nama server QUIC (SNI)
name-basis-http = header HTTP Host
name-basis-dns = jawaban DNS
name-basis-dns-ambiguous = jawaban DNS menyebut beberapa host untuk alamat ini
name-basis-recorder = catatan alat penangkap paket (PCAPdroid)
name-basis-none = tidak ada nama dalam tangkapan
sent-kind-identifier = pengenal
sent-kind-email = alamat email
sent-kind-phone = nomor telepon
sent-kind-hashed = hash email atau nomor telepon
sent-reason-email = nilainya berupa alamat email
sent-reason-hashed = kolom yang namanya menunjukkan email atau telepon berisi hash
sent-reason-phone = nilainya berupa nomor telepon
sent-reason-identifier = namanya adalah kolom pengenal yang dikenal
sent-reason-token = nilainya tampak seperti token unik buatan mesin

## Baru sejak kunjungan terakhir (banner)

novelty-trackers = Baru sejak kunjungan terakhir Anda: { $site } mengirim data ke { $trackers } untuk pertama kalinya.
novelty-countries = Baru sejak kunjungan terakhir Anda: { $site } menggunakan server yang terdaftar di { $countries } untuk pertama kalinya.
novelty-both = Baru sejak kunjungan terakhir Anda: { $site } untuk pertama kalinya mengirim data ke { $trackers } dan untuk pertama kalinya menggunakan server yang terdaftar di { $countries }.

## Temuan (masing-masing satu kalimat; titik di akhir kalimat ditambahkan oleh "sentence")

sentence = { $text }.
finding-server-of-concern = { unit-count } menuju { $host } di server yang terdaftar di { $countries } — menjadi perhatian menurut kebijakan: { $policy }
finding-telemetry = { unit-count } ke { $host }: telemetri dan pencatatan log milik platform itu sendiri, dijalankan oleh { $owner }
finding-tracker = { unit-count } ke { $host }: { $category } oleh { $owner }
finding-owner-unknown = perusahaan yang tidak teridentifikasi
finding-identifiers = { $host } menerima data yang menyerupai pengenal: { $fields }
finding-contact = { $host } menerima alamat email, nomor telepon, atau hash-nya dalam kolom: { $fields }
finding-cookies = { $host } memasang { $n ->
   *[other] { $n } cookie pihak ketiga
}
finding-who = { $name } ({ $countries })
finding-who-parent = { $who }, bagian dari { $parent } ({ $countries })
finding-company = { $who } mengendalikan { $endpoints ->
   *[other] { $endpoints } titik akhir
} yang menerima { unit-count }: { $itself ->
    [yes] perusahaan yang berbasis
   *[no] perusahaan induknya berbasis
} di negara yang menjadi perhatian, di mana pun servernya berada.

## Kebijakan

policy-us = negara yang menjadi perhatian menurut US Data Security Program, regulasi AS ({ $countries }), per { $date }
policy-eu = di luar EEA tanpa keputusan kecukupan GDPR, per { $date }
policy-custom = daftar khusus ({ $countries })

## Yang tidak dapat ditunjukkan oleh tangkapan paket (laporan tangkapan dari ponsel)

limit-connections-not-requests = Tangkapan paket menunjukkan koneksi, bukan permintaan: tidak ada URL, path, metode, status, cookie, atau kolom terkirim yang diketahui, sehingga tidak ada kolom yang dilaporkan dan hanya aturan daftar pelacak yang berlaku untuk host secara utuh yang diterapkan.
limit-names-pcapdroid = Nama host adalah hasil pembacaan PCAPdroid sendiri (kolom Info-nya), yang tidak menyebutkan apakah setiap nama berasal dari DNS, TLS, atau HTTP; koneksi yang tidak diberinya nama dilaporkan berdasarkan alamat dan jaringan servernya.
limit-names-basis = Setiap nama host dilaporkan beserta cara nama itu diperoleh (nama server TLS atau QUIC, header HTTP Host, atau jawaban DNS sebelumnya); koneksi yang tidak bernama dilaporkan berdasarkan alamat dan jaringan servernya.
limit-encrypted-dns = { $n ->
   *[other] { $n } koneksi
} menuju server DNS terenkripsi (DNS over TLS atau HTTPS): nama yang di-resolve melalui server tersebut tidak dapat dibaca, sehingga koneksi yang namanya hanya diketahui dari DNS mungkin tidak memiliki nama.
limit-other-ip = { $n ->
   *[other] { $n } paket IP
} bukan TCP maupun UDP (ICMP, protokol lain) atau merupakan fragmen lanjutan dari sebuah datagram: paket tersebut tidak termasuk dalam koneksi mana pun, dan byte-nya tidak dihitung.
limit-dns-not-kept = { $n ->
   *[other] { $n } jawaban DNS
} tidak dapat disimpan (tangkapan berisi jawaban untuk lebih dari 100.000 alamat): koneksi yang seharusnya diberi nama oleh jawaban tersebut mungkin dilaporkan berdasarkan alamat.
limit-ech = { $n ->
   *[other] { $n } koneksi
} membawa ekstensi Encrypted Client Hello. Klien berbasis Chrome mengirimkan ekstensi ini bahkan ketika tidak mengenkripsi apa pun (GREASE), dan dalam hal itu nama yang ditampilkan adalah nama yang sebenarnya; jika ECH benar-benar digunakan, nama yang ditampilkan adalah nama luar yang bersifat publik, dan nama server yang sebenarnya tersembunyi. Tangkapan tidak dapat membedakan keduanya.
limit-ambiguous = { $n ->
   *[other] { $n } koneksi
} menuju alamat yang oleh DNS diberikan kepada beberapa nama: tidak diketahui nama mana yang dituju oleh setiap koneksi, sehingga koneksi tersebut dilaporkan berdasarkan alamat, dengan semua nama dicantumkan.
limit-mid-stream = { $n ->
   *[other] { $n } koneksi
} sudah dimulai sebelum tangkapan dimulai: byte pertamanya, yang memuat nama, tidak tertangkap.
limit-stopped = Pembacaan berhenti sebelum akhir berkas ({ $why }); koneksi yang terbaca sebelum itu tetap dilaporkan.

## Ekspor HTML

html-title = Laporan Borderline: { $site }
html-why-grade = Mengapa nilai ini ({ $score }/100)
html-head = { $from } – { $to } · negara Anda: { $home } · kebijakan: { $policy }
html-about = Tentang apa laporan ini
html-app = Aplikasi{" "}
html-as = , menurut { $basis }
html-published-by = Diterbitkan oleh { $publisher }{" "}
html-group = , bagian dari { $group }{" "}
html-group-same = : host milik perusahaan mana pun dalam grup tersebut dihitung sebagai entitas yang sama.{" "}
html-company-same = : host milik perusahaan tersebut dihitung sebagai entitas yang sama.{" "}
html-no-publisher = Penerbit tidak diketahui: setiap host dihitung sebagai pihak ketiga.{" "}
html-card-count = { unit-many }
html-card-tracker = { unit-many } pelacak
html-card-endpoints = titik akhir pelacak
html-card-companies = perusahaan pelacak
html-card-unidentified = domain pelacak yang tidak teridentifikasi
html-card-sent = terkirim
html-card-concern = { unit-many } ke server di negara yang menjadi perhatian
html-definitions = { $unit ->
    [connections] Koneksi pelacak adalah koneksi yang cocok dengan daftar pelacak atau yang dikirim ke domain yang digolongkan sebagai pelacakan oleh peta entitas; titik akhir pelacak adalah host yang menerima koneksi semacam itu; perusahaan pelacak adalah pemilik titik akhir semacam itu; domain pelacak yang tidak teridentifikasi adalah domain yang tidak disebutkan oleh data perusahaan mana pun. Setiap hitungan adalah jumlah koneksi yang memenuhi kriteria tersebut.
   *[requests] Permintaan pelacak adalah permintaan yang cocok dengan daftar pelacak atau yang dikirim ke domain yang digolongkan sebagai pelacakan oleh peta entitas; titik akhir pelacak adalah host yang menerima permintaan semacam itu; perusahaan pelacak adalah pemilik titik akhir semacam itu; domain pelacak yang tidak teridentifikasi adalah domain yang tidak disebutkan oleh data perusahaan mana pun. Setiap hitungan adalah jumlah permintaan yang memenuhi kriteria tersebut.
}
html-capture = Tangkapan: SHA-256{" "}
html-recorded-by = , direkam oleh { $tool }
html-data = , data:{" "}
html-without-ip = { unit-count } tidak mencapai IP server yang dikenal (gagal, atau disajikan dari cache): negara servernya tidak diketahui.
html-skipped = { unit-count } tidak dapat dibaca dan tidak dihitung di atas.
html-folded = { $endpoints ->
   *[other] { $endpoints } titik akhir
} ({ unit-count }) digabungkan agar ukuran laporan tetap terbatas: sudah dihitung dalam total, tetapi tidak dirinci.
html-log-dropped = { $n ->
   *[other] { $n } baris
} dibuang dari log; hitungan di atas tetap lengkap.
html-findings = Temuan
html-telemetry = { unit-count } ({ $size }) ke titik akhir telemetri dan pencatatan log milik platform itu sendiri:{" "}
html-telemetry-countries = . Server terdaftar di { $countries }
html-telemetry-identifiers = . Pengenal yang dikirim: { $identifiers }
html-col-company = Perusahaan
html-col-domiciled = Domisili
html-col-headquarters = Kantor pusat
html-col-parent = Induk
html-col-jurisdiction = Yurisdiksi
html-col-tracker-count = { unit-short } pelacak
html-col-sent = Terkirim
html-unidentified = Domain pelacak yang tidak teridentifikasi
html-unidentified-note = Domain yang menerima permintaan pelacak dan tidak disebutkan oleh data perusahaan mana pun. Domain ini dihitung sebagai domain, bukan sebagai perusahaan.
html-col-domain = Domain
html-col-endpoints = Titik akhir
html-where = Tujuan { unit-many } (negara tempat server terdaftar)
html-networks-chart = { unit-many-cap } per jaringan hosting, dalam diagram batang
html-col-host = Host
html-col-party = Pihak
party-first-party = pihak pertama
party-same-entity = entitas yang sama
party-third-party = pihak ketiga
html-col-tracker = Pelacak
html-col-ips = IP dan lokasi
html-col-server = Server
html-col-fields = Kolom terkirim
html-name-from = sumber nama: { $basis }, { $n } { unit-short }
html-also-answered = alamatnya juga menjadi jawaban DNS untuk:{" "}
html-tracker-share = ({ $n } dari { $total } { unit-short })
html-rules-not-listed = { $n } aturan lain yang cocok tidak dicantumkan
html-no-ip = { $n } { unit-short } tanpa IP server
html-binary = { $n } isi biner ({ $type }, { $size }), tidak dibaca untuk mencari kolom
html-sources = Sumber data
html-footer = Negara server adalah tempat blok alamat didaftarkan, yang tidak selalu sama dengan lokasi fisik server.{" "}
html-generated = . Dibuat oleh { $generator } secara luring.

## Peringatan di halaman (teks biasa)

warn-company-of-concern = { $site } berkomunikasi dengan server yang dikendalikan oleh { $who }, yang berbasis di negara yang menjadi perhatian menurut kebijakan Anda.
warn-sent = { $site } mengirim data ke { $host } — dikendalikan oleh { $who }, { $where }.
warn-sent-kinds = { $site } mengirim data ke { $host } — untuk { $kinds }, dikendalikan oleh { $who }, { $where }.
warn-who-parent = { $name } (bagian dari { $parent }, { $countries })
warn-who = { $name } ({ $countries })
warn-who-unknown = perusahaan yang tidak teridentifikasi
warn-where-unknown = lokasi yang tidak diketahui
warn-where-one = server yang terdaftar di { $country }
warn-where-many = server yang terdaftar di { $countries }
warn-of-concern = { $sentence } Menjadi perhatian menurut kebijakan Anda.
warn-and = { $a } dan { $b }
banner-servers = { $unit ->
    [connections] Koneksi sejauh ini menurut negara server: { $servers }.
   *[requests] Permintaan sejauh ini menurut negara server: { $servers }.
}
banner-companies = Perusahaan teratas: { $companies }.

## Negara suatu perusahaan

countries-none = negara tidak diketahui
countries-both = { $domicile }, { $headquarters }
domicile-known = berdomisili di { $country }
domicile-unknown = domisili tidak diketahui
headquarters-known = berkantor pusat di { $country }
headquarters-unknown = kantor pusat tidak diketahui

## Jenis pelacak (tag di samping titik akhir)

category-advertising = periklanan
category-analytics = analitik
category-telemetry = telemetri
category-social = media sosial
category-session-replay = perekaman sesi
category-fingerprinting = pelacakan sidik jari
category-cdn = CDN
category-content = konten
category-api = API
