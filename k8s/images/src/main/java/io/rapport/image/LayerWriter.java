package io.rapport.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one image layer: a gzip-compressed tar, deterministic for the same calls (no timestamps of its own), with
 * the digests an image config and manifest need. Each path is written once; {@link #kind} tells what is there.
 */
final class LayerWriter implements Closeable {
    enum Kind {
        DIRECTORY,
        FILE,
        SYMLINK,
        HARDLINK
    }

    /** The written layer: {@code diffId} is the SHA256 of the uncompressed tar, {@code digest} of the file. */
    record Result(Path file, String diffId, String digest, long size) {}

    private final Path file;
    private final MessageDigest uncompressed = DebianArchive.sha256();
    private final MessageDigest compressed = DebianArchive.sha256();
    private final TarArchiveOutputStream tar;
    private final Map<String, Kind> written = new HashMap<>();
    private final Map<String, String> symlinkTargets = new HashMap<>();
    private boolean finished;

    LayerWriter(Path file) throws IOException {
        this.file = file;
        OutputStream out = new DigestOutputStream(Files.newOutputStream(file), compressed);
        this.tar = new TarArchiveOutputStream(new DigestOutputStream(new GZIPOutputStream(out, 1 << 16), uncompressed));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** What is at {@code path} (no leading or trailing slash), or null. */
    Kind kind(String path) {
        return written.get(path);
    }

    /** Every path written so far. */
    java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(written.keySet());
    }

    String symlinkTarget(String path) {
        return symlinkTargets.get(path);
    }

    void directory(String path, int mode, long uid, long gid, Instant mtime) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
        put(e, path, Kind.DIRECTORY, mode, uid, gid, mtime, null, 0);
    }

    void file(String path, int mode, long uid, long gid, Instant mtime, InputStream content, long size)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
        put(e, path, Kind.FILE, mode, uid, gid, mtime, content, size);
    }

    void file(String path, int mode, byte[] content) throws IOException {
        file(path, mode, 0, 0, Instant.EPOCH, new java.io.ByteArrayInputStream(content), content.length);
    }

    void symlink(String path, String target, long uid, long gid, Instant mtime) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
        e.setLinkName(target);
        put(e, path, Kind.SYMLINK, 0777, uid, gid, mtime, null, 0);
        symlinkTargets.put(path, target);
    }

    /** A hard link to a path written before. */
    void hardlink(String path, String target, int mode, long uid, long gid, Instant mtime) throws IOException {
        if (written.get(target) != Kind.FILE) {
            throw new IOException("hard link " + path + " -> " + target + ": no regular file at the target");
        }
        TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
        e.setLinkName(target);
        put(e, path, Kind.HARDLINK, mode, uid, gid, mtime, null, 0);
    }

    /**
     * Writes the parent directories of {@code path} that are not in the layer yet (root-owned, 0755); fails when a
     * parent is not a directory (nothing may be written through a symlink).
     */
    void parents(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return;
        }
        String parent = path.substring(0, slash);
        Kind kind = written.get(parent);
        if (kind == Kind.DIRECTORY) {
            return;
        }
        if (kind != null) {
            throw new IOException(
                    path + ": its parent " + parent + " is a " + kind.name().toLowerCase() + " in the layer");
        }
        parents(parent);
        directory(parent, 0755, 0, 0, Instant.EPOCH);
    }

    private void put(
            TarArchiveEntry e,
            String path,
            Kind kind,
            int mode,
            long uid,
            long gid,
            Instant mtime,
            InputStream content,
            long size)
            throws IOException {
        if (written.putIfAbsent(path, kind) != null) {
            throw new IllegalStateException(path + " is already in the layer");
        }
        e.setMode(mode);
        e.setUserId(uid);
        e.setGroupId(gid);
        e.setUserName(uid == 0 ? "root" : "");
        e.setGroupName(gid == 0 ? "root" : "");
        e.setModTime(mtime.toEpochMilli());
        e.setSize(size);
        tar.putArchiveEntry(e);
        if (content != null) {
            long copied = content.transferTo(tar);
            if (copied != size) {
                throw new IOException(path + ": " + copied + " bytes, the entry says " + size);
            }
        }
        tar.closeArchiveEntry();
    }

    Result finish() throws IOException {
        tar.finish();
        tar.close();
        finished = true;
        HexFormat hex = HexFormat.of();
        return new Result(
                file, hex.formatHex(uncompressed.digest()), hex.formatHex(compressed.digest()), Files.size(file));
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            tar.close();
        }
    }
}
