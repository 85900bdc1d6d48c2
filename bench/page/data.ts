/**
 * Word lists for the benchmark's synthetic office history: Indonesian visitors, the vendors
 * and agencies that visit a regional government server room, and what they come to do.
 * Weights make a few organisations common (the telco, the main integrator) and most rare.
 */

export const FIRST_NAMES = [
  'Budi', 'Siti', 'Agus', 'Sri', 'Dewi', 'Andi', 'Rudi', 'Ahmad', 'Muhammad', 'Nur', 'Dian', 'Eko', 'Wahyu', 'Rina', 'Yusuf',
  'Fitri', 'Hendra', 'Indra', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nyoman', 'Ketut', 'Putu', 'Wayan', 'Rizky', 'Fajar', 'Bayu', 'Teguh',
  'Arif', 'Hadi', 'Irfan', 'Ratna', 'Yuni', 'Ayu', 'Puspita', 'Bambang', 'Slamet', 'Sutrisno', 'Haryanto', 'Rahmat', 'Taufik', 'Ilham', 'Reza',
  'Aditya', 'Bagus', 'Citra', 'Desi', 'Endang', 'Gita', 'Hasanuddin', 'Irwan', 'Maya', 'Novi', 'Oktaviani', 'Rani', 'Syamsul', 'Umar', 'Zulkifli',
  'Daeng', 'Arung', 'Baso', 'Muh.', 'Nurul', 'Andi Muh.', 'Suryani', 'Yohanes', 'Maria', 'Kristian',
];

export const LAST_NAMES = [
  'Santoso', 'Wijaya', 'Saputra', 'Pratama', 'Hidayat', 'Kurniawan', 'Setiawan', 'Nugroho', 'Lestari', 'Rahmawati', 'Susanti', 'Wulandari',
  'Hartono', 'Gunawan', 'Siregar', 'Nasution', 'Lubis', 'Harahap', 'Simanjuntak', 'Sitorus', 'Wirawan', 'Suryadi', 'Permana', 'Hermawan',
  'Prasetyo', 'Firmansyah', 'Ramadhan', 'Maulana', 'Syahputra', 'Hakim', 'Purnomo', 'Utomo', 'Sulistyo', 'Kusuma', 'Halim', 'Tanjung',
  'Pangaribuan', 'Manurung', 'Daeng Manai', 'Mappatunru', 'Rahman', 'Amir', 'Latief', 'Syamsuddin', 'Pattinasarany', 'Tumbelaka', 'Wenas',
  'Sembiring', 'Ginting', 'Tarigan', 'Putri', 'Anggraini', 'Fauzi', 'Iskandar', 'Sudirman', 'Batubara', 'Daulay', 'Pohan', 'Tampubolon', 'Pakpahan',
];

/** [name, weight]. */
export const ORGANISATIONS: [string, number][] = [
  ['PT Telkom Indonesia (Persero) Tbk', 60],
  ['PT Lintasarta', 35],
  ['PT Indosat Ooredoo Hutchison Tbk', 25],
  ['PT XL Axiata Tbk', 15],
  ['PT Sigma Cipta Caraka (Telkomsigma)', 30],
  ['PT Multipolar Technology Tbk', 18],
  ['PT Mitra Integrasi Informatika', 22],
  ['PT Berca Hardayaperkasa', 14],
  ['PT Datacomm Diangraha', 16],
  ['PT Metrodata Electronics Tbk', 12],
  ['PT Anabatic Technologies Tbk', 8],
  ['PT Len Industri (Persero)', 6],
  ['PT Huawei Tech Investment', 10],
  ['PT ZTE Indonesia', 5],
  ['PT Icon Plus (PLN)', 24],
  ['PT PLN (Persero) UP3 Makassar Selatan', 9],
  ['PT Biznet Gio Nusantara', 11],
  ['PT Mora Telematika Indonesia', 7],
  ['PT Fiberstar', 2],
  ['PT Jaringan Nusantara Data', 13],
  ['PT Sinar Data Sulawesi', 20],
  ['CV Mitra Komputer Makassar', 28],
  ['CV Sinar Jaya Teknik', 17],
  ['CV Global Teknik Mandiri', 9],
  ['CV Karya Elektrik Celebes', 6],
  ['Dinas Komunikasi dan Informatika Provinsi Sulawesi Selatan', 30],
  ['Badan Pusat Statistik Kota Makassar', 4],
  ['Bank Sulselbar', 8],
  ['Universitas Hasanuddin', 5],
  ['Badan Siber dan Sandi Negara', 3],
  ['Inspektorat Kota Makassar', 4],
  ['Badan Kepegawaian dan Pengembangan SDM', 10],
  ['Bagian Umum Sekretariat Daerah', 26],
  ['Dinas Kependudukan dan Pencatatan Sipil', 12],
  ['Badan Pendapatan Daerah', 9],
];

