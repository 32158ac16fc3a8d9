package io.mandate.platform.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A request body with its size limit enforced while it is read, not after: a declared
 * Content-Length over the limit is refused before a byte is read, and a body without one (chunked)
 * is refused as soon as one byte more than the limit has arrived. So no caller, logged in or not,
 * can make the host hold more than the limit per request. Every endpoint that takes a body reads it
 * through here (usually through {@link JsonBody}).
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body as a stream that fails with {@link TooLarge} past {@code maxBytes}.
     *
     * @param contentLength the declared Content-Length, or -1 when none was sent
     * @throws ApiException 413 when the declared length is already over the limit
     */
    public static InputStream open(InputStream body, long contentLength, int maxBytes) {
        if (contentLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return new Limited(body == null ? InputStream.nullInputStream() : body, maxBytes);
    }

    /** The contract's 413, naming {@code body}. */
    public static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, Message.of("mandate.error.body.tooLarge", maxBytes),
                Map.of("body", Message.of("mandate.error.body.tooLargeField", maxBytes)));
    }

    /** Thrown by the stream of {@link #open} once more than the limit has been read. */
    public static final class TooLarge extends IOException {
        private final int maxBytes;

        TooLarge(int maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }

    /** Counts what passes; reads at most one byte past the limit, which is how it knows. */
    private static final class Limited extends FilterInputStream {
        private final int maxBytes;
        private long read;

        Limited(InputStream in, int maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            int allowed = (int) Math.min(len, maxBytes + 1L - read);
            int n = super.read(b, off, allowed);
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(n, 8192)];
            int r = read(discard, 0, discard.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
