<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>Simpan Semua</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ya</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>Ya untuk &amp;Semua</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Tidak</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>T&amp;idak untuk Semua</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Batalkan</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Coba Lagi</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Abaikan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Buang</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Bantuan</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Terapkan</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Atur Ulang</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>Kembalikan Bawaan</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Tampilkan Rincian...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Sembunyikan Rincian...</translation>
        </message>
        <message>
            <source>About Qt</source>
            <translation>Tentang Qt</translation>
        </message>
        <message>
            <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Tentang Qt&lt;/h3&gt;&lt;p&gt;Program ini memakai Qt versi %1.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>CloseButton</name>
        <message>
            <source>Close Tab</source>
            <translation>Tutup Tab</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Drive</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>File Folder</source>
            <translation>Folder Berkas</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Pintasan</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Tidak diketahui</translation>
        </message>
    </context>
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <source>&amp;Select All</source>
            <translation>&amp;Pilih Semua</translation>
        </message>
        <message>
            <source>&amp;Step up</source>
            <translation>&amp;Naikkan</translation>
        </message>
        <message>
            <source>Step &amp;down</source>
            <translation>&amp;Turunkan</translation>
        </message>
    </context>
    <context>
        <name>QComboBox</name>
        <message>
            <source>False</source>
            <translation>Salah</translation>
        </message>
        <message>
            <source>Open the combo box selection popup</source>
            <translation>Buka daftar pilihan</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Benar</translation>
        </message>
    </context>
    <context>
        <name>QDialog</name>
        <message>
            <source>What's This?</source>
            <translation>Apa Ini?</translation>
        </message>
    </context>
    <context>
        <name>QDialogButtonBox</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>QDockWidget</name>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Closes the dock widget</source>
            <translation>Menutup panel ini</translation>
        </message>
        <message>
            <source>Float</source>
            <translation>Lepaskan</translation>
        </message>
        <message>
            <source>Undocks and re-attaches the dock widget</source>
            <translation>Melepas panel ini dan menempelkannya kembali</translation>
        </message>
    </context>
    <context>
        <name>QErrorMessage</name>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Show this message again</source>
            <translation>&amp;Tampilkan pesan ini lagi</translation>
        </message>
        <message>
            <source>An error occurred</source>
            <translation>Terjadi kesalahan</translation>
        </message>
        <message>
            <source>Critical Error:</source>
            <translation>Kesalahan Kritis:</translation>
        </message>
        <message>
            <source>Debug Message:</source>
            <translation>Pesan Debug:</translation>
        </message>
        <message>
            <source>Fatal Error:</source>
            <translation>Kesalahan Fatal:</translation>
        </message>
        <message>
            <source>Information:</source>
            <translation>Informasi:</translation>
        </message>
        <message>
            <source>Warning:</source>
            <translation>Peringatan:</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>%1
