package io.rapport.customer.service;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an NDJSON body as it arrives, one line at a time: only the current line is held in memory, never the
 * body, and a line longer than {@code maxLineBytes} is skipped unread (reported, not buffered). Lines end at
 * {@code \n} (a {@code \r} before it is dropped); blank lines are skipped; line numbers count every line.
 */
public final class NdjsonLines {
    /** What the reader hands over, line by line. */
    public interface Sink {
        void line(int number, String text) throws Exception;

        /** A line longer than the limit; its bytes were discarded. */
        void tooLong(int number, long bytes) throws Exception;
    }

    private final int maxLineBytes;

    public NdjsonLines(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads {@code in} to its end, handing every non-blank line to {@code sink} before reading further. */
    public void read(InputStream in, Sink sink) throws Exception {
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        int number = 1;
        long skipped = -1; // >= 0 while skipping an overlong line: its length so far
        for (int n; (n = in.read(buffer)) != -1; ) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                number = end(line, buffer, start, i, skipped, number, sink);
                skipped = -1;
                start = i + 1;
            }
            int rest = n - start;
            if (skipped >= 0) {
                skipped += rest;
            } else if (line.size() + rest > maxLineBytes) {
                skipped = line.size() + rest;
                line.reset();
            } else {
                line.write(buffer, start, rest);
            }
        }
        if (skipped >= 0 || line.size() > 0) {
            end(line, buffer, 0, 0, skipped, number, sink);
        }
    }

    /** Ends the current line with {@code buffer[from, to)} as its last bytes. @return the next line's number */
    private int end(ByteArrayOutputStream line, byte[] buffer, int from, int to, long skipped, int number, Sink sink)
            throws Exception {
        if (skipped >= 0 || line.size() + (to - from) > maxLineBytes) {
            line.reset();
            sink.tooLong(number, Math.max(skipped, 0) + (to - from));
            return number + 1;
        }
        line.write(buffer, from, to - from);
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            sink.line(number, text);
        }
        return number + 1;
    }
}
