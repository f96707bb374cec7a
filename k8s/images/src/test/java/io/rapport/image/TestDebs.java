package io.rapport.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds small Debian packages (.deb bytes) the way dpkg-deb lays them out: ./-prefixed tar entries. */
final class TestDebs {
    private TestDebs() {}

    record Entry(String name, char type, int mode, String content, String link) {
        static Entry dir(String name) {
            return new Entry(name, (char) TarConstants.LF_DIR, 0755, null, null);
        }

        static Entry file(String name, String content) {
            return new Entry(name, (char) TarConstants.LF_NORMAL, 0644, content, null);
        }

        static Entry executable(String name, String content) {
            return new Entry(name, (char) TarConstants.LF_NORMAL, 0755, content, null);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, (char) TarConstants.LF_SYMLINK, 0777, null, target);
        }

        static Entry hardlink(String name, String target) {
            return new Entry(name, (char) TarConstants.LF_LINK, 0644, null, target);
        }
    }

    /** A .deb with the given control file and data entries (data.tar.xz, control.tar.gz). */
    static byte[] deb(String control, List<Entry> data) throws IOException {
        List<Entry> controlEntries = List.of(Entry.dir("./"), Entry.file("./control", control));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.gz", tar(controlEntries, false));
            member(ar, "data.tar.xz", tar(data, true));
        }
        return out.toByteArray();
    }

    /** A control stanza. */
    static String control(String name, String version, String depends) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: amd64\n"
                + (depends.isEmpty() ? "" : "Depends: " + depends + "\n") + "Description: test package\n";
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length, 0, 0, 0100644, 0));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    private static byte[] tar(List<Entry> entries, boolean xz) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream compressed =
                        xz ? new XZCompressorOutputStream(bytes) : new GzipCompressorOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            for (Entry e : entries) {
                TarArchiveEntry t = new TarArchiveEntry(e.name(), (byte) e.type());
                t.setMode(e.mode());
                t.setModTime(1_700_000_000_000L);
                if (e.link() != null) {
                    t.setLinkName(e.link());
                }
                byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                t.setSize(content.length);
                tar.putArchiveEntry(t);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Entries for a package that ships directories and files under the given paths (parents first). */
    static List<Entry> tree(Entry... entries) {
        List<Entry> all = new ArrayList<>();
        all.add(Entry.dir("./"));
        all.addAll(List.of(entries));
        return all;
    }
}
