package io.rapport.customer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    /** A body of {@code lines} rows produced on demand (never held whole), counting the bytes handed out. */
    static final class GeneratedBody extends InputStream {
        private final int lines;
        private int next;
        private byte[] current = new byte[0];
        private int pos;
        long produced;

        GeneratedBody(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                if (next == lines) {
                    return -1;
                }
                current = ("{\"kind\":\"CONSUMER\",\"givenName\":\"Row" + next++ + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }
    }

    private record Seen(List<String> lines, List<String> tooLong) {}

    private static Seen read(int maxLineBytes, byte[] body) throws Exception {
        Seen seen = new Seen(new ArrayList<>(), new ArrayList<>());
        new NdjsonLines(maxLineBytes).read(new ByteArrayInputStream(body), new NdjsonLines.Sink() {
            @Override
            public void line(int number, String text) {
                seen.lines().add(number + ":" + text);
            }

            @Override
            public void tooLong(int number, long bytes) {
                seen.tooLong().add(number + ":" + bytes);
            }
        });
        return seen;
    }

    @Test
    void aMillionLinesAreHandedOverAsTheyArriveNotAfterTheBodyIsRead() throws Exception {
        GeneratedBody body = new GeneratedBody(1_000_000);
        long[] producedAtFirstLine = {-1};
        int[] count = {0};
        new NdjsonLines(1 << 20).read(body, new NdjsonLines.Sink() {
            @Override
            public void line(int number, String text) {
                if (count[0]++ == 0) {
                    producedAtFirstLine[0] = body.produced;
                }
                assertThat(number).isEqualTo(count[0]);
            }

            @Override
            public void tooLong(int number, long bytes) {
                throw new AssertionError("no line is too long");
            }
        });
        assertThat(count[0]).isEqualTo(1_000_000);
        assertThat(body.produced).isGreaterThan(40_000_000L);
        // the first row was handled after at most one read buffer, not after the 40 MB body
        assertThat(producedAtFirstLine[0]).isLessThanOrEqualTo(1 << 16);
    }

    @Test
    void aLineOverTheLimitIsReportedWithoutBeingKeptAndTheNextLinesFollow() throws Exception {
        String huge = "x".repeat(200_000);
        Seen seen = read(1000, ("{\"a\":1}\n" + huge + "\n{\"b\":2}\n" + huge).getBytes(StandardCharsets.UTF_8));
        assertThat(seen.lines()).containsExactly("1:{\"a\":1}", "3:{\"b\":2}");
        assertThat(seen.tooLong()).containsExactly("2:200000", "4:200000");
    }

    @Test
    void blankLinesAreSkippedButCountedCrlfIsAcceptedAndTheLastLineNeedsNoNewline() throws Exception {
        Seen seen = read(100, "{\"a\":1}\r\n\r\n   \n{\"b\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(seen.lines()).containsExactly("1:{\"a\":1}", "4:{\"b\":2}");
        assertThat(seen.tooLong()).isEmpty();
    }

    @Test
    void multiByteCharactersSplitAcrossReadsStayWhole() throws Exception {
        String name = "Zoë Łukasz 東京 ".repeat(10_000); // crosses the 64 KiB read buffer several times
        String line = "{\"givenName\":\"" + name + "\"}";
        Seen seen = read(1 << 20, (line + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(seen.lines()).containsExactly("1:" + line, "2:" + line);
    }

    @Test
    void aLineExactlyAtTheLimitIsRead() throws Exception {
        String line = "y".repeat(10);
        Seen seen = read(10, (line + "\n" + line + "z\n").getBytes(StandardCharsets.UTF_8));
        assertThat(seen.lines()).containsExactly("1:" + line);
        assertThat(seen.tooLong()).containsExactly("2:11");
    }
}
