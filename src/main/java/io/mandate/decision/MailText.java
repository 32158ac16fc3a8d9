package io.mandate.decision;

/**
 * What plain-text mail does to what users typed. The mail is text/plain, so markup in a summary or an outcome is shown
 * as the characters it is and never interpreted; what must not happen is a line break in a one-line value starting a
 * new header (in a subject) or a line that looks like part of the frame (in a list of issues).
 */
final class MailText {

    private MailText() {
    }

    /** The text on one line: every run of line breaks (CR, LF, and the Unicode line and paragraph separators) is one space. */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
