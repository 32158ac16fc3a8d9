package io.mandate.platform;

/** The host's mail path: hands one plain-text message for one address to the product's outgoing mail. */
public interface Mailer {

    /**
     * Queues a plain-text message; the host sends it later (asynchronously, with its own retries).
     *
     * @throws RuntimeException when the host refuses the message; nothing is queued then
     */
    void send(String toAddress, String subject, String plainTextBody);
}
