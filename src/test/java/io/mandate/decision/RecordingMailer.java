package io.mandate.decision;

import io.mandate.platform.Mailer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Test double of the host's mail queue: keeps what it is given, and refuses the addresses a test says it must. */
public class RecordingMailer implements Mailer {

    /** One message handed over. */
    public record Sent(String to, String subject, String body) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> tries = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> refused = Collections.synchronizedSet(new HashSet<>());

    @Override
    public void send(String toAddress, String subject, String plainTextBody) {
        tries.add(toAddress);
        if (refused.contains(toAddress)) {
            throw new IllegalStateException("the mail queue refuses " + toAddress);
        }
        sent.add(new Sent(toAddress, subject, plainTextBody));
    }

    /** From now on, messages to {@code address} are refused (until {@link #accept}). */
    public void refuse(String address) {
        refused.add(address);
    }

    public void accept(String address) {
        refused.remove(address);
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Every address a message was offered for, refused or not, in order. */
    public List<String> tries() {
        synchronized (tries) {
            return List.copyOf(tries);
        }
    }

    public List<String> addresses() {
        return sent().stream().map(Sent::to).toList();
    }
}