export const PURPOSES = [
  'Pemeliharaan rutin server dan UPS',
  'Penggantian disk RAID server aplikasi',
  'Instalasi perangkat jaringan baru',
  'Penarikan kabel fiber optik ke rak inti',
  'Pengecekan suhu dan sistem pendingin ruang server',
  'Upgrade firmware switch inti',
  'Pemasangan server baru SIMPEG',
  'Audit keamanan fisik ruang server',
  'Perbaikan PDU dan kabel daya rak',
  'Migrasi data ke storage baru',
  'Penggantian baterai UPS',
  'Konfigurasi firewall perimeter',
  'Pemeriksaan perangkat CCTV dan NVR',
  'Backup manual data kependudukan',
  'Survei kapasitas rak untuk proyek baru',
];

export const WORK_PLANS = [
  'Matikan layanan terjadwal, ganti komponen, uji layanan, nyalakan kembali.',
  'Pasang perangkat di rak B3, sambungkan ke switch distribusi, uji konektivitas.',
  'Cadangkan konfigurasi, perbarui firmware, verifikasi VLAN dan routing.',
  'Ganti 2 disk yang rusak, rebuild RAID 5, pantau proses hingga selesai.',
  'Ukur suhu tiap rak, bersihkan filter AC presisi, catat hasil pengukuran.',
  'Tarik kabel dari panel ODF ke rak inti, terminasi, uji dengan OTDR.',
  'Periksa log perangkat, ambil foto kondisi rak, susun laporan temuan.',
  'Salin data ke storage baru, verifikasi checksum, alihkan mount point.',
  'Lepas baterai lama, pasang baterai baru, uji beban UPS selama 15 menit.',
  'Terapkan aturan firewall baru sesuai change request, uji akses layanan.',
];

export const OUTCOMES = [
  'Pekerjaan selesai, layanan normal kembali.',
  'Selesai sesuai rencana, tidak ada kendala.',
  'Selesai, perlu kunjungan lanjutan untuk penggantian suku cadang.',
  'Perangkat terpasang dan teruji, dokumentasi diserahkan.',
  'Pengecekan selesai, laporan akan dikirim melalui email.',
  'Firmware diperbarui, konfigurasi dicadangkan.',
];

export const ACTIVITIES = [
  'Membuka rak B2 untuk pengecekan kabel.',
  'Mematikan server aplikasi sementara sesuai jadwal.',
  'Mengganti kabel patch yang longgar di switch akses.',
  'Menyalakan kembali layanan dan memantau log.',
];

export const REFUSE_REASONS = ['Tidak ada surat tugas dari instansi.', 'Jadwal bentrok dengan pemeliharaan listrik gedung.', 'Pekerjaan belum disetujui change board.'];

export const CANCEL_REASONS = ['Pengunjung membatalkan, suku cadang belum tersedia.', 'Pekerjaan dijadwalkan ulang oleh vendor.', 'Pengunjung dipanggil kembali ke kantor.'];

/** [kind, brand/model, serial prefix]. */
export const DEVICES: ['laptop' | 'server' | 'disk' | 'network' | 'tool' | 'phone', string, string][] = [
  ['laptop', 'HP EliteBook 840 G8', '5CG'],
  ['laptop', 'Lenovo ThinkPad T14', 'PF'],
  ['laptop', 'Dell Latitude 5420', 'DL'],
  ['laptop', 'ASUS ExpertBook B9', 'ASN'],
  ['disk', 'WD Gold 4TB', 'WCC'],
  ['disk', 'Seagate Exos 8TB', 'ZA'],
  ['disk', 'Samsung PM893 960GB', 'S5N'],
  ['server', 'Dell PowerEdge R650', 'SVC'],
  ['server', 'HPE ProLiant DL380 Gen10', 'CZJ'],
  ['network', 'Cisco Catalyst 9300', 'FOC'],
  ['network', 'MikroTik CCR2004', 'HGT'],
  ['network', 'Fortinet FortiGate 100F', 'FG1'],
  ['tool', 'Fluke LinkIQ', 'FLK'],
  ['tool', 'OTDR EXFO MaxTester', 'EXF'],
  ['phone', 'Samsung Galaxy A54', 'R58'],
];

/** Two-digit province codes of NIKs seen at a Makassar office (mostly Sulawesi Selatan). */
export const NIK_PROVINCES: [string, number][] = [
  ['73', 70], ['31', 8], ['32', 5], ['33', 3], ['35', 4], ['74', 3], ['72', 3], ['76', 2], ['64', 2],
];