Folder tidak ditemukan.
Periksa apakah nama folder sudah benar.</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>%1
Berkas tidak ditemukan.
Periksa apakah nama berkas sudah benar.</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>%1 sudah ada.
Ganti berkas itu?</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Pilih</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Cari di:</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Folder &amp;Baru</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Buka</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Ganti Nama</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>'%1' dilindungi dari penulisan.
Tetap hapus?</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Semua Berkas (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Semua berkas (*)</translation>
        </message>
        <message>
            <source>Alt+Left</source>
            <translation>Alt+Left</translation>
        </message>
        <message>
            <source>Alt+Right</source>
            <translation>Alt+Right</translation>
        </message>
        <message>
            <source>Alt+Up</source>
            <translation>Alt+Up</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Yakin ingin menghapus '%1'?</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>Tampilan rinci</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>Tampilan daftar</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translation>Folder tidak dapat dihapus.</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Buat Folder Baru</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>Buat Folder Baru</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Tampilan Rinci</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Nama berkas:</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Jenis berkas:</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>Cari Folder</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Kembali</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>Ke folder induk</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Tampilan Daftar</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>Daftar tempat dan penanda</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>Folder Baru</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Folder Induk</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Tempat Terakhir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Simpan Sebagai</translation>
        </message>
        <message>
            <source>Show </source>
            <translation>Tampilkan </translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Tampilkan berkas &amp;tersembunyi</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>Bilah samping</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Computer</source>
            <translation>Komputer</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Tanggal Diubah</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Komputer Saya</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
    </context>
    <context>
        <name>QGnomeTheme</name>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Batal</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Tutup</translation>
        </message>
        <message>
            <source>&amp;OK</source>
            <translation>&amp;OK</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>Close without Saving</source>
            <translation>Tutup tanpa Menyimpan</translation>
        </message>
    </context>
    <context>
        <name>QInputDialog</name>
        <message>
            <source>Enter a value:</source>
            <translation>Masukkan nilai:</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Ulangi</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Batalkan</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih Semua</translation>
        </message>
    </context>
    <context>
        <name>QProgressBar</name>
        <message>
            <source>%p%</source>
            <translation>%p%</translation>
        </message>
    </context>
    <context>
        <name>QProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
    </context>
    <context>
        <name>QScrollBar</name>
        <message>
            <source>Bottom</source>
            <translation>Paling bawah</translation>
        </message>
        <message>
            <source>Left edge</source>
            <translation>Tepi kiri</translation>
        </message>
        <message>
            <source>Page down</source>
            <translation>Satu halaman ke bawah</translation>
        </message>
        <message>
            <source>Page left</source>
            <translation>Satu halaman ke kiri</translation>
        </message>
        <message>
            <source>Page right</source>
            <translation>Satu halaman ke kanan</translation>
        </message>
        <message>
            <source>Page up</source>
            <translation>Satu halaman ke atas</translation>
        </message>
        <message>
            <source>Right edge</source>
            <translation>Tepi kanan</translation>
        </message>
        <message>
            <source>Scroll down</source>
            <translation>Gulir ke bawah</translation>
        </message>
        <message>
            <source>Scroll here</source>
            <translation>Gulir ke sini</translation>
        </message>
        <message>
            <source>Scroll left</source>
            <translation>Gulir ke kiri</translation>
        </message>
        <message>
            <source>Scroll right</source>
            <translation>Gulir ke kanan</translation>
        </message>
        <message>
            <source>Scroll up</source>
            <translation>Gulir ke atas</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>Paling atas</translation>
        </message>
    </context>
    <context>
        <name>QTabBar</name>
        <message>
            <source>Scroll Left</source>
            <translation>Gulir ke Kiri</translation>
        </message>
        <message>
            <source>Scroll Right</source>
            <translation>Gulir ke Kanan</translation>
        </message>
    </context>
    <context>
        <name>QUndoGroup</name>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Redo %1</source>
            <translation>Ulangi %1</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Batalkan</translation>
        </message>
        <message>
            <source>Undo %1</source>
            <translation>Batalkan %1</translation>
        </message>
    </context>
    <context>
        <name>QUndoModel</name>
        <message>
            <source>&lt;empty&gt;</source>
            <translation>&lt;kosong&gt;</translation>
        </message>
    </context>
    <context>
        <name>QUndoStack</name>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Redo %1</source>
            <translation>Ulangi %1</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Batalkan</translation>
        </message>
        <message>
            <source>Undo %1</source>
            <translation>Batalkan %1</translation>
        </message>
    </context>
    <context>
        <name>QUnicodeControlCharacterMenu</name>
        <message>
            <source>Insert Unicode control character</source>
            <translation>Sisipkan karakter kendali Unicode</translation>
        </message>
    </context>
    <context>
        <name>QWidget</name>
        <message>
            <source>*</source>
            <translation>*</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Ulangi</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Batalkan</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>Salin Alamat &amp;Tautan</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih Semua</translation>
        </message>
    </context>
</TS>
