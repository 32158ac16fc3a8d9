package io.mandate.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http will not make: characters a URI may
 * not hold sent as they are, a Content-Length whose body never follows, and a chunked body pulled
 * from a generator while the answer is watched — so a test can see how much the server read.
 */
final class RawHttp {

    /** A test waits at most this long for an answer; a server that waits for a body it should not read fails the test. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** An answer: status, headers by lower-case name, body as UTF-8. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends only the request head (its target exactly as given) and reads the answer. */
    static Answer head(String baseUrl, String method, String target, String user, Map<String, String> headers) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(base, method, target, user, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    /**
     * Sends a request with its body (Content-Length) from a second thread while this one reads the
     * answer, as curl does: an answer that comes before the body is read is not lost to a broken pipe.
     */
    static Answer send(String url, String method, String user, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(url);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", String.valueOf(body.length));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(uri, method, target, user, all).getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException stopped) {
                    // the host answered and closed without reading it all
                }
            }, "body-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream());
            } finally {
                socket.close();
                writer.join(READ_TIMEOUT_MILLIS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a chunked body of {@code total} bytes — {@code prefix} followed by 'x' for ever — from a
     * second thread, and reads the answer on this one. {@code pulled} counts the bytes taken from the
     * generator, as it stood when the answer's status line arrived.
     */
    static Answer chunked(String baseUrl, String method, String target, String user, Map<String, String> headers,
                          String prefix, long total, AtomicLong pulledWhenAnswered) {
        URI base = URI.create(baseUrl);
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        AtomicLong pulled = new AtomicLong();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(base, method, target, user, all).getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> writeChunks(out, new Generator(prefix, total, pulled)), "chunked-body-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer;
            try {
                InputStream in = socket.getInputStream();
                String statusLine = line(in);
                pulledWhenAnswered.set(pulled.get());
                answer = readAfterStatusLine(statusLine, in);
            } finally {
                socket.close(); // the writer fails on its next write and ends
                writer.join(READ_TIMEOUT_MILLIS);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " (pulled " + pulled.get() + " bytes)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeChunks(OutputStream out, Generator body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(buffer, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException stopped) {
            // the server closed the connection, or the test did once it had its answer
        }
    }

    /** A body that does not exist in memory: {@code prefix}, then 'x' up to {@code total} bytes, counting what is read. */
    private static final class Generator extends InputStream {
        private final byte[] prefix;
        private final long total;
        private final AtomicLong pulled;

        Generator(String prefix, long total, AtomicLong pulled) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.total = total;
            this.pulled = pulled;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = pulled.get();
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - at);
            for (int i = 0; i < n; i++) {
                long p = at + i;
                b[off + i] = p < prefix.length ? prefix[(int) p] : (byte) 'x';
            }
            pulled.addAndGet(n);
            return n;
        }
    }

    private static String requestHead(URI base, String method, String target, String user, Map<String, String> headers) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (user != null) {
            head.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString((user.contains(":") ? user : user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Connection: close\r\n\r\n");
        return head.toString();
    }

    private static Answer read(InputStream in) throws IOException {
        return readAfterStatusLine(line(in), in);
    }

    private static Answer readAfterStatusLine(String statusLine, InputStream in) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        return new Answer(Integer.parseInt(parts[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c < 0 && line.size() == 0) {
            throw new IOException("the connection closed before an answer");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
