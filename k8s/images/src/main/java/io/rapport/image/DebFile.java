package io.rapport.image;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Reads a .deb: an ar archive of debian-binary, control.tar.* and data.tar.* (xz, gzip or uncompressed). */
final class DebFile {
    /** Receives the entries of data.tar, in archive order, with the entry's content for regular files. */
    @FunctionalInterface
    interface DataVisitor {
        void visit(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private DebFile() {}

    /**
     * Reads the package's {@code control} file and visits its data.
     *
     * @return the control file (deb822 fields of the package)
     */
    static String read(Path deb, DataVisitor data) throws IOException {
        String control = null;
        boolean sawData = false;
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            for (ArArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
                String name = e.getName().replaceFirst("/$", "");
                if (name.startsWith("control.tar")) {
                    control = controlFile(tar(name, ar));
                } else if (name.startsWith("data.tar")) {
                    try (TarArchiveInputStream tar = tar(name, ar)) {
                        for (TarArchiveEntry t = tar.getNextEntry(); t != null; t = tar.getNextEntry()) {
                            data.visit(t, tar);
                        }
                    }
                    sawData = true;
                }
            }
        }
        if (control == null || !sawData) {
            throw new IOException(deb + " is not a Debian package (no control.tar or data.tar member)");
        }
        return control;
    }

    private static String controlFile(TarArchiveInputStream tar) throws IOException {
        try (tar) {
            for (TarArchiveEntry t = tar.getNextEntry(); t != null; t = tar.getNextEntry()) {
                if (t.getName().equals("./control") || t.getName().equals("control")) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("control.tar has no control file");
    }

    /** The member's tar stream; closing it leaves the ar stream open. */
    private static TarArchiveInputStream tar(String member, InputStream ar) throws IOException {
        InputStream raw = new FilterInputStream(ar) {
            @Override
            public void close() {
                // the ar stream goes on with the next member
            }
        };
        InputStream in;
        if (member.endsWith(".xz")) {
            in = new XZCompressorInputStream(raw);
        } else if (member.endsWith(".gz")) {
            in = new GzipCompressorInputStream(raw);
        } else if (member.equals("control.tar") || member.equals("data.tar")) {
            in = raw;
        } else {
            throw new IOException("unsupported compression of " + member + " (xz, gzip or none)");
        }
        return new TarArchiveInputStream(in);
    }
}
