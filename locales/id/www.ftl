# Halaman laporan (www/): kata-katanya sendiri di sekitar laporan yang dirender oleh inti.
# Ditampilkan sebagai teks (tidak pernah sebagai markup); ID sesuai dengan data-l10n-id di www/index.html.

www-title = Borderline: siapa yang mengawasi, dari berkas HAR
www-intro = Letakkan di sini tangkapan HAR dari sebuah situs (diekspor dari alat pengembang peramban Anda, mitmproxy, atau Charles), atau tangkapan paket dari ponsel (PCAP atau PCAPNG, misalnya dari PCAPdroid, atau CSV koneksi dari PCAPdroid), untuk melihat perusahaan mana saja yang dihubungi oleh situs atau ponsel tersebut, di mana server mereka berada, dan apa yang dikirim. Berkas tidak pernah meninggalkan halaman ini: semuanya berjalan di sini, secara luring.
www-input = Pilih tangkapan
www-choose = Pilih berkas HAR atau tangkapan paket
www-drop = atau letakkan di sini, atau
www-sample = coba contohnya
www-sample-phone = atau tangkapan ponsel
www-home = Negara Anda
www-policy = Kebijakan
www-policy-us = US Data Security Program (regulasi AS)
www-policy-eu = Kecukupan UE/EEA
www-policy-custom = Daftar khusus
www-custom = Daftar khusus negara yang menjadi perhatian
www-site = Situs
www-reading = Membaca tangkapan
www-export = Ekspor
www-only-trackers = Hanya pelacak
www-only-foreign = Hanya luar negeri
www-footer = Borderline berjalan sepenuhnya di halaman ini; tidak ada yang diunggah. Data IP: NRO, RouteViews, IP Geolocation by DB-IP.
www-worker-failed = Laporan tidak dapat dibuat: { $reason }
www-too-large = Berkas ini berukuran { $size } MB: terlalu besar untuk dibaca di peramban (batas { $limit } MB). Alat baris perintah dapat membaca tangkapan yang lebih besar.
