package io.mandate.refhost.applinks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How Confluence's link tells the Jira node of the same host "this request is made as user X", as OAuth with
 * impersonation does in a real pair: three headers whose HMAC-SHA256 over method, path, user and time is made with
 * a secret only the two nodes of this host know (created at start, never written anywhere). Jira believes them only
 * from a loopback address, within {@link #MAX_AGE}, with a valid signature; anything else is ignored, so the caller is
 * anonymous.
 */
public final class LinkSignature {

    public static final String USER = "X-Refhost-Applink-User";
    public static final String TIME = "X-Refhost-Applink-Time";
    public static final String SIGNATURE = "X-Refhost-Applink-Signature";
    /* Generous for a loopback request, short for a replayed one. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);

    private final byte[] secret;
    private final Clock clock;

    LinkSignature(byte[] secret, Clock clock) {
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** A fresh secret for one run of the host. */
    public static LinkSignature random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new LinkSignature(secret, Clock.systemUTC());
    }

    /** The headers that make a request to {@code target} one of {@code username}'s. */
    public Map<String, String> headers(String username, String method, URI target) {
        String time = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER, username);
        headers.put(TIME, time);
        headers.put(SIGNATURE, sign(method, target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()),
                username, time));
        return headers;
    }

    /** The user a request is made for, if it carries this host's valid, fresh link signature and comes from loopback. */
    public Optional<String> verify(HttpServletRequest request) {
        String user = request.getHeader(USER);
        String time = request.getHeader(TIME);
        String signature = request.getHeader(SIGNATURE);
        if (user == null || time == null || signature == null || !fromLoopback(request.getRemoteAddr())) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(time);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long age = clock.instant().getEpochSecond() - seconds;
        if (Math.abs(age) > MAX_AGE.toSeconds()) {
            return Optional.empty();
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        byte[] expected = sign(request.getMethod(), target, user, time).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(user) : Optional.empty();
    }

    private String sign(String method, String pathAndQuery, String user, String time) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String text = method + "\n" + pathAndQuery + "\n" + user + "\n" + time;
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean fromLoopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            // an IP literal: no name lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
